"""Recording a split in the GUI (issue 18, item 3): a province splits a commune holding a
cooperative whose address names a village of one part and an activity no address divides; the
dialog proposes the cooperative's part, the officer chooses the activity's; the change recorded
holds the parts and the choice. A bad code is refused naming its field, and the text stays."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QStyleOptionViewItem

from coopdesk.db import models as m
from coopdesk.db.engine import session_scope
from coopdesk.i18n import fold
from coopdesk.services import settings, unit_changes
from coopdesk.sync import versions
from coopdesk.ui.context import AppContext
from tests.ui.conftest import save_screenshot

PROVINCE, DOAN_KET, NAM_LOONG = "12", "03388", "03392"
DECISION = "Nghị quyết số 101/NQ-UBTVQH15 ngày 20/11/2025"


def _add(ctx: AppContext, model: type[m.Base], **fields) -> str:
    with session_scope(ctx.engine) as s:
        obj = model(unit_code=DOAN_KET, **fields)
        obj.id = versions.natural_id(obj.__tablename__, {"unit_code": DOAN_KET, **fields})
        versions.stamp(s, obj)
        s.add(obj)
        s.flush()
        return str(obj.id)


@pytest.fixture
def province(ctx: AppContext) -> AppContext:
    with session_scope(ctx.engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code=PROVINCE, role="aggregator", officer="Hoà")
        )
    return AppContext(ctx.engine, ctx.data_dir, installation, ctx.tasks)


@pytest.fixture
def records(province: AppContext) -> dict[str, str]:
    name, title = "HTX Chè Nà Ún", "Tuyên truyền Luật HTX"
    return {
        "tea": _add(
            province, m.Cooperative, kind="HTX", name=name, name_folded=fold(name),
            address="Bản Nà Ún, phường Đoàn Kết",
        ),
        "event": _add(
            province, m.Activity, kind="communication", channel="meeting", title=title,
            title_folded=fold(title), held_on=dt.date(2026, 3, 8), reach_total=40,
            reach_women=30,
        ),
    }  # fmt: skip


def _dialog(qtbot, ctx: AppContext):
    from coopdesk.ui.unit_split_dialog import UnitSplitDialog

    dialog = UnitSplitDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill_units(dialog, second_code: str = "3392") -> None:
    dialog.commune_filter.setText("doan ket")  # accents not needed: the one match is chosen
    assert dialog.commune.count() == 1 and dialog.commune.currentData() == DOAN_KET
    first, second = dialog.rows
    assert (first.code.text(), first.name.text()) == (DOAN_KET, "Phường Đoàn Kết")
    first.villages.setText("Nà Ún, Tổ 3")
    second.code.setText(second_code)
    second.name.setText("Xã Nậm Loỏng")
    second.villages.setText("Co Sản, Nậm Loỏng")


def test_a_province_records_a_split_choosing_the_part_of_an_activity(
    qtbot, qtmodeltester, province, records
) -> None:
    dialog = _dialog(qtbot, province)
    assert not dialog.province.isEnabled()  # a province splits its own communes
    _fill_units(dialog)
    save_screenshot(dialog, "unit-split-dialog-units-vi")
    dialog.next_button.click()
    assert dialog.message.text() == ""
    assert dialog.step_title.text() == "Phân chia bản ghi"
    divided, undivided = dialog.divided, dialog.undivided
    qtmodeltester.check(undivided)
    assert divided.rowCount() == 1 and undivided.rowCount() == 1
    tea = divided.index(0, divided.PART)
    assert divided.index(0, 0).data() == "HTX Chè Nà Ún — Bản Nà Ún, phường Đoàn Kết"
    assert divided.index(0, divided.KIND).data() == "Hợp tác xã"
    assert tea.data() == "Phường Đoàn Kết (03388)"  # Nà Ún is a village of Đoàn Kết
    event = undivided.index(undivided.row_of("Tuyên truyền"), undivided.PART)
    assert event.data() == "(đơn vị mặc định: Phường Đoàn Kết)"
    assert "để trống thì tính vào đơn vị mặc định, Phường Đoàn Kết" in (
        dialog.undivided_label.text()
    )
    assert (
        dialog.totals.text()
        == "Từ ngày hiệu lực: Phường Đoàn Kết: 2 bản ghi · Xã Nậm Loỏng: 0 bản ghi."
    )
    editor = _open_editor(dialog.undivided_view, event)
    assert [editor.itemText(n) for n in range(editor.count())] == [
        "(đơn vị mặc định: Phường Đoàn Kết)",
        "Phường Đoàn Kết (03388)",
        "Xã Nậm Loỏng (03392)",
    ]
    editor.setCurrentIndex(2)  # the officer picks Nậm Loỏng for the event
    dialog.undivided_view.itemDelegateForColumn(undivided.PART).setModelData(
        editor, undivided, event
    )
    assert event.data() == "Xã Nậm Loỏng (03392)"
    assert dialog.totals.text().endswith("Phường Đoàn Kết: 1 bản ghi · Xã Nậm Loỏng: 1 bản ghi.")
    dialog.decision.edit.setText(DECISION)
    dialog.effective.edit.setText("01/01/2026")
    qtbot.wait(100)
    save_screenshot(dialog, "unit-split-dialog-records-vi")
    dialog.ok_button.click()
    assert dialog.message.text() == "" and dialog.change_id is not None
    with session_scope(province.engine) as s:
        (change,) = unit_changes.listed(s)
    assert (change.kind, change.sources, change.target_code) == ("split", (DOAN_KET,), DOAN_KET)
    assert [(p.code, p.name) for p in change.parts] == [
        (DOAN_KET, "Phường Đoàn Kết"),
        (NAM_LOONG, "Xã Nậm Loỏng"),
    ]
    assert change.details.assign == {records["event"]: NAM_LOONG}  # the tea stays by default
    assert (change.decision, change.effective_on) == (DECISION, dt.date(2026, 1, 1))


def _open_editor(view, index) -> QComboBox:
    delegate = view.itemDelegateForColumn(index.column())
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    return editor


@pytest.mark.parametrize(
    ("code", "words"), [("12", "năm chữ số"), ("3392x", "không phải mã đơn vị")]
)
def test_a_bad_part_code_is_named_and_the_text_stays(qtbot, province, records, code, words):
    dialog = _dialog(qtbot, province)
    _fill_units(dialog, code)
    dialog.next_button.click()
    assert dialog.steps.currentIndex() == 0 and dialog.change_id is None
    assert dialog.message.text().startswith("Đơn vị 2 sau chia tách, mã: ")
    assert words in dialog.message.text()
    assert dialog.focusWidget() is dialog.rows[1].code
    assert [r.code.text() for r in dialog.rows] == [DOAN_KET, code]
    assert dialog.rows[1].name.text() == "Xã Nậm Loỏng"
    assert dialog.rows[0].villages.text() == "Nà Ún, Tổ 3"
    if code == "12":
        save_screenshot(dialog, "unit-split-dialog-refused-vi")


def test_going_back_keeps_the_choices_and_a_missing_date_is_named(qtbot, province, records):
    dialog = _dialog(qtbot, province)
    _fill_units(dialog)
    dialog.next_button.click()
    event = dialog.undivided.index(0, dialog.undivided.PART)
    assert dialog.undivided.setData(event, NAM_LOONG)
    assert not dialog.undivided.setData(event, "03408")  # not a part of this split
    dialog.ok_button.click()
    assert dialog.message.text() == "Ngày hiệu lực: Cần nhập mục này."
    assert dialog.focusWidget() is dialog.effective.edit
    dialog.back_button.click()
    dialog.rows[1].default.setChecked(True)
    dialog.next_button.click()
    assert event.data() == "Xã Nậm Loỏng (03392)"  # kept across the new plan
    assert "đơn vị mặc định, Xã Nậm Loỏng" in dialog.undivided_label.text()
    dialog.effective.edit.setText("01/01/2026")
    dialog.ok_button.click()
    with session_scope(province.engine) as s:
        (change,) = unit_changes.listed(s)
    assert change.target_code == NAM_LOONG
    assert change.details.assign == {records["tea"]: DOAN_KET}  # by its address, not default


def test_the_service_refuses_a_code_already_used_beside_that_code(qtbot, province, records):
    dialog = _dialog(qtbot, province)
    _fill_units(dialog, "3408")  # Phường Tân Phong's
    dialog.next_button.click()
    assert dialog.message.text() == (
        "Đơn vị 2 sau chia tách, mã: Mã 03408 đã được dùng cho Phường Tân Phong."
    )
    assert dialog.focusWidget() is dialog.rows[1].code


def test_the_split_is_a_third_choice_of_the_recording_dialog(qtbot, province, monkeypatch):
    from coopdesk.ui.unit_change_dialog import UnitChangeDialog
    from coopdesk.ui.unit_changes_page import UnitChangesPage
    from coopdesk.ui.unit_split_dialog import UnitSplitDialog

    page = UnitChangesPage(province)
    qtbot.addWidget(page)
    opened: list[UnitSplitDialog] = []

    def choose_split(dialog: UnitChangeDialog) -> int:
        assert dialog.split_radio.text() == "Chia tách một xã"
        dialog.split_radio.setChecked(True)
        return dialog.result()

    def run_split(dialog: UnitSplitDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(UnitChangeDialog, "exec", choose_split)
    monkeypatch.setattr(UnitSplitDialog, "exec", run_split)
    page.record_button.click()
    assert len(opened) == 1 and opened[0].province.currentData() == PROVINCE


def test_the_national_office_picks_the_province_and_reads_it_in_english(qtbot, ctx, records):
    from coopdesk import i18n

    with session_scope(ctx.engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="VN", role="aggregator", officer="Hoà")
        )
    dialog = _dialog(qtbot, AppContext(ctx.engine, ctx.data_dir, installation, ctx.tasks))
    assert dialog.province.isEnabled() and dialog.commune.count() > 0
    dialog.province.setCurrentIndex(dialog.province.findData(PROVINCE))
    _fill_units(dialog)
    dialog.next_button.click()
    i18n.set_language("en")
    dialog.translate_ui()
    assert dialog.step_title.text() == "Dividing the records"
    assert dialog.undivided.headerData(2, Qt.Orientation.Horizontal) == "Unit after the split"
    assert dialog.undivided.index(0, 2).data() == "(default unit: Phường Đoàn Kết)"
    assert dialog.totals.text() == (
        "From the effective date: Phường Đoàn Kết: 2 records · Xã Nậm Loỏng: 0 records."
    )
    QApplication.processEvents()  # the layout follows the longer words
    assert dialog.ok_button.width() >= dialog.ok_button.sizeHint().width()
    assert dialog.decision.label.width() >= dialog.decision.label.sizeHint().width()
    save_screenshot(dialog, "unit-split-dialog-records-en")
    dialog.effective.edit.setText("01/01/2026")
    dialog.ok_button.click()
    assert dialog.change_id is not None


def test_units_are_added_and_removed_and_one_stays_the_default(qtbot, province) -> None:
    dialog = _dialog(qtbot, province)
    assert [r.remove.isEnabled() for r in dialog.rows] == [False, False]  # two at least
    dialog.add_button.click()
    assert len(dialog.rows) == 3 and all(r.remove.isEnabled() for r in dialog.rows)
    dialog.rows[2].default.setChecked(True)
    dialog.rows[2].remove.click()
    assert len(dialog.rows) == 2 and dialog.rows[0].default.isChecked()


def test_a_new_plan_follows_the_villages_but_keeps_what_was_picked(qtbot, province, records):
    dialog = _dialog(qtbot, province)
    _fill_units(dialog)
    dialog.next_button.click()
    dialog.undivided.setData(dialog.undivided.index(0, 2), NAM_LOONG)
    dialog.back_button.click()
    dialog.rows[0].villages.setText("Tổ 3")
    dialog.rows[1].villages.setText("Nà Ún, Co Sản")  # the tea's village moves
    dialog.next_button.click()
    assert dialog.divided.index(0, 2).data() == "Xã Nậm Loỏng (03392)"
    assert dialog.undivided.index(0, 2).data() == "Xã Nậm Loỏng (03392)"
