"""Every refused bundle leaves the database exactly as it was."""

from __future__ import annotations

import json
import zlib

import pytest

from coopdesk.db import models as m
from coopdesk.sync import bundle, canonical, importer
from tests.sync.forge import forge, reseal, seal_as, split, unseal
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, NOW, PROVINCE, coop, person


@pytest.fixture
def pair(make_site):
    a = make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    a.add(m.Role, person_id=pid, cooperative_id=cid, role="director")
    # the province already holds something, so "unchanged" means unchanged
    p.add(m.Cooperative, **coop("HTX Tỉnh"))
    return a, p


def _refused(p, data: bytes, reason: str | None = None) -> importer.ImportReport:
    before = p.dump()
    preview = p.preview(data)
    report = p.receive(data)
    assert report.refused and preview.refused, report.to_json()
    assert report.message
    if reason:
        assert report.reason == reason, report.to_json()
    assert p.dump() == before
    return report


def test_truncated(pair) -> None:
    a, p = pair
    data = a.export(PROVINCE)
    for cut in (10, 30, len(data) // 2, len(data) - 1):
        report = _refused(p, data[:cut])
        assert any(w in report.message for w in ("hỏng", "CoopDesk", "Chữ ký"))


def test_one_byte_flipped_anywhere(pair) -> None:
    a, p = pair
    data = a.export(PROVINCE)
    for pos in range(0, len(data), max(1, len(data) // 40)):
        flipped = bytearray(data)
        flipped[pos] ^= 0x01
        _refused(p, bytes(flipped))


def test_inner_header_edited_even_when_resealed(pair) -> None:
    """Signed by its genuine sender, an inner bundle edited and re-hashed is still refused."""
    a, p = pair
    inner = unseal(a.export(PROVINCE))
    edited = inner.replace(b'"seq":1', b'"seq":7', 1)
    assert edited != inner
    _refused(p, seal_as(a, p, edited), "broken")
    _refused(p, seal_as(a, p, reseal(edited)), "broken")  # the bundle id no longer matches


def test_oversized_refused_before_parsing(pair) -> None:
    a, p = pair
    data = a.export(PROVINCE)
    before = p.dump()
    with p.session() as s:
        report = importer.import_bundle(
            s, data, my_unit=PROVINCE, apply=True, limits=bundle.Limits(max_file=len(data) - 1)
        )
    assert report.refused and report.reason == "too_large"
    assert p.dump() == before


def test_decompression_bomb(pair) -> None:
    a, p = pair
    header, _ = split(a.export(PROVINCE))
    body = b'{"records":[' + b" " * 30_000_000 + b"]}"
    _refused(p, seal_as(a, p, forge(header, body)), "too_large")
    # lying about the size does not help: decompression stops at the declared size
    _refused(p, seal_as(a, p, forge(header, body, size=1000)), "broken")


def test_newer_format(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    report = _refused(p, seal_as(a, p, forge(header, canonical.dumps_bytes(body), fmt=2)), "newer")
    assert "phiên bản CoopDesk mới hơn" in report.message


def test_duplicate_keys(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    raw = canonical.dumps(body)
    doubled = raw.replace('"records":', '"records":[],"records":', 1)
    _refused(p, seal_as(a, p, forge(header, doubled.encode())), "broken")


def test_nan_floats_deep_nesting_huge_numbers(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    raw = canonical.dumps(body)
    for bad in (
        raw.replace('"records":', '"x":NaN,"records":', 1),
        raw.replace('"records":', '"x":1.5,"records":', 1),
        raw.replace('"records":', '"x":' + "[" * 5000 + "]" * 5000 + ',"records":', 1),
        raw.replace('"records":', '"x":' + "9" * 400 + ',"records":', 1),
        raw.replace('"records":', '"x":' + "[" * 20 + "]" * 20 + ',"records":', 1),
        raw.replace('"records":', '"x":{"a":"\\ud800"},"records":', 1),
        raw.replace('"records":', '"x":{"\\udfff":1},"records":', 1),
    ):
        _refused(p, seal_as(a, p, forge(header, bad.encode())), "broken")


def test_not_json_at_all(pair) -> None:
    a, p = pair
    header, _ = split(a.export(PROVINCE))
    _refused(p, seal_as(a, p, forge(header, b"\xff\xfe not json")), "broken")
    _refused(p, b"PK\x03\x04 a zip file", "not_bundle")


def test_out_of_scope_record(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    body["records"][0]["d"]["unit_code"] = COMMUNE_B
    report = _refused(p, seal_as(a, p, forge(header, canonical.dumps_bytes(body))), "scope")
    assert "Xã Bản Giang" in report.message


def test_commune_may_not_send_province_targets(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    rec = json.loads(json.dumps(body["records"][0]))
    rec.update(t="targets", id="0e3c0a50-0000-4000-8000-000000000001")
    rec["d"] = {
        "unit_code": PROVINCE,
        "target_unit_code": COMMUNE_A,
        "indicator_code": "new_jobs_women",
        "period": "2026",
        "value": "1",
        "comparison": ">=",
        "note": "",
        "plan_id": None,
        "created_at": "2026-01-01T00:00:00",
        "updated_at": "2026-01-01T00:00:00",
        "created_by": "",
        "updated_by": "",
        "deleted_at": None,
    }
    body["records"].append(rec)
    _refused(p, seal_as(a, p, forge(header, canonical.dumps_bytes(body))), "scope")


def test_invalid_field(pair) -> None:
    a, p = pair
    header, body = split(a.export(PROVINCE))
    coop_rec = next(r for r in body["records"] if r["t"] == "cooperatives")
    coop_rec["d"]["founded_on"] = "31/02/2026"
    report = _refused(p, seal_as(a, p, forge(header, canonical.dumps_bytes(body))), "invalid")
    assert "founded_on" in report.message and "HTX Hoa Ban" in report.message


def test_wrong_recipient(pair, make_site) -> None:
    a, _p = pair
    b = make_site("b", COMMUNE_B)
    _refused(b, a.export(PROVINCE), "recipient")


def test_write_is_atomic_and_verified(pair, tmp_path) -> None:
    a, _ = pair
    data = a.export(PROVINCE)
    out = bundle.write(tmp_path / "x.coopdesk", data)
    assert out.read_bytes() == data
    assert not list(tmp_path.glob(".*part"))


def test_same_data_same_bytes(pair) -> None:
    a, _ = pair
    with a.session() as s:
        from coopdesk.sync import exporter

        one = exporter.build(s, my_unit=COMMUNE_A, recipient_unit=PROVINCE, now=NOW).data
        s.rollback()
    with a.session() as s:
        two = exporter.build(s, my_unit=COMMUNE_A, recipient_unit=PROVINCE, now=NOW).data
        s.rollback()
    inner = unseal(one)
    assert inner == unseal(two)  # the seal itself is randomised (HPKE), its content is not
    start = len(bundle.MAGIC) + bundle._PREFIX.size
    _, header_len = bundle._PREFIX.unpack_from(inner, len(bundle.MAGIC))
    assert zlib.decompress(inner[start + header_len : -32]).startswith(b'{"base":')


def test_duplicate_natural_key_under_another_id(pair) -> None:
    a, p = pair
    cid = next(r["id"] for r in split(a.export(PROVINCE))[1]["records"] if r["t"] == "cooperatives")
    assert not p.receive(a.export(PROVINCE)).refused
    for site, rid in (
        (a, "00000000-0000-4000-8000-0000000000a1"),
        (p, "00000000-0000-4000-8000-0000000000b2"),
    ):
        with site.session() as s:  # bulk rows with random ids, as an old import might have made
            s.execute(
                m.CooperativeYear.__table__.insert(),
                [{"id": rid, "unit_code": COMMUNE_A, "cooperative_id": cid, "year": 2026,
                  "created_at": NOW, "updated_at": NOW, "created_by": "", "updated_by": "",
                  "consolidated": False}],
            )  # fmt: skip
    report = _refused(p, a.export(PROVINCE), "duplicate")
    assert "trùng" in report.message
