"""Logging in: the login dialog (wrong password said in it, the demo's hint, the recovery
code), a viewer's read-only window, the idle lock keeping what was typed, logging out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from coopdesk.db.models import AuditEvent
from coopdesk.security import passwords, vault
from coopdesk.services import accounts
from coopdesk.ui.context import AppContext
from coopdesk.ui.idle_lock import IdleLock
from coopdesk.ui.login_dialog import LoginDialog, RecoverDialog, log_in_at_start, start_session
from tests.ui.conftest import add_people, save_screenshot

ADMIN_PW = "mat-khau-quan-tri"
VIEWER_PW = "mat-khau-xem-thoi"


@pytest.fixture
def recovery(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An administrator 'mai' and a viewer 'xem' (nobody logged in); the recovery code."""
    monkeypatch.setattr(accounts, "KDF_PARAMS", passwords.KdfParams(64, 1, 1))
    with ctx.session() as s:
        first = accounts.create_first_admin(s, "mai", ADMIN_PW, "Lò Thị Mai")
        accounts.add_account(s, "xem", VIEWER_PW, "viewer", "Người Xem")
    accounts.logout()
    yield first.recovery_code


def _type_and_log_in(dialog: LoginDialog, login: str, password: str) -> None:
    if not dialog.login.isReadOnly():
        dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.ok_button.click()


def test_login_dialog_says_a_wrong_password_then_logs_in(qtbot, ctx, recovery) -> None:
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.demo_hint.isVisible()
    _type_and_log_in(dialog, "mai", "sai-mat-khau")
    assert dialog.error.isVisible() and dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert accounts.current() is None and not vault.is_unlocked()
    save_screenshot(dialog, "login-dialog-wrong-password")
    _type_and_log_in(dialog, "mai", ADMIN_PW)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert accounts.current() is not None and accounts.current().login == "mai"
    assert vault.is_unlocked()


def test_at_start_no_login_without_accounts(ctx) -> None:
    assert log_in_at_start(ctx)  # the template has no account: the window opens as before


def test_demo_login_shows_the_demo_accounts(qtbot, ctx, recovery) -> None:
    ctx.demo = True
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_hint.isVisible()
    assert "“admin”" in dialog.demo_hint.text() and "coopdesk-demo" in dialog.demo_hint.text()
    save_screenshot(dialog, "login-dialog-demo")


def test_forgot_password_with_the_recovery_code(qtbot, ctx, recovery) -> None:
    login = LoginDialog(ctx)
    qtbot.addWidget(login)
    dialog = RecoverDialog(ctx, login, "mai")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("1" * 32)
    dialog.new_password.setText("mat-khau-moi-1")
    dialog.again.setText("mat-khau-moi-1")
    dialog.ok_button.click()
    assert dialog.error.text() == "Mã khôi phục này không mở được dữ liệu của máy này."
    dialog.code.setText(recovery)
    save_screenshot(dialog, "login-forgot-password")
    dialog.ok_button.click()
    assert dialog.account is not None and accounts.current().login == "mai"
    accounts.logout()
    with ctx.session() as s:
        accounts.login(s, "mai", "mat-khau-moi-1")


def _log_in(ctx: AppContext, login: str, password: str) -> None:
    with ctx.session() as s:
        accounts.login(s, login, password)


