"""Keys that change (issue 12 item 4): new keys announced by the old ones are taken by the
recipient with the next bundle; a new key nobody announced, a forged announcement, or one made
by a revoked key is refused and kept aside; a copied laptop after `reidentify` is a second
computer of its unit, and both laptops' edits reach the province."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from coopdesk.db import models as m
from coopdesk.db.engine import engine_of
from coopdesk.services import settings
from coopdesk.services import sync as sync_service
from coopdesk.services import trust as trust_service
from coopdesk.sync import envelope, identity, trust, versions
from coopdesk.sync.conflicts import list_conflicts
from tests.backends import copy_installation
from tests.sync.helpers import COMMUNE_A, PROVINCE, Site, coop
from tests.sync_keys import CHEAP, PASSWORD, register


@pytest.fixture(autouse=True)
def _cheap_new_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trust, "KDF_PARAMS", CHEAP)


def statuses(site: Site) -> dict[str, str]:
    with site.session() as s:
        return {p.key_id: p.status for p in trust.peers(s)}


def current_keys(site: Site) -> Any:
    with site.session() as s:
        row = trust.current_row(s)
        assert row is not None
        return trust.public_of(row)


def names(site: Site) -> set[str]:
    with site.session() as s:
        return set(s.scalars(select(m.Cooperative.name)))


def test_rotated_keys_are_taken_with_the_next_bundle(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Trước"))
    assert p.receive(a.export(PROVINCE)).applied
    a.add(m.Cooperative, **coop("HTX Gửi Trước Khi Đổi Khoá"))
    made_before = a.export(PROVINCE)  # still on its way when the keys change
    with a.session() as s:
        trust.rotate(s, PASSWORD, COMMUNE_A, params=CHEAP)
    new = current_keys(a)
    assert new != a.keys
    a.add(m.Cooperative, **coop("HTX Sau Khi Đổi Khoá"))
    report = p.receive(a.export(PROVINCE))
    assert report.applied, report.message
    assert statuses(p) == {a.keys.key_id: "replaced", new.key_id: "trusted"}
    assert p.receive(made_before).applied  # signed by the replaced key before the change
    assert {"HTX Trước", "HTX Gửi Trước Khi Đổi Khoá", "HTX Sau Khi Đổi Khoá"} <= names(p)
    with p.session() as s:
        assert trust.recipient_keys(s, COMMUNE_A) == [new]  # sealed to the new key only
        listed = trust_service.trust_list(s)
    assert {x["status"] for x in listed} == {"trusted", "replaced"}
    # the province's next bundle opens at the commune with its new keys
    p.add(m.Cooperative, unit_code=COMMUNE_A, **coop("HTX Tỉnh Sửa"))
    down = p.export(COMMUNE_A)
    assert envelope.routing_of(down)["recipient"]["keys"] == [new.key_id]
    assert a.receive(down).applied


def test_a_new_key_nobody_announced_is_kept_aside(make_site, tmp_path: Path) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with a.session() as s:
        trust.create_identity(s, PASSWORD, params=CHEAP)  # new keys, not announced
    a.add(m.Cooperative, **coop("HTX Khoá Lạ"))
    path = tmp_path / "03408-new-key.coopdesk"
    path.write_bytes(a.export(PROVINCE))
    before = p.dump()
    with pytest.raises(sync_service.ImportRefused) as refused, p.session() as s:
        sync_service.import_bundle(s, path, me=sync_service.Me(PROVINCE, True))
    report = refused.value.report
    assert report.reason == "new_key"
    assert "khoá mới không được khoá của Phường Tân Phong (03408)" in report.message
    assert p.dump() == before and "HTX Khoá Lạ" not in names(p)
    with p.session() as s:
        (kept,) = trust_service.quarantine_list(s)
    assert (kept["reason_text"], kept["fingerprint"]) == (
        "khoá mới chưa được khoá cũ xác nhận", current_keys(a).fingerprint
    )  # fmt: skip


def test_a_forged_announcement_is_refused(make_site, monkeypatch: pytest.MonkeyPatch) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    x = make_site("x", COMMUNE_A, trusted=False)  # someone else's computer, as Tân Phong
    register(x.engine, PROVINCE, p.keys)
    x.add(m.Cooperative, **coop("HTX Giả Mạo"))
    with x.session() as s:
        mine, _all = trust.unlocked(s)
    forged = identity.announce(mine, x.keys, COMMUNE_A, "replace")  # signed by x's own key
    forged["old_sign"] = envelope._b64(a.keys.sign)  # claims Tân Phong's trusted key vouched
    forged["old_box"] = envelope._b64(a.keys.box)
    monkeypatch.setattr(trust, "announcements", lambda _s: [forged])
    data = x.export(PROVINCE)
    before = p.dump()
    for report in (p.preview(data), p.receive(data)):
        assert report.refused and report.reason == "announcement", report.to_json()
    assert "không được ký bằng khoá của Phường Tân Phong (03408)" in report.message
    assert p.dump() == before
    assert a.keys.key_id in statuses(p) and x.keys.key_id not in statuses(p)


def test_a_revoked_key_cannot_announce_new_keys(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with p.session() as s:
        trust.revoke(s, a.keys.fingerprint)  # the laptop was stolen
    with a.session() as s:
        trust.rotate(s, PASSWORD, COMMUNE_A, params=CHEAP)  # the thief makes new keys
    report = p.receive(a.export(PROVINCE))
    assert report.refused and report.reason == "revoked"
    assert current_keys(a).key_id not in statuses(p)


def test_revoking_a_rotated_key_revokes_the_keys_it_replaced(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with a.session() as s:
        trust.rotate(s, PASSWORD, COMMUNE_A, params=CHEAP)
    assert p.receive(a.export(PROVINCE)).applied
    with p.session() as s:
        trust.revoke(s, current_keys(a).fingerprint)
    assert set(statuses(p).values()) == {"revoked"}


def copy_of(site: Site, root: Path, name: str) -> Site:
    """A second laptop set up by copying `site`'s database file (same keys, same replica)."""
    copy = object.__new__(Site)
    copy.dir, copy.unit, copy.name, copy.keys = root / name, site.unit, name, site.keys
    copy.dir.mkdir()
    site.engine.dispose()
    copy_installation(site.dir, copy.dir)
    copy.engine = engine_of(copy.dir)
    return copy


