"""The trust list on the Bundles page: who is trusted (the unit's name, not only its code), and
'Thu hồi' with a confirmation, after which that sender's bundles are refused in plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from coopdesk.db import models as m
from coopdesk.ui.bundles_page import BundlesPage
from coopdesk.ui.context import AppContext, InstallationView
from coopdesk.ui.tasks import InlineTaskRunner
from tests.sync.helpers import COMMUNE_A, PROVINCE, coop
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
