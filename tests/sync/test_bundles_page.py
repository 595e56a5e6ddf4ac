"""The Bundles page and the Conflicts dialog, as an officer uses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from coopdesk.db import models as m
from coopdesk.services import reporting
from coopdesk.sync import trust
from coopdesk.ui.bundles_page import BundlesPage
from coopdesk.ui.conflicts import ConflictsDialog
from coopdesk.ui.context import AppContext, InstallationView
from coopdesk.ui.tasks import InlineTaskRunner
from tests.sync.helpers import COMMUNE_A, NOW, PROVINCE, coop, person
from tests.sync_keys import PASSWORD, register

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _ctx(site, role: str) -> AppContext:
    inst = InstallationView(site.unit, role, "Lò Thị Mai")
    return AppContext(site.engine, site.dir, inst, InlineTaskRunner(raise_errors=True))


def _rows(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def province_page(qtbot, make_site, tmp_path):
    a = make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    a.add(m.Role, person_id=pid, cooperative_id=cid, role="director")
    bundle = tmp_path / "03408-to-12-0001.coopdesk"
    bundle.write_bytes(a.export(PROVINCE))
    page = BundlesPage(_ctx(p, "aggregator"))
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    return a, p, page, bundle


def test_preview_then_confirm_then_undo(province_page, monkeypatch) -> None:
    _a, p, page, bundle = province_page
    before = p.dump()
    page.preview(bundle)
    assert p.dump() == before  # the preview writes nothing
    summary = page.preview_summary.text()
    assert "Gói số 1 của Phường Tân Phong" in summary and "3 mới" in summary
    rows = _rows(page.preview_table)
    assert ["Mới", "Hợp tác xã", "HTX Hoa Ban"] in rows
    assert any("Nguyễn Thị Hoa" in r[2] for r in rows)
    assert page.confirm_button.isEnabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SCREENSHOTS / "bundles-preview.png"))

    page.confirm_import()
    assert p.get(m.Cooperative, _cid(p)).name == "HTX Hoa Ban"
    history = _rows(page.history_table)
    assert history[0][1] == "Phường Tân Phong" and history[0][2] == "1"
    assert page.reporting_button.isVisibleTo(page)  # who has reported: its own area
    with p.session() as s:
        rows = reporting.who_has_reported(s, PROVINCE, NOW.year).units
    commune = next(r for r in rows if r.name == "Phường Tân Phong")
    assert (commune.status, commune.last_bundle) == ("no_report", 1)  # data, no report yet
    page.grab().save(str(SCREENSHOTS / "bundles-imported.png"))

    page.history_table.selectRow(0)
    assert page.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.undo_selected()
    assert _cid(p) is None
    assert "Đã hoàn tác" in _rows(page.history_table)[0][4]


def _cid(site) -> str | None:
    with site.session() as s:
        found = s.query(m.Cooperative).filter_by(name="HTX Hoa Ban").first()
        return found.id if found else None


def test_refused_bundle_shows_why(province_page) -> None:
    _a, _p, page, bundle = province_page
    data = bundle.read_bytes()
    bundle.write_bytes(data[:-10])
    page.preview(bundle)
    assert "bị hỏng" in page.preview_summary.text()
    assert not page.confirm_button.isEnabled()


def test_export_with_save_dialog(province_page, monkeypatch, tmp_path) -> None:
    _a, _p, page, _bundle = province_page
    index = page.recipient.findData(COMMUNE_A)
    assert index >= 0
    page.recipient.setCurrentIndex(index)
    target = tmp_path / "down"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export()
    assert (tmp_path / "down.coopdesk").exists()
    assert "Gói số 1 gửi Phường Tân Phong" in page.export_status.text()


def test_conflicts_dialog_pick_and_resolve(qtbot, make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    p.receive(a.export(PROVINCE))
    a.edit(m.Cooperative, cid, name="HTX Hoa Ban (xã)", phone="0912")
    p.edit(m.Cooperative, cid, name="HTX Hoa Ban (tỉnh)")
    p.receive(a.export(PROVINCE))
    dialog = ConflictsDialog(_ctx(p, "aggregator"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == 1
    headers = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ]
    assert headers[0].startswith("Đang hiển thị") and headers[-1] == "Kết quả"
    fields = [dialog.table.verticalHeaderItem(r).text() for r in range(dialog.table.rowCount())]
    assert "Tên" in fields and "Điện thoại" in fields
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / "conflicts.png"))
    name_row, phone_row = fields.index("Tên"), fields.index("Điện thoại")
    commune_col = next(c for c in range(2) if "(xã)" in dialog.table.item(name_row, c).text())
    province_col = 1 - commune_col
    dialog.pick(name_row, province_col)
    dialog.pick(phone_row, commune_col)
    dialog.save()
    assert dialog.list.count() == 0
    got = p.get(m.Cooperative, cid)
    assert (got.name, got.phone) == ("HTX Hoa Ban (tỉnh)", "0912")


def test_bundle_damaged_after_its_preview_is_refused_at_import(province_page) -> None:
    _a, p, page, bundle = province_page
    page.preview(bundle)
    assert page.confirm_button.isEnabled()
    bundle.write_bytes(bundle.read_bytes()[:-10])  # the USB stick was pulled out meanwhile
    before = p.dump()
    page.confirm_import()
    assert "không thể nhập" in page.preview_summary.text().lower()
    assert "bị hỏng" in page.preview_summary.text()
    assert not page.confirm_button.isEnabled()
    assert p.dump() == before and _rows(page.history_table) == []


def test_locked_keys_are_asked_for_once_per_run(province_page, monkeypatch) -> None:
    _a, _p, page, bundle = province_page
    trust.forget_unlocked()  # CoopDesk started again: the keys are locked
    answers = [("mật khẩu sai", True), (PASSWORD, True)]
    asked: list[str] = []
    warned: list[str] = []

    def ask(*_args, **_kw):
        asked.append(answers[len(asked)][0])
        return answers[len(asked) - 1]

    monkeypatch.setattr(QInputDialog, "getText", ask)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    page.preview(bundle)
    assert asked == ["mật khẩu sai", PASSWORD] and "không đúng" in warned[0]
    assert "Gói số 1 của Phường Tân Phong" in page.preview_summary.text()
    page.preview(bundle)
    assert len(asked) == 2  # open for the rest of the run


def test_an_unconfirmed_senders_bundle_shows_how_to_confirm(qtbot, make_site, tmp_path) -> None:
    p = make_site("p", PROVINCE)
    x = make_site("x", COMMUNE_A, trusted=False)
    register(x.engine, PROVINCE, p.keys)
    x.add(m.Cooperative, **coop("HTX Mới"))
    bundle = tmp_path / "x.coopdesk"
    bundle.write_bytes(x.export(PROVINCE))
    page = BundlesPage(_ctx(p, "aggregator"))
    qtbot.addWidget(page)
    page.preview(bundle)
    assert "chưa được xác nhận" in page.preview_summary.text()
    page.confirm_import()
    assert "Không thể nhập gói này" in page.preview_summary.text()
    assert "registration import" in page.preview_summary.text()
    assert _rows(page.history_table) == []
