"""Bundles kept aside: listed with sender, fingerprint and why; trusted and imported again
through the normal import; deleted. Through the services and `coopdesk quarantine`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coopdesk.cli import main
from coopdesk.db import models as m
from coopdesk.services import settings
from coopdesk.services import sync as sync_service
from coopdesk.services import trust as trust_service
from coopdesk.sync import trust
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, Site, coop
from tests.sync_keys import register

ME = sync_service.Me(PROVINCE, True)


def keep_aside(site: Site, data: bytes, path: Path) -> sync_service.ImportRefused:
    """Import `data` as the GUI and the CLI do; it must be refused (and so kept aside)."""
    path.write_bytes(data)
    with pytest.raises(sync_service.ImportRefused) as refused, site.session() as s:
        sync_service.import_bundle(s, path, me=ME)
    return refused.value


@pytest.fixture
def province_and_stranger(make_site) -> tuple[Site, Site]:
    """The province, and a new laptop of Bản Giang that has the province's registration file
    but is not confirmed at the province yet."""
    p = make_site("p", PROVINCE)
    x = make_site("x", COMMUNE_B, trusted=False)
    register(x.engine, PROVINCE, p.keys)
    x.add(m.Cooperative, **coop("HTX Bản Giang Mới"))
    with p.session() as s:
        settings.save_installation(
            s, settings.Installation(unit_code=PROVINCE, role="aggregator", officer="Hoà")
        )
    return p, x


def test_kept_trusted_by_its_fingerprint_then_imported(province_and_stranger, tmp_path) -> None:
    p, x = province_and_stranger
    keep_aside(p, x.export(PROVINCE), tmp_path / "ban-giang-1.coopdesk")
    with p.session() as s:
        (kept,) = trust_service.quarantine_list(s)
    assert (kept["file"], kept["sender_unit"], kept["sender_name"]) == (
        "ban-giang-1.coopdesk", COMMUNE_B, "Xã Bản Giang"
    )  # fmt: skip
    assert (kept["fingerprint"], kept["sender_status"]) == (x.keys.fingerprint, "unknown")
    assert kept["reason_text"] == "người gửi chưa được xác nhận"

    # not confirmed yet: importing again is refused the same way, still kept once
    with pytest.raises(sync_service.ImportRefused), p.session() as s:
        trust_service.retry_kept(s, kept["id"])
    with p.session() as s:
        assert [q["reason"] for q in trust_service.quarantine_list(s)] == ["unknown_sender"]
        with pytest.raises(trust_service.TrustRefused) as wrong:
            trust_service.trust_kept_sender(s, kept["id"], "1234 5678 9012 3456 7890")
    assert "không khớp" in str(wrong.value)
    with p.session() as s:
        assert trust.lookup(s, COMMUNE_B, x.keys) == "unknown"
        peer = trust_service.trust_kept_sender(s, kept["id"], x.keys.fingerprint)
    assert (peer["unit_name"], peer["status"]) == ("Xã Bản Giang", "trusted")
    with p.session() as s:
        report = trust_service.retry_kept(s, kept["id"])
    assert report.applied and report.counts["new"] >= 1
    with p.session() as s:
        assert trust_service.quarantine_list(s) == []
        names = {c.name for c in s.query(m.Cooperative)}
        assert "HTX Bản Giang Mới" in names
        history = sync_service.import_history(s)
    assert history[0].file_name == "ban-giang-1.coopdesk"


def test_a_revoked_key_is_not_trusted_again_from_a_kept_bundle(make_site, tmp_path) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with p.session() as s:
        trust.revoke(s, a.keys.key_id)
    keep_aside(p, a.export(PROVINCE), tmp_path / "lost-laptop.coopdesk")
    with p.session() as s:
        (kept,) = trust_service.quarantine_list(s)
        assert (kept["reason_text"], kept["sender_status"]) == ("khoá đã bị thu hồi", "revoked")
        with pytest.raises(trust_service.TrustRefused) as refused:
            trust_service.trust_kept_sender(s, kept["id"], a.keys.fingerprint)
    assert "đã bị thu hồi" in str(refused.value)
    with p.session() as s:
        assert trust.lookup(s, COMMUNE_A, a.keys) == "revoked"
        trust_service.drop_kept(s, kept["id"])
    with p.session() as s:
        assert trust_service.quarantine_list(s) == []
        with pytest.raises(trust_service.TrustRefused) as gone:
            trust_service.drop_kept(s, kept["id"])
    assert f"Không có gói số {kept['id']}" in str(gone.value)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_coopdesk_quarantine_list_retry_drop(province_and_stranger, tmp_path, capsys) -> None:
    p, x = province_and_stranger
    keep_aside(p, x.export(PROVINCE), tmp_path / "ban-giang-1.coopdesk")
    folder = str(p.dir)
    code, out, err = run(capsys, "quarantine", "list", "--data-dir", folder)
    assert code == 0, err
    assert f"Xã Bản Giang (03409)  {x.keys.fingerprint}  ban-giang-1.coopdesk" in out
    assert "người gửi chưa được xác nhận: " in out
    kept_id = json.loads(run(capsys, "quarantine", "list", "--data-dir", folder, "--json")[1])[0]

    code, _out, err = run(capsys, "quarantine", "retry", "--data-dir", folder, str(kept_id["id"]))
    assert code == 2 and "chưa được xác nhận" in err
    code, _out, err = run(capsys, "quarantine", "retry", "--data-dir", folder,
                          str(kept_id["id"]), "--fingerprint", "0000")  # fmt: skip
    assert code == 2 and "không khớp" in err
    code, out, err = run(capsys, "quarantine", "retry", "--data-dir", folder,
                         str(kept_id["id"]), "--fingerprint", x.keys.fingerprint)  # fmt: skip
    assert code == 0, err
    assert (
        f"Đã tin cậy Xã Bản Giang với dấu vân tay {x.keys.fingerprint}" in out
        and "Đã nhập gói số 1 của Xã Bản Giang" in out
    )
    code, out, _err = run(capsys, "quarantine", "list", "--data-dir", folder)
    assert "Chưa có gói dữ liệu nào bị từ chối" in out

    keep_aside(p, b"not a bundle at all", tmp_path / "junk.coopdesk")
    kept = json.loads(run(capsys, "quarantine", "list", "--data-dir", folder, "--json")[1])
    code, out, err = run(capsys, "quarantine", "drop", "--data-dir", folder, str(kept[0]["id"]))
    assert code == 0 and f"{kept[0]['id']}" in out, err
    assert json.loads(run(capsys, "quarantine", "list", "--data-dir", folder, "--json")[1]) == []
