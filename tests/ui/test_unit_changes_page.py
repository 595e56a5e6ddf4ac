"""Boundary changes in the GUI (issue 18, item 3): a commune sees a merge sent down by the
province with its preview and applies it after confirming; a province records a merge; a bad
code is refused beside its field and the dialog keeps what was typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from coopdesk import i18n
from coopdesk.db.engine import session_scope
from coopdesk.services import settings, unit_changes
from coopdesk.ui.context import AppContext
from tests.ui.conftest import save_screenshot

PROVINCE, TAN_PHONG, DOAN_KET = "12", "03408", "03388"
DECISION = "Nghị quyết số 99/NQ-UBTVQH16 ngày 15/11/2026"


def _record_merge(ctx: AppContext) -> str:
    """The merge as the province's bundle brings it (recorded straight into this database)."""
    with session_scope(ctx.engine) as s:
        return unit_changes.record(
            s,
            sender=PROVINCE,
            sources=[TAN_PHONG, DOAN_KET],
            target_code=TAN_PHONG,
            target_name="Phường Tân Phong mới",
            decision=DECISION,
            effective_on=dt.date(2027, 1, 1),
            actor="Nguyễn Thị Hoà",
        )


def _province_ctx(ctx: AppContext) -> AppContext:
    with session_scope(ctx.engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code=PROVINCE, role="aggregator", officer="Hoà")
        )
    return AppContext(ctx.engine, ctx.data_dir, installation, ctx.tasks)


def _page(qtbot, ctx: AppContext):
    from coopdesk.ui.unit_changes_page import UnitChangesPage

    page = UnitChangesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    page.refresh()  # as the main window does when the page is shown
    return page


def test_a_commune_previews_and_applies_a_merge(qtbot, ctx, monkeypatch) -> None:
    change_id = _record_merge(ctx)
    page = _page(qtbot, ctx)
    assert not page.record_button.isVisibleTo(page)  # a commune does not record changes
    assert page.row_texts() == [
        [
            "Phường Tân Phong, Lai Châu, Phường Đoàn Kết, Lai Châu hợp nhất thành "
            "Phường Tân Phong mới từ ngày 01/01/2027",
            DECISION,
            "01/01/2027",
            "Chưa áp dụng",
        ]
    ]
    assert "• Phường Đoàn Kết, Lai Châu: 0 bản ghi giữ nguyên đơn vị đã nhập" in (
        page.preview.text()
    )
    save_screenshot(page, "unit-changes-vi")
    asked: list[str] = []

    def answer(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    renamed: list[bool] = []
    ctx.installation_changed.connect(lambda: renamed.append(True))
    page.apply_button.click()
    assert "hợp nhất thành Phường Tân Phong mới" in asked[0]  # the preview, before applying
    assert page.row_texts()[0][3] == "Đã áp dụng"
    assert not page.apply_button.isEnabled()
    assert page.preview.text().endswith("• Đã áp dụng tại đây.")
    assert renamed == [True]  # the window's unit name follows the new name
    with session_scope(ctx.engine) as s:
        assert [c.applied for c in unit_changes.listed(s)] == [True]
        assert unit_changes.listed(s)[0].id == change_id


def test_declining_the_confirmation_applies_nothing(qtbot, ctx, monkeypatch) -> None:
    _record_merge(ctx)
    page = _page(qtbot, ctx)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.apply_button.click()
    assert page.row_texts()[0][3] == "Chưa áp dụng"


def test_the_page_in_english(qtbot, ctx) -> None:
    _record_merge(ctx)
    page = _page(qtbot, ctx)
    i18n.set_language("en")
    page.translate_ui()
    page.refresh()
    assert page.title.text() == "Boundary changes"
    assert page.row_texts()[0][3] == "Not applied yet"
    assert page.row_texts()[0][0].endswith("merge into Phường Tân Phong mới from 01/01/2027")
    QApplication.processEvents()  # the layout follows the longer title
    assert page.title.width() >= page.title.sizeHint().width()
    save_screenshot(page, "unit-changes-en")


def _dialog(qtbot, ctx: AppContext):
    from coopdesk.ui.unit_change_dialog import UnitChangeDialog

    dialog = UnitChangeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_merge(dialog, code: str) -> None:
    dialog.filter.setText("doan ket")  # accents not needed
    dialog.check(DOAN_KET)
    assert dialog.chosen_label.text() == "Đã chọn: Phường Đoàn Kết (03388)"
    dialog.check(TAN_PHONG)  # though the search hides it
    dialog.filter.setText("")
    dialog.code.edit.setText(code)
    dialog.code.touched = True
    dialog.name.edit.setText("Phường Tân Phong")
    dialog.decision.edit.setText(DECISION)
    dialog.effective.edit.setText("01/01/2027")


def test_a_province_records_a_merge_through_the_dialog(qtbot, ctx, monkeypatch) -> None:
    from coopdesk.ui.unit_change_dialog import UnitChangeDialog

    province = _province_ctx(ctx)
    page = _page(qtbot, province)
    assert page.record_button.isVisibleTo(page)
    assert page.row_texts() == []
    assert page.preview.text() == "Chưa nhận được thay đổi nào về xã."
    shown: list[UnitChangeDialog] = []

    def run(dialog: UnitChangeDialog) -> int:
        shown.append(dialog)
        _fill_merge(dialog, "3408")  # Tân Phong keeps its code, though listed second
        save_screenshot(dialog, "unit-change-dialog-vi")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(UnitChangeDialog, "exec", run)
    page.record_button.click()
    assert shown[0].message.text() == ""
    assert shown[0].chosen() == [DOAN_KET, TAN_PHONG]  # the order of the list
    (row,) = page.row_texts()
    assert row[0] == (
        "Phường Tân Phong, Lai Châu, Phường Đoàn Kết, Lai Châu hợp nhất thành Phường Tân Phong "
        "từ ngày 01/01/2027"
    )
    assert row[1:] == [DECISION, "01/01/2027", "Chưa áp dụng"]


@pytest.mark.parametrize("code", ["12", "3408x"])
def test_a_bad_code_is_refused_and_the_dialog_keeps_the_text(qtbot, ctx, code) -> None:
    dialog = _dialog(qtbot, _province_ctx(ctx))
    _fill_merge(dialog, code)
    dialog.save()
    assert dialog.isVisible() and dialog.change_id is None
    assert dialog.message.text().startswith("Mã sau thay đổi: ")
    assert dialog.focusWidget() is dialog.code.edit
    assert dialog.code.edit.text() == code
    assert dialog.name.edit.text() == "Phường Tân Phong"
    assert dialog.effective.edit.text() == "01/01/2027"
    assert dialog.chosen() == [DOAN_KET, TAN_PHONG]
    if code == "12":
        assert "năm chữ số" in dialog.message.text()
        save_screenshot(dialog, "unit-change-dialog-refused-vi")


def test_a_commune_gone_from_the_catalogue_is_named_with_the_communes(qtbot, ctx) -> None:
    from coopdesk.db.models import Unit

    dialog = _dialog(qtbot, _province_ctx(ctx))
    _fill_merge(dialog, TAN_PHONG)
    with session_scope(ctx.engine) as s:  # made legacy since the dialog opened
        s.get(Unit, DOAN_KET).legacy = True
    dialog.save()
    assert dialog.message.text() == ("Các xã hợp nhất: 03388 không phải là xã, phường hiện hành.")
    assert dialog.change_id is None


def test_a_rename_keeps_the_code_and_needs_one_commune(qtbot, ctx) -> None:
    dialog = _dialog(qtbot, _province_ctx(ctx))
    dialog.rename_radio.setChecked(True)
    dialog.check(TAN_PHONG)
    dialog.check(DOAN_KET)  # a rename names one commune: the last ticked
    assert dialog.chosen() == [DOAN_KET]
    assert dialog.code.edit.text() == DOAN_KET and dialog.code.edit.isReadOnly()
    dialog.name.edit.setText("Phường Đoàn Kết Mới")
    dialog.save()
    assert dialog.message.text().startswith("Ngày hiệu lực: ")  # nothing recorded yet
    dialog.effective.edit.setText("01/01/2027")
    dialog.save()
    assert dialog.change_id is not None


def test_the_national_office_chooses_the_province_first(qtbot, ctx) -> None:
    from coopdesk.ui.unit_changes_page import UnitChangesPage

    with session_scope(ctx.engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="VN", role="aggregator", officer="Hoà")
        )
    national = AppContext(ctx.engine, ctx.data_dir, installation, ctx.tasks)
    assert UnitChangesPage(national).can_record
    dialog = _dialog(qtbot, national)
    assert dialog.province.isEnabled() and dialog.province.count() == 34
    dialog.province.setCurrentIndex(dialog.province.findData(PROVINCE))
    _fill_merge(dialog, TAN_PHONG)
    dialog.save()
    assert dialog.message.text() == ""
    assert dialog.change_id is not None