def test_a_viewer_sees_no_new_button_and_reads_records_only(
    qtbot, ctx, recovery, main_window
) -> None:
    from coopdesk.ui.editors.person import PersonDialog
    from coopdesk.ui.main_window import MainWindow

    add_people(ctx.engine, [("Tòng", "Thị", "Hương", "F")])
    _log_in(ctx, "xem", VIEWER_PW)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    page = window.show_area("people")
    assert not page.new_button.isVisible() and page.open_button.isVisible()
    assert not page.show_sensitive.isVisible()
    assert window.account_bar.isVisible()
    assert window.account_bar.who.text() == "Người Xem · Người xem"
    dialog = PersonDialog(ctx, _first_person(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isVisible() and not dialog.delete_button.isVisible()
    assert not dialog.show_button.isEnabled()
    name = dialog.form.fields["full_name"].edit
    assert name.isReadOnly()
    save_screenshot(window, "main-window-viewer")


def test_a_viewer_is_offered_nothing_the_services_would_refuse(
    qtbot, ctx, recovery, main_window
) -> None:
    from coopdesk.ui.main_window import MainWindow

    _log_in(ctx, "xem", VIEWER_PW)
    assert not vault.is_unlocked()  # a viewer's password opens no sensitive detail
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert not window.act_new.isVisible() and not window.act_import_excel.isEnabled()
    reports = window.show_area("reports")
    assert not reports.issue_button.isVisible() and not reports.save_draft_button.isVisible()
    assert reports.pdf_button.isVisible()  # reading and printing stay hers
    bundles = window.show_area("bundles")
    assert not bundles.send_box.isVisible() and not bundles.receive_box.isVisible()
    assert not bundles.undo_button.isVisible() and bundles.history_box.isVisible()
    save_screenshot(window, "bundles-page-viewer")
    settings_page = window.show_area("settings")
    assert not settings_page.save_button.isVisible()
    assert settings_page.documents_form.fields["issuer"].edit.isReadOnly()
    assert settings_page.language.isEnabled()
    backups = window.show_area("backups")
    assert not backups.backup_button.isEnabled() and not backups.restore_button.isEnabled()


def _first_person(ctx: AppContext) -> str:
    from sqlalchemy import select

    from coopdesk.db.models import Person

    with ctx.session() as s:
        return str(s.scalars(select(Person.id)).first())


def test_idle_lock_hides_the_window_and_keeps_typed_text(qtbot, ctx, recovery, main_window) -> None:
    from coopdesk.ui.editors.simple import ActivityDialog

    _log_in(ctx, "mai", ADMIN_PW)
    editor = ActivityDialog(ctx, None, main_window)
    qtbot.addWidget(editor)
    editor.show()
    notes = editor.form.fields["title"].edit
    notes.setText("Hội nghị chè, đang nhập dở")
    lock = IdleLock(main_window, ctx, minutes=1)
    seen: dict[str, object] = {}

    def unlock() -> None:
        dialog = lock.dialog
        seen["locked"] = not vault.is_unlocked() and accounts.current() is None
        seen["hidden"] = not main_window.centralWidget().isVisible() and not notes.isVisible()
        seen["login"] = dialog.login.text(), dialog.login.isReadOnly()
        save_screenshot(dialog, "idle-lock-dialog")
        _type_and_log_in(dialog, "mai", "sai-mat-khau")
        seen["error"] = dialog.error.text()
        _type_and_log_in(dialog, "mai", ADMIN_PW)

    QTimer.singleShot(0, unlock)
    lock.timer.timeout.emit()  # ten minutes without use
    assert seen == {
        "locked": True,
        "hidden": True,
        "login": ("mai", True),
        "error": "Sai tên đăng nhập hoặc mật khẩu.",
    }
    assert vault.is_unlocked() and accounts.current().login == "mai"
    assert main_window.centralWidget().isVisible() and notes.isVisible()
    assert notes.text() == "Hội nghị chè, đang nhập dở"
    assert lock.timer.isActive() and lock.timer.interval() == 60_000
    editor.form.fields["held_on"].edit.setText("05/04/2026")
    editor.save()  # what was typed before the lock is saved, under the account's name
    assert editor.saved, editor.general_error.text()
    with ctx.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.entity == "activities")).one()
        assert (event.action, event.actor) == ("create", "Lò Thị Mai (mai)")


def test_log_out_closes_the_window_and_asks_who_is_next(qtbot, ctx, recovery) -> None:
    from coopdesk.ui.main_window import MainWindow

    _log_in(ctx, "mai", ADMIN_PW)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    reopened: list[bool] = []

    def reopen() -> None:
        reopened.append(accounts.current() is None and not vault.is_unlocked())
        _log_in(ctx, "xem", VIEWER_PW)  # the next person

    lock = start_session(window, ctx, reopen)
    assert isinstance(lock, IdleLock) and lock.timer.interval() == 10 * 60_000
    window.account_bar.logout_button.click()  # "Đăng xuất"
    assert reopened == [True] and not window.isVisible()
    assert accounts.current().login == "xem"
    QApplication.instance().aboutToQuit.emit()  # quitting forgets the data key
    assert accounts.current() is None and not vault.is_unlocked()
