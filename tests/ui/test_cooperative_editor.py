"""The cooperative editor, driven as an officer would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from coopdesk.db.models import Cooperative, CooperativeYear, Person, Role
from coopdesk.ui.editors.cooperative import CooperativeDialog


def _new_dialog(qtbot, ctx, parent=None) -> CooperativeDialog:
    dialog = CooperativeDialog(ctx, None, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _count(ctx, model) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


def test_htx_with_two_women_on_the_board_is_classified(qtbot, ctx, main_window) -> None:
    page = main_window.show_area("cooperatives")
    dialog = _new_dialog(qtbot, ctx, page)
    dialog.identity.fields["name"].edit.insert("HTX Chè Tân Phong")
    dialog.tabs.setCurrentWidget(dialog.board)
    assert dialog.badge_texts() == []
    dialog.board.add("Nguyễn Thị Hoa", "F", "chair")
    dialog.board.add("Lò Thị Mai", "F", "board_member")
    assert dialog.board.table.item(1, 1).text() == "Thành viên HĐQT"
    assert dialog.badge_texts() == ["Phụ nữ tham gia quản lý"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved, dialog.general_error.text()
    assert (_count(ctx, Cooperative), _count(ctx, Person), _count(ctx, Role)) == (1, 2, 2)
    page.women_filter.setChecked(True)
    assert page.row_texts("name") == ["HTX Chè Tân Phong"]
    again = CooperativeDialog(ctx, dialog.record_id, page)
    qtbot.addWidget(again)
    assert again.badge_texts() == ["Phụ nữ tham gia quản lý"]
    assert again.windowTitle() == "Hợp tác xã: HTX Chè Tân Phong"
    history = again.history.texts()
    assert history[0][1] == "Lò Thị Mai" and history[0][2] == "tạo mới"


def test_sixty_percent_female_workers_gives_the_second_badge(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    dialog.identity.fields["name"].edit.insert("HTX Dệt thổ cẩm Sìn Hồ")
    dialog.tabs.setCurrentWidget(dialog.years)
    dialog.years.year.setValue(2025)
    qtbot.keyClicks(dialog.years.form.fields["workers"].edit, "10")
    qtbot.keyClicks(dialog.years.form.fields["female_workers"].edit, "6")
    assert dialog.years.share.text() == "Lao động nữ chiếm 60 % số lao động."
    assert dialog.badge_texts() == ["Tạo việc làm cho lao động nữ"]
    dialog.save()
    with ctx.session() as s:
        year = s.scalars(select(CooperativeYear)).one()
        assert (year.year, year.workers, year.female_workers) == (2025, 10, 6)


def test_validation_error_beside_the_field_and_nothing_saved(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    dialog.identity.fields["name"].edit.insert("HTX Mây tre đan")
    dialog.board.add("Nguyễn Thị Hoa", "F", "chair")
    dialog.tabs.setCurrentWidget(dialog.years)
    qtbot.keyClicks(dialog.years.form.fields["workers"].edit, "10")
    qtbot.keyClicks(dialog.years.form.fields["female_workers"].edit, "12")
    dialog.save()
    assert not dialog.saved and dialog.isVisible()
    error = dialog.years.form.fields["female_workers"].error
    assert error.isVisible() or error.text()
    assert "Lao động nữ" in error.text()
    assert dialog.years.form.fields["workers"].error.text() == ""
    assert dialog.tabs.currentWidget() is dialog.years
    assert (_count(ctx, Cooperative), _count(ctx, Person), _count(ctx, Role)) == (0, 0, 0)


def test_required_name_and_unreadable_date(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.identity.fields["founded_on"].edit, "31/02/2024")
    dialog.save()
    assert dialog.identity.fields["founded_on"].error.text() == "Ngày này không tồn tại"
    dialog.identity.fields["founded_on"].edit.clear()
    dialog.save()
    assert dialog.identity.fields["name"].error.text() == "Tên: bắt buộc phải nhập."
    assert _count(ctx, Cooperative) == 0


def test_unsaved_changes_are_not_lost_silently(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False
    qtbot.keyClicks(dialog.identity.fields["name"].edit, "HTX")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    dialog.confirm_discard = lambda: True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_problem_shown_while_typing_before_save(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    dialog.identity.fields["name"].edit.insert("HTX Mây tre đan")
    dialog.tabs.setCurrentWidget(dialog.years)
    qtbot.keyClicks(dialog.years.form.fields["workers"].edit, "10")
    qtbot.keyClicks(dialog.years.form.fields["female_workers"].edit, "12")
    assert dialog.check_timer.isActive()  # the check runs when typing pauses
    dialog.check_timer.timeout.emit()
    assert "Lao động nữ" in dialog.years.form.fields["female_workers"].error.text()
    assert _count(ctx, Cooperative) == 0


def test_delete_keeps_history_and_leaves_the_list(qtbot, ctx, main_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coopdesk.services import records

    page = main_window.show_area("cooperatives")
    dialog = _new_dialog(qtbot, ctx, page)
    dialog.identity.fields["name"].edit.insert("HTX Rau an toàn")
    dialog.save()
    assert page.row_texts("name") == ["HTX Rau an toàn"]
    again = CooperativeDialog(ctx, dialog.record_id, page)
    qtbot.addWidget(again)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    again.delete_button.click()
    assert page.row_texts("name") == []
    with ctx.session() as s:
        actions = [e.action for e in records.history(s, Cooperative, dialog.record_id)]
    assert actions == ["delete", "create"]


def test_a_wrong_year_not_on_screen_is_shown_with_its_figures(qtbot, ctx) -> None:
    dialog = _new_dialog(qtbot, ctx)
    dialog.identity.fields["name"].edit.insert("HTX Mây tre đan")
    dialog.tabs.setCurrentWidget(dialog.years)
    dialog.years.year.setValue(2024)
    qtbot.keyClicks(dialog.years.form.fields["workers"].edit, "10")
    qtbot.keyClicks(dialog.years.form.fields["female_workers"].edit, "12")
    dialog.years.year.setValue(2025)  # she moves on to another year, which is fine
    qtbot.keyClicks(dialog.years.form.fields["workers"].edit, "8")
    dialog.save()
    assert not dialog.saved
    assert dialog.years.year.value() == 2024
    assert dialog.years.form.fields["female_workers"].edit.text() == "12"
    assert "Lao động nữ" in dialog.years.form.fields["female_workers"].error.text()
    assert _count(ctx, Cooperative) == 0


def test_an_editor_deleted_without_closing_stops_following_the_language(qtbot, ctx) -> None:
    """Switching the language once crashed on an editor whose window was gone."""
    import shiboken6

    from coopdesk import i18n

    dialog = CooperativeDialog(ctx, None)
    shiboken6.delete(dialog)  # gone without being closed (e.g. with its parent window)
    i18n.set_language("en")  # no listener left on the deleted window
    i18n.set_language("vi")


def test_a_record_changed_by_another_officer_since_it_was_opened_is_not_overwritten(
    qtbot, ctx
) -> None:
    from coopdesk.services.registry import cooperatives as coops

    first = _new_dialog(qtbot, ctx)
    first.identity.fields["name"].edit.insert("HTX Chè Tân Phong")
    first.save()
    assert first.saved, first.general_error.text()
    mine = CooperativeDialog(ctx, first.record_id)
    qtbot.addWidget(mine)
    mine.show()
    with ctx.session() as s:  # another officer on the hub renames it meanwhile
        hers = coops.load_cooperative(s, first.record_id)
        hers.fields["name"] = "HTX Chè Shan Tuyết Tân Phong"
        coops.save_cooperative(s, hers, "Tẩn Thị Thảo")
    name = mine.identity.fields["name"].edit
    name.selectAll()
    name.insert("HTX Chè và Dược liệu Tân Phong")  # (keyClicks types ASCII only)
    qtbot.mouseClick(mine.save_button, Qt.MouseButton.LeftButton)
    assert not mine.saved and mine.isVisible()
    said = mine.general_error.text()
    assert "Tẩn Thị Thảo" in said and "chưa được lưu" in said, said
    assert name.text() == "HTX Chè và Dược liệu Tân Phong"  # what she typed is still there
    with ctx.session() as s:
        assert s.get(Cooperative, first.record_id).name == "HTX Chè Shan Tuyết Tân Phong"