def test_a_rename_applied_in_the_window_renames_the_unit_in_view(
    qtbot, ctx, main_window, monkeypatch
) -> None:
    with session_scope(ctx.engine) as s:
        unit_changes.record(
            s,
            sender=PROVINCE,
            sources=[TAN_PHONG],
            target_code=TAN_PHONG,
            target_name="Phường Tân Phong Mới",
            decision=DECISION,
            effective_on=dt.date(2027, 1, 1),
            actor="Hoà",
        )
    page = main_window.show_area("unit_changes")
    assert main_window.sidebar.currentItem().text() == "Thay đổi địa giới"
    assert main_window.status_message.text() == "Có 1 thay đổi, 1 thay đổi chưa áp dụng."
    save_screenshot(main_window, "unit-changes-window-vi")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.apply_button.click()
    assert main_window.unit_name.text() == "Phường Tân Phong Mới, Lai Châu"
    assert page.row_texts()[0][3] == "Đã áp dụng"


def test_a_split_reads_as_its_parts_with_the_records_each_takes(qtbot, ctx) -> None:
    from coopdesk.domain.unit_changes import Part
    from coopdesk.services import unit_splits

    parts = [
        Part(DOAN_KET, "Phường Đoàn Kết", ("Nà Ún",)),
        Part("03392", "Xã Nậm Loỏng", ("Co Sản",)),
    ]
    with session_scope(ctx.engine) as s:
        unit_splits.record_split(
            s, sender=PROVINCE, source=DOAN_KET, parts=parts, default=DOAN_KET, choices={},
            decision=DECISION, effective_on=dt.date(2027, 1, 1), actor="Hoà",
        )  # fmt: skip
    page = _page(qtbot, ctx)
    assert page.row_texts()[0][0] == (
        "Phường Đoàn Kết, Lai Châu được chia thành Phường Đoàn Kết và Xã Nậm Loỏng "
        "từ ngày 01/01/2027"
    )
    save_screenshot(page, "unit-changes-split-vi")
    assert page.preview.text().splitlines()[1:] == [
        "• Đơn vị mới: Xã Nậm Loỏng (03392).",
        "• Phường Đoàn Kết: từ ngày 01/01/2027, 0 bản ghi (cùng những gì thuộc về chúng) được "
        "tính ở đây.",
        "• Xã Nậm Loỏng: từ ngày 01/01/2027, 0 bản ghi (cùng những gì thuộc về chúng) được "
        "tính ở đây.",
    ]
