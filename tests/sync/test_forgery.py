"""Forged bundles, as someone with a text editor, a hash tool and a registration file would
make them: each is refused (before parsing where the seal is at fault), nothing changes, and
through the services the file is kept aside with its reason."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from coopdesk.db import models as m
from coopdesk.services import sync as sync_service
from coopdesk.services import trust as trust_service
from coopdesk.sync import bundle, canonical, trust
from tests.sync.forge import forge, reencrypt, rehash_tail, reseal, seal_as, split, unseal
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, Site, coop, person
from tests.sync_keys import register


@pytest.fixture
def sites(make_site) -> tuple[Site, Site, Site]:
    a, b, p = make_site("a", COMMUNE_A), make_site("b", COMMUNE_B), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    a.add(m.Role, person_id=pid, cooperative_id=cid, role="director")
    b.add(m.Cooperative, **coop("HTX Bản Giang"))
    return a, b, p


@contextmanager
def never_parsed() -> Iterator[None]:
    """Fail the test if a bundle's content is decompressed or parsed meanwhile."""

    def parse(*_args: Any, **_kw: Any) -> None:
        raise AssertionError("the bundle was parsed")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bundle, "decode", parse)
        yield


def _counts(site: Site) -> dict[str, int]:
    with site.session() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in m.Base.metadata.sorted_tables
        }


def _refused(
    site: Site, data: bytes, reason: str, *, preview_too: bool = True, unparsed: bool = False
) -> str:
    """The refusal's message, after checking that the database did not change (and, with
    `unparsed`, that the bundle's content was never decompressed nor parsed)."""
    before, counts = site.dump(), _counts(site)
    with never_parsed() if unparsed else nullcontext():
        if preview_too:
            preview = site.preview(data)
            assert preview.refused and preview.reason == reason, preview.to_json()
        report = site.receive(data)
    assert report.refused and report.reason == reason, report.to_json()
    assert site.dump() == before and _counts(site) == counts
    return report.message


def test_a_bundle_edited_then_rehashed_is_refused_before_parsing(sites) -> None:
    a, _b, p = sites
    data = a.export(PROVINCE)
    edited = bytearray(data)
    edited[len(data) // 2] ^= 0x01
    message = _refused(p, rehash_tail(bytes(edited)), "signature", unparsed=True)
    assert "Chữ ký" in message and "Phường Tân Phong" in message
    _refused(p, rehash_tail(data), "signature", unparsed=True)


def test_new_content_under_a_genuine_signature_is_refused_before_parsing(sites) -> None:
    a, _b, p = sites
    data = a.export(PROVINCE)
    inner = unseal(data)
    edited = reseal(inner.replace(b'"seq":1', b'"seq":7', 1))  # re-hashed, same length
    assert edited != inner and len(edited) == len(inner)
    _refused(p, reencrypt(data, edited, p), "signature", unparsed=True)


def test_a_commune_bundle_claiming_to_be_the_provinces(sites) -> None:
    a, b, p = sites
    header, body = split(a.export(PROVINCE))
    header["sender"] = {**header["sender"], "unit": PROVINCE}
    header["recipient"] = {**header["recipient"], "unit": COMMUNE_B}
    claims = forge(header, canonical.dumps_bytes(body))
    # sealed with the commune's own key, the clear routing claiming the province: the key is
    # trusted for the commune only, so the bundle is not the province's
    forged = seal_as(a, b, claims, sender_unit=PROVINCE)
    message = _refused(b, forged, "new_key", preview_too=False, unparsed=True)
    assert "Lai Châu (12)" in message and "không được khoá" in message  # not announced
    assert "có thể là giả mạo" in message
    # the routing honest, the inside claiming the province: the two do not match
    _refused(b, seal_as(a, b, claims), "signature")
    _refused(p, seal_as(a, p, claims), "signature")


def test_a_bundle_for_another_recipient(sites) -> None:
    a, b, _p = sites
    message = _refused(b, a.export(PROVINCE), "recipient", unparsed=True)
    assert "Lai Châu (12)" in message


def test_an_old_unsigned_bundle(sites) -> None:
    a, _b, p = sites
    message = _refused(p, unseal(a.export(PROVINCE)), "unsigned", unparsed=True)
    assert "không có chữ ký" in message


def test_an_unconfirmed_sender_previews_but_does_not_merge(make_site, sites, tmp_path) -> None:
    _a, _b, p = sites
    x = make_site("x", COMMUNE_B, trusted=False)  # a new laptop of Bản Giang, not confirmed
    register(x.engine, PROVINCE, p.keys)  # it has the province's registration file
    x.add(m.Cooperative, **coop("HTX Mới"))
    data = x.export(PROVINCE)
    preview = p.preview(data)
    before = p.dump()  # (the preview's first use gave this database its replica id)
    assert not preview.refused and preview.counts["new"] >= 1
    # Bản Giang is known here by its other laptop's key: a new key it did not announce
    assert "Xã Bản Giang (03409)" in preview.message and "khoá mới" in preview.message
    assert 'coopdesk registration import TỆP --fingerprint "…"' in preview.message
    message = _refused(p, data, "new_key", preview_too=False)
    assert message == preview.message
    assert p.dump() == before

    # through the services, the file is kept aside; once confirmed, it merges
    path = tmp_path / "from-x.coopdesk"
    path.write_bytes(data)
    me = sync_service.Me(PROVINCE, True)
    with pytest.raises(sync_service.ImportRefused), p.session() as s:
        sync_service.import_bundle(s, path, me=me)
    with p.session() as s:
        kept = trust_service.quarantine_list(s)
    assert [(q["file"], q["reason"], q["sender_unit"]) for q in kept] == [
        ("from-x.coopdesk", "new_key", COMMUNE_B)
    ]
    register(p.engine, COMMUNE_B, x.keys)
    with p.session() as s:
        assert sync_service.import_bundle(s, path, me=me).applied


def test_a_revoked_senders_later_bundle(sites) -> None:
    a, _b, p = sites
    assert p.receive(a.export(PROVINCE)).applied
    with p.session() as s:
        trust.revoke(s, a.keys.fingerprint)
    a.add(m.Cooperative, **coop("HTX Sau Khi Mất Máy"))
    message = _refused(p, a.export(PROVINCE), "revoked", unparsed=True)
    assert "thu hồi" in message and "Phường Tân Phong" in message


def test_quarantine_keeps_each_refusal_with_its_reason(sites, tmp_path: Path) -> None:
    a, b, _p = sites
    me = sync_service.Me(COMMUNE_B, False)
    path = tmp_path / "for-the-province.coopdesk"
    path.write_bytes(a.export(PROVINCE))
    with pytest.raises(sync_service.ImportRefused) as refused, b.session() as s:
        sync_service.import_bundle(s, path, me=me)
    assert refused.value.report.reason == "recipient"
    with b.session() as s:
        (kept,) = trust_service.quarantine_list(s)
    assert (kept["reason"], kept["sender_unit"]) == ("recipient", COMMUNE_A)
    assert "niêm phong cho một máy khác" in kept["message"]
