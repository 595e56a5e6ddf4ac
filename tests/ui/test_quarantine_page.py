"""Bundles kept aside on the Bundles page: a bundle from a laptop not confirmed yet is refused
and listed (sender, fingerprint, why); 'Tin cậy và nhập lại' asks for the fingerprint read
over the phone (a wrong one trusts nothing), then imports it; 'Xoá' deletes one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from coopdesk.db import models as m
from coopdesk.services import sync
from coopdesk.services import trust as trust_service
from coopdesk.ui.bundles_page import BundlesPage
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, coop
from tests.sync_keys import register
from tests.ui.conftest import save_screenshot
from tests.ui.test_trust_page import answer, record_messages, site_ctx, table_rows


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    return record_messages(monkeypatch)


def typed(monkeypatch: pytest.MonkeyPatch, text: str) -> list[str]:
    asked: list[str] = []

    def get_text(_parent: Any, _title: str, label: str, *_a: Any, **_k: Any) -> Any:
        asked.append(label)
        return text, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_a_kept_bundle_is_trusted_by_phone_then_imported(
    qtbot, make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    x = make_site("x", COMMUNE_B, trusted=False)  # Bản Giang's new laptop, not confirmed
    register(x.engine, PROVINCE, p.keys)
    x.add(m.Cooperative, **coop("HTX Bản Giang Mới"))
    page = BundlesPage(site_ctx(p, "aggregator"))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    box = page.quarantine
    assert not box.table.isVisibleTo(page)
    assert box.note.text() == "Chưa có gói dữ liệu nào bị từ chối và giữ lại."

    bundle = tmp_path / "03409-to-12-0001.coopdesk"
    bundle.write_bytes(x.export(PROVINCE))
    page.preview(bundle)
    assert "chưa được xác nhận" in page.preview_summary.text()
    page.confirm_import()  # refused: kept aside
    rows = table_rows(box.table)
    assert [r[1:] for r in rows] == [
        ["Xã Bản Giang (03409)", x.keys.fingerprint, "người gửi chưa được xác nhận"]
    ]
    box.table.selectRow(0)
    assert "03409-to-12-0001.coopdesk: " in box.detail.text()
    assert "chưa được xác nhận" in box.detail.text()
    qtbot.wait(50)  # laid out again with the detail shown
    save_screenshot(box, "quarantine")

    asked = typed(monkeypatch, "1111 2222 3333 4444 5555")
    box.trust_and_retry()
    assert "Xã Bản Giang (03409)" in asked[0]
    assert "không khớp" in said.pop()
    assert [p_["unit"] for p_ in page.trust_list._peers] == [COMMUNE_A]  # nothing trusted
    assert box.table.rowCount() == 1

    typed(monkeypatch, x.keys.fingerprint)
    box.trust_and_retry()
    assert said.pop().startswith("Đã nhập gói số 1 của Xã Bản Giang")
    assert box.table.rowCount() == 0
    assert "Xã Bản Giang (03409)" in [r[0] for r in table_rows(page.trust_list.table)]
    with p.session() as s:
        assert {c.name for c in s.query(m.Cooperative)} >= {"HTX Bản Giang Mới"}


def test_delete_a_kept_bundle_after_confirming(
    qtbot, make_site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    a, _p, b = make_site("a", COMMUNE_A), make_site("p", PROVINCE), make_site("b", COMMUNE_B)
    bundle = tmp_path / "for-the-province.coopdesk"
    bundle.write_bytes(a.export(PROVINCE))  # sealed for the province, not for Bản Giang
    with pytest.raises(sync.ImportRefused), b.session() as s:
        sync.import_bundle(s, bundle, me=sync.Me(COMMUNE_B, False))  # kept aside
    page = BundlesPage(site_ctx(b, "commune"))
    qtbot.addWidget(page)
    page.show()
    box = page.quarantine
    assert table_rows(box.table)[0][3] == "niêm phong cho máy khác"
    box.table.selectRow(0)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    box.drop_selected()
    assert "for-the-province.coopdesk" in asked[0] and "Phường Tân Phong" in asked[0]
    assert box.table.rowCount() == 1
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    box.drop_selected()
    assert box.table.rowCount() == 0
    with b.session() as s:
        assert trust_service.quarantine_list(s) == []
