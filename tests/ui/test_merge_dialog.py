"""'Gộp hồ sơ trùng': from the People list (two rows selected) and from the duplicate warning,
the officer sees both records side by side, picks the one kept and a value per differing
field, reads what moves, merges; 'Tách lại' in the kept record's History undoes it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from sqlalchemy import func, select

from coopdesk.app import setup_application
from coopdesk.db.models import Person
from coopdesk.services import people
from coopdesk.ui.editors.person import PersonDialog
from coopdesk.ui.people_page import PeoplePage
from tests.services.duplicates.merge_data import OFFICER, two_coops, two_hoas
from tests.ui.conftest import qtbot_app, save_screenshot


def _live_people(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None)))


def _select_all(page) -> None:
    selection = page.table.selectionModel()
    for row in range(page.model.rowCount()):
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.select(page.model.index(row, 0), flags)


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_merge_two_people_selected_in_the_list(qtbot, ctx) -> None:
    with ctx.session() as s:
        pair, _made = two_hoas(s)
    setup_application(qtbot_app())  # the font and theme people see, for the screenshots
    page = PeoplePage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert page.merge_button.text() == "Gộp…"
    _select_all(page)
    assert sorted(page.selected_ids()) == sorted([pair.kept, pair.other])
    _click(qtbot, page.merge_button)
    dialog = page.merge_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Gộp hồ sơ trùng"
    kept_first = dialog.ids[0] == pair.kept
    assert set(dialog.field_groups) == {"full_name", "phone"}
    phone = dialog.field_groups["phone"]
    texts = {phone.button(n).text() for n in (0, 1)}
    assert texts == {"—", "0912 345 678"}
    assert (
        "Học viên tập huấn: Nguyễn Thị Hoà – Kế toán HTX — chép sang hồ sơ giữ lại"
        in (dialog.move_texts())
        or not kept_first
    )
    # keep Hoa's first record (without a phone) and take the phone from the other
    dialog.keep_group.button(0 if kept_first else 1).click()
    side_with_phone = next(n for n in (0, 1) if phone.button(n).text() != "—")
    phone.button(side_with_phone).setChecked(True)
    assert dialog.take_other() == ["phone"]
    moves = dialog.move_texts()
    assert (
        "Chức danh: Nguyễn Thị Hoà – Thành viên – HTX Lúa Bản Giang — chuyển sang hồ sơ giữ lại"
        in moves
    )
    assert "Học viên tập huấn: Nguyễn Thị Hoà – Quản trị HTX — bỏ qua: hồ sơ giữ lại đã có" in moves
    save_screenshot(dialog, "merge_people")
    _click(qtbot, dialog.merge_button)
    assert dialog.merged and _live_people(ctx) == 1
    with ctx.session() as s:
        assert s.get(Person, pair.kept).phone == "0912 345 678"
    assert page.model.rowCount() == 1

    editor = PersonDialog(ctx, pair.kept)
    qtbot.addWidget(editor)
    editor.show()
    note = editor.history.merges
    assert not note.isHidden() and [b.text() for b in note.undo_buttons] == ["Tách lại"]
    save_screenshot(editor.history, "merge_history_undo")
    note.undo(note_merge(ctx, pair.kept), confirm=False)
    assert _live_people(ctx) == 2 and note.isHidden()
    with ctx.session() as s:
        assert s.get(Person, pair.kept).phone == ""


def note_merge(ctx, kept_id: str):
    from coopdesk.services.duplicates import merge as merges

    return ctx.read(merges.merges_into, "people", kept_id)[0]


def test_merge_from_the_duplicate_warning_keeps_the_record_already_held(qtbot, ctx) -> None:
    with ctx.session() as s:
        held = people.create_person(s, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985).id
    setup_application(qtbot_app())
    dialog = PersonDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.fields["full_name"].edit.insert("Nguyễn Thị Hoa")
    dialog.form.fields["birth_year"].edit.insert("1985")
    dialog.form.fields["phone"].edit.insert("0987 654 321")
    dialog.save()
    asked = dialog.duplicate_dialog
    assert asked.merge_button.text() == "Gộp với hồ sơ này…"
    save_screenshot(asked, "duplicate_person_merge")
    _click(qtbot, asked.merge_button)
    assert dialog.saved
    merging = dialog.merge_dialog
    assert merging.ids == (held, dialog.record_id) and merging.keep_side == 0
    merging.field_groups["phone"].button(1).setChecked(True)
    _click(qtbot, merging.merge_button)
    assert merging.merged and _live_people(ctx) == 1
    with ctx.session() as s:
        assert s.get(Person, held).phone == "0987 654 321"


def test_cooperatives_side_by_side(qtbot, ctx) -> None:
    from coopdesk.ui.editors.merge_dialog import MergeDialog

    with ctx.session() as s:
        pair, _made = two_coops(s)
    setup_application(qtbot_app())
    dialog = MergeDialog(ctx, "cooperatives", pair.kept, pair.other)
    qtbot.addWidget(dialog)
    dialog.show()
    assert set(dialog.field_groups) == {"name", "registration_no"}
    assert sorted(dialog.move_texts())[0].startswith("Chức danh: Lò Thị Lan")
    dialog.keep_group.button(1).click()  # keep the other: its values stay by default
    assert dialog.take_other() == []
    save_screenshot(dialog, "merge_cooperatives")
