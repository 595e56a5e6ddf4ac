"""The trust list on the Bundles page: who is trusted (the unit's name, not only its code), and
'Thu hồi' with a confirmation, after which that sender's bundles are refused in plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from coopdesk.db import models as m
from coopdesk.services import accounts
from coopdesk.services import trust as trust_service
from coopdesk.sync import trust, versions
from coopdesk.ui.bundles_page import BundlesPage
from coopdesk.ui.context import AppContext, InstallationView
from coopdesk.ui.tasks import InlineTaskRunner
from coopdesk.ui.trust_box import TrustBox
from tests.sync.helpers import COMMUNE_A, PROVINCE, coop
from tests.sync_keys import CHEAP, PASSWORD
from tests.ui.conftest import save_screenshot


def site_ctx(site: Any, role: str) -> AppContext:
    inst = InstallationView(site.unit, role, "Lò Thị Mai")
    return AppContext(site.engine, site.dir, inst, InlineTaskRunner(raise_errors=True))


def table_rows(table: Any) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return record_messages(monkeypatch)


def record_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the message boxes say (information and warnings), in order."""
    out: list[str] = []

    def record(_parent: Any, _title: str, text: str, *_a: Any) -> None:
        out.append(text)

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return out


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_the_province_revokes_a_lost_laptop_and_its_bundles_are_refused(
    qtbot, make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    page = BundlesPage(site_ctx(p, "aggregator"))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    box = page.trust_list
    fingerprint = a.keys.fingerprint
    assert table_rows(box.table) == [
        ["Phường Tân Phong (03408)", "Lò Thị Mai", fingerprint, _today(), "tin cậy"]
    ]
    assert not box.revoke_button.isEnabled()  # nothing chosen yet
    box.table.selectRow(0)
    assert box.revoke_button.isEnabled()
    save_screenshot(box, "trust-list")

    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    box.revoke_selected()
    assert "Phường Tân Phong (03408)" in asked[0] and fingerprint in asked[0]
    assert table_rows(box.table)[0][4] == "tin cậy"  # 'No': nothing revoked

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    box.revoke_selected()
    assert said.pop() == (
        "Đã thu hồi khoá của Phường Tân Phong (03408): các gói của máy đó sẽ bị từ chối."
    )
    assert table_rows(box.table)[0][4] == "đã thu hồi"
    assert not box.revoke_button.isEnabled()
    save_screenshot(box, "trust-list-revoked")

    bundle = tmp_path / "03408-to-12-0002.coopdesk"
    bundle.write_bytes(a.export(PROVINCE))
    before = p.dump()
    page.preview(bundle)
    summary = page.preview_summary.text()
    assert "bị thu hồi" in summary and "Phường Tân Phong" in summary, summary
    assert not page.confirm_button.isEnabled()
    assert p.dump() == before


def _today() -> str:
    """Today, as the list writes the date a key was trusted (dd/mm/yyyy)."""
    return dt.datetime.now(dt.UTC).strftime("%d/%m/%Y")


def test_an_empty_trust_list_says_what_to_do(qtbot, make_site) -> None:
    p = make_site("p", PROVINCE)
    page = BundlesPage(site_ctx(p, "aggregator"))
    qtbot.addWidget(page)
    page.show()
    assert page.trust_list.table.rowCount() == 0
    assert page.trust_list.empty_note.isVisibleTo(page)
    assert "Chưa tin cậy máy nào" in page.trust_list.empty_note.text()


def _commune_ctx(site: Any) -> AppContext:
    from coopdesk.services import settings

    with site.session() as s:
        settings.save_installation(
            s, settings.Installation(unit_code=site.unit, role="commune", officer="Lò Thị Mai")
        )
    return site_ctx(site, "commune")


def _typed(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (text, True))


def test_new_keys_and_a_copied_laptop_from_the_window(
    qtbot, make_site, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    monkeypatch.setattr(trust, "KDF_PARAMS", CHEAP)
    a = make_site("a", COMMUNE_A)
    ctx = _commune_ctx(a)
    box = TrustBox(ctx)
    qtbot.addWidget(box)
    box.show()
    assert box.rotate_button.isVisible() and box.copy_button.isVisible()
    first = ctx.read(trust_service.identity).fingerprint

    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    _typed(monkeypatch, "không phải mật khẩu")
    box.rotate_keys()
    assert "đúng" in said.pop() and ctx.read(trust_service.identity).fingerprint == first
    _typed(monkeypatch, PASSWORD)
    box.rotate_keys()
    assert "mật khẩu" in asked[0]  # when to make new keys
    second = ctx.read(trust_service.identity).fingerprint
    assert second != first and second in said.pop()
    assert box.fingerprint.text() == f"Dấu vân tay: {second}"

    with a.session() as s:
        replica = versions.replica_id(s)
    box.reidentify()
    assert "bản sao" in asked[-1] or "sao chép" in asked[-1]
    assert ctx.read(trust_service.identity).fingerprint not in (first, second)
    with a.session() as s:
        assert versions.replica_id(s) != replica
    save_screenshot(box, "trust-box-new-keys")


def test_only_an_administrator_manages_trust(qtbot, make_site, tmp_path: Path) -> None:
    make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    with p.session() as s:
        accounts.create_first_admin(s, "hoa", "mat-khau-quan-tri", "Hoà", params=CHEAP)
        accounts.add_account(s, "lan", "mat-khau-can-bo", "officer", "Lan", params=CHEAP)
        accounts.login(s, "lan", "mat-khau-can-bo")
    try:
        page = BundlesPage(site_ctx(p, "aggregator"))
        qtbot.addWidget(page)
        page.show()
        assert page.trust_list.table.rowCount() == 1  # an officer sees the list
        assert not page.trust_list.revoke_button.isVisibleTo(page)
        assert not page.trust_box.trust_button.isVisibleTo(page)
        assert not page.trust_box.rotate_button.isVisibleTo(page)
        assert not page.quarantine.retry_button.isVisibleTo(page)
        key = page.trust_list._peers[0]["key_id"]
        with pytest.raises(accounts.NotAllowed), p.session() as s:
            trust_service.revoke(s, key)  # the service refuses whatever the window shows
        with p.session() as s:
            accounts.login(s, "hoa", "mat-khau-quan-tri")
        page.trust_list.refresh()
        assert page.trust_list.revoke_button.isVisibleTo(page)
    finally:
        accounts.logout()