def test_a_copied_laptop_after_reidentify_converges(make_site, tmp_path: Path) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    assert p.receive(a.export(PROVINCE)).applied
    a2 = copy_of(a, tmp_path, "a2")
    try:
        with a2.session() as s:
            settings.save_installation(
                s, settings.Installation(unit_code=COMMUNE_A, role="commune", officer="Mai")
            )
            info = trust_service.reidentify(s, PASSWORD)
        assert info.recovery_code and info.fingerprint != a.keys.fingerprint
        with a.session() as s, a2.session() as s2:
            assert versions.replica_id(s) != versions.replica_id(s2)
        a.edit(m.Cooperative, cid, name="HTX Hoa Ban (máy 1)")
        a2.edit(m.Cooperative, cid, name="HTX Hoa Ban (máy 2)")
        a2.add(m.Cooperative, **coop("HTX Máy Hai"))
        assert p.receive(a.export(PROVINCE)).applied
        report = p.receive(a2.export(PROVINCE))
        assert report.applied, report.message
        assert set(statuses(p).values()) == {"trusted"} and len(statuses(p)) == 2
        down = p.export(COMMUNE_A)  # sealed to both laptops of Tân Phong
        assert len(envelope.routing_of(down)["recipient"]["keys"]) == 2
        assert a.receive(down).applied and a2.receive(down).applied
        for site in (a, a2, p):
            with site.session() as s:
                assert len(list_conflicts(s)) == 1, site.name
            assert "HTX Máy Hai" in names(site)
        assert a.visible()["cooperatives"] == a2.visible()["cooperatives"]
        assert a.visible()["cooperatives"] == p.visible()["cooperatives"]
    finally:
        a2.engine.dispose()
