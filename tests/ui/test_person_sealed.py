"""The person editor's sensitive tab with accounts (issue 13 item 2): an officer sees and saves
the details (stored sealed); a viewer, or nobody logged in, reads why the tab is closed."""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.db.models import PersonSensitive
from coopdesk.security import passwords
from coopdesk.services import accounts, people
from coopdesk.ui.editors.person import PersonDialog
from tests.ui.conftest import save_screenshot

FAST = passwords.KdfParams(memory_cost=64, iterations=1, lanes=1)  # tests only: quick Argon2id


def _accounts_and_a_person(ctx) -> str:
    """An administrator 'mai' (left logged in), a viewer 'xem', and Hương with her details."""
    with ctx.session() as s:
        accounts.create_first_admin(s, "mai", "mat-khau-quan-tri", "Lò Thị Mai", params=FAST)
        accounts.add_account(s, "xem", "mat-khau-xem-thoi", "viewer", "Người xem", params=FAST)
        huong = people.create_person(s, "Tòng Thị Hương", actor="Mai", birth_year=1985)
        people.record_consent(s, huong, "poverty", "Xét vay vốn", recorded_by="Mai", actor="Mai")
        people.set_sensitive(s, huong, {"poverty_status": "near_poor"}, "Mai")
        return huong.id


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.resize(720, 560)
    dialog.show()
    return dialog


def test_an_officer_sees_and_saves_sealed_details(qtbot, ctx) -> None:
    person_id = _accounts_and_a_person(ctx)
    dialog = _open(qtbot, PersonDialog(ctx, person_id))
    assert dialog.sensitive_locked.isHidden()
    assert dialog.consent_table.item(0, 1).text() == "Xét vay vốn"
    dialog.show_sensitive()
    poverty = dialog.sensitive_form.fields["poverty_status"]
    assert poverty.value() == "near_poor"
    poverty.set_value("poor")
    dialog.save()
    assert dialog.saved, dialog.general_error.text()
    with ctx.session() as s:
        row = s.scalars(select(PersonSensitive)).one()
        assert row.poverty_status is None and (row.sealed or "").startswith("v1:")
    again = _open(qtbot, PersonDialog(ctx, person_id))
    again.show_sensitive()
    assert again.sensitive_form.fields["poverty_status"].value() == "poor"


def test_a_viewer_or_nobody_reads_why_the_tab_is_closed(qtbot, ctx) -> None:
    person_id = _accounts_and_a_person(ctx)
    accounts.logout()
    with ctx.session() as s:
        accounts.login(s, "xem", "mat-khau-xem-thoi")
    dialog = _open(qtbot, PersonDialog(ctx, person_id))
    tabs = dialog.tabs
    tabs.setCurrentIndex(
        next(i for i in range(tabs.count()) if tabs.tabText(i) == "Dữ liệu nhạy cảm")
    )
    assert not dialog.sensitive_locked.isHidden()
    assert dialog.sensitive_locked.text() == (
        "Tài khoản của bạn không được xem thông tin nhạy cảm; cán bộ hoặc quản trị viên mới xem "
        "được."
    )
    assert dialog.show_button.isHidden() and dialog.sensitive_box.isHidden()
    assert dialog.consent_rows == []
    save_screenshot(dialog, "person-sensitive-viewer")
    accounts.logout()
    locked = _open(qtbot, PersonDialog(ctx, person_id))
    assert locked.sensitive_locked.text() == (
        "Thông tin nhạy cảm đang bị khoá: hãy đăng nhập để xem hoặc sửa."
    )
    assert locked.show_button.isHidden()


def test_the_people_list_says_the_details_are_sealed(qtbot, ctx) -> None:
    from coopdesk.ui.main_window import MainWindow, ui_settings

    _accounts_and_a_person(ctx)  # the administrator stays logged in
    ui_settings(ctx).setValue("window/area", "people")
    main_window = MainWindow(ctx)  # opened once the installation has accounts
    qtbot.addWidget(main_window)
    main_window.resize(1366, 768)
    main_window.show()
    page = main_window.show_area("people")
    page.refresh()
    page.show_sensitive.setChecked(True)
    assert not page.table.isColumnHidden(page.model.column_index("poverty"))
    assert page.row_texts("poverty") == ["đã khoá: xem hồ sơ"]
    save_screenshot(main_window, "people-list-sealed")
