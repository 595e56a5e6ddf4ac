"""The Accounts box on the Settings page: an administrator adds, changes the role of,
disables and sets a new password for accounts; a viewer only reads why not; the idle lock's
minutes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea

from coopdesk.services import accounts
from coopdesk.ui.accounts_page import PasswordDialog
from coopdesk.ui.context import AppContext
from coopdesk.ui.idle_lock import IdleLock, idle_minutes
from tests.ui.conftest import save_screenshot

ADMIN_PW = "mat-khau-quan-tri"
VIEWER_PW = "mat-khau-xem-thoi"


@pytest.fixture
def two_accounts(ctx: AppContext) -> Iterator[None]:
    with ctx.session() as s:
        accounts.create_first_admin(s, "mai", ADMIN_PW, "Lò Thị Mai")
        accounts.add_account(s, "xem", VIEWER_PW, "viewer", "Vàng Thị Xem")
    accounts.logout()
    yield


def _log_in(ctx: AppContext, login: str, password: str) -> None:
    with ctx.session() as s:
        accounts.login(s, login, password)


def _box(main_window):
    page = main_window.show_area("settings")
    QApplication.processEvents()
    return page.accounts_box


def test_an_administrator_manages_the_accounts(qtbot, ctx, two_accounts, main_window) -> None:
    _log_in(ctx, "mai", ADMIN_PW)
    box = _box(main_window)
    assert box.table.isVisible() and box.table.rowCount() == 2
    assert [box.table.item(n, 2).text() for n in range(2)] == ["Quản trị viên", "Người xem"]

    dialog = PasswordDialog(ctx, box)
    qtbot.addWidget(dialog)
    dialog.login.setText("lan")
    dialog.name.setText("Hà Thị Lan")
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    dialog.password.setText("mat-khau-lan-1")
    dialog.again.setText("mat-khau-lan-2")
    dialog.save()
    assert dialog.error.text() == "Hai mật khẩu không giống nhau; chưa có gì thay đổi."
    dialog.again.setText("mat-khau-lan-1")
    dialog.save()
    assert dialog.result() == PasswordDialog.DialogCode.Accepted
    box.refresh()
    assert [box.table.item(n, 0).text() for n in range(3)] == ["lan", "mai", "xem"]

    box.select_login("mai")
    box.disable_button.click()
    assert "“mai” là quản trị viên cuối cùng" in box.message.text()
    box.select_login("xem")
    box.role.setCurrentIndex(box.role.findData("officer"))
    box.role_button.click()
    assert box.message.text() == ""
    box.select_login("lan")
    assert box.disable_button.text() == "Khoá"
    box.disable_button.click()
    box.select_login("lan")
    assert box.table.item(box.table.currentRow(), 3).text() == "Đã khoá"
    assert box.disable_button.text() == "Mở khoá"
    listed = {a.login: (a.role, a.disabled) for a in ctx.read(accounts.list_accounts)}
    assert listed == {"lan": ("officer", True), "mai": ("admin", False), "xem": ("officer", False)}
    scroll = main_window.current_page().findChild(QScrollArea)
    scroll.ensureWidgetVisible(box.message)
    QApplication.processEvents()
    save_screenshot(main_window, "settings-accounts-admin")

    reset = PasswordDialog(ctx, box, "xem")
    qtbot.addWidget(reset)
    reset.password.setText("mat-khau-moi-1")
    reset.again.setText("mat-khau-moi-1")
    reset.save()
    accounts.logout()
    _log_in(ctx, "xem", "mat-khau-moi-1")


def test_a_viewer_reads_only_why_not(qtbot, ctx, two_accounts, main_window) -> None:
    _log_in(ctx, "xem", VIEWER_PW)
    box = _box(main_window)
    assert not box.table.isVisible() and not box.add_button.isVisible()
    assert box.note.text() == "Chỉ quản trị viên mới quản lý tài khoản."
    assert not box.idle.isEnabled()


def test_without_accounts_an_administrator_can_be_made(
    qtbot, ctx, main_window, monkeypatch
) -> None:
    box = _box(main_window)
    assert box.add_button.text() == "Tạo tài khoản quản trị…"
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))

    def fill_and_save(dialog: PasswordDialog) -> int:
        assert dialog.first and not dialog.role.isEnabled() and dialog.login.text() == "admin"
        dialog.password.setText(ADMIN_PW)
        dialog.again.setText(ADMIN_PW)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", fill_and_save)
    box.add_button.click()
    assert accounts.current() is not None and accounts.current().login == "admin"
    assert len(shown) == 1 and re.search(r"(\d{4}-){7}\d{4}", shown[0])
    assert shown[0].startswith("Hãy chép mã khôi phục này ra giấy")
    assert box.table.isVisible() and box.table.rowCount() == 1


def test_the_idle_minutes_are_a_setting(qtbot, ctx, two_accounts, main_window) -> None:
    _log_in(ctx, "mai", ADMIN_PW)
    lock = IdleLock(main_window, ctx)
    assert lock.timer.interval() == 10 * 60_000  # 10 minutes unless set
    box = _box(main_window)
    assert box.idle.value() == 10 and box.idle.isEnabled()
    box.idle.setValue(3)
    assert idle_minutes(ctx) == 3 and lock.timer.interval() == 3 * 60_000
