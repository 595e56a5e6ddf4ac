"""Logging in (issue 13 item 1): the dialog at start when the installation has accounts, the
same dialog over the window when it locks after a while without use, "Quên mật khẩu" with the
recovery code, and the bar in the window's header naming who is logged in, with "Đăng xuất".

The password is checked on a worker thread (Argon2id takes a moment); a wrong one is said in
the dialog, under the fields, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.accounts import ROLE_LABELS
from coopdesk.i18n import _
from coopdesk.services import accounts, units
from coopdesk.ui.context import AppContext
from coopdesk.ui.tasks import error_message

DEMO_LOGINS = ("admin", "xem")  # coopdesk.demo.accounts


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class LoginDialog(QDialog):
    """Login name and password. `locked` (the idle lock): the login name is the account's
    that was logged in, and the buttons read "Mở khoá" and "Thoát CoopDesk"."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, locked: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.locked = locked
        self.account: accounts.AccountInfo | None = None
        self.setModal(True)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.unit = QLabel(ctx.read(units.label, ctx.unit_code) if ctx.installation else "")
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.unit)
        layout.addWidget(self.note)
        form = QFormLayout()
        self.login = QLineEdit(locked or "")
        self.login.setReadOnly(locked is not None)
        self.password = _password_field()
        self.login_label, self.password_label = QLabel(), QLabel()
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.demo_hint = QLabel()
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(ctx.demo)
        layout.addWidget(self.demo_hint)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.forgot_button = QPushButton()
        self.buttons.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.ok_button.clicked.connect(self.try_login)
        self.forgot_button.clicked.connect(self.forgot)
        self.quit_button.clicked.connect(self.reject)
        (self.password if locked else self.login).setFocus()
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Log in to CoopDesk"))
        if self.locked:
            self.heading.setText(_("CoopDesk is locked"))
            self.note.setText(
                _(
                    "It locked itself after a while without use. Type the password to go on "
                    "where you were; nothing typed was lost."
                )
            )
            self.ok_button.setText(_("Unlock"))
            self.quit_button.setText(_("Quit CoopDesk"))
        else:
            self.heading.setText(_("Log in"))
            self.note.setText(_("Each person has an account; the administrator makes them."))
            self.ok_button.setText(_("Log in"))
            self.quit_button.setText(_("Quit"))
        self.login_label.setText(_("Login name"))
        self.password_label.setText(_("Password"))
        self.forgot_button.setText(_("Forgot the password?"))
        if self.ctx.demo:  # services.trust brings all of sync: imported for a demo only
            from coopdesk.services.trust import DEMO_PASSWORD

            self.demo_hint.setText(
                _(
                    "Demo accounts: “{admin}” (administrator) and “{viewer}” (viewer only), "
                    "password {password}."
                ).format(admin=DEMO_LOGINS[0], viewer=DEMO_LOGINS[1], password=DEMO_PASSWORD)
            )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def try_login(self) -> None:
        self.show_error("")
        self.ok_button.setEnabled(False)
        self.ctx.write(
            accounts.login,
            self.login.text(),
            self.password.text(),
            on_done=self._logged_in,
            on_error=self._failed,
            changes="accounts",
        )

    def _logged_in(self, account: accounts.AccountInfo) -> None:
        self.ok_button.setEnabled(True)
        if self.locked and account.login != self.locked:
            return  # cannot happen: the login name is read-only when locked
        self.account = account
        self.password.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        self.show_error(error_message(exc))

    def forgot(self) -> None:
        dialog = RecoverDialog(self.ctx, self, self.login.text())
        if dialog.exec() and dialog.account is not None:
            self.account = dialog.account
            self.accept()


class RecoverDialog(QDialog):
    """A forgotten password: the recovery code written down at setup, then a new password
    (twice). An administrator can also set a new one on the Accounts page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, login: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.account: accounts.AccountInfo | None = None
        self.setWindowTitle(_("Forgot the password"))
        layout = QVBoxLayout(self)
        note = QLabel(
            _(
                "Type the recovery code written down when CoopDesk was set up (32 digits), "
                "then a new password. An administrator can also give you a new password."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.login = QLineEdit(login)
        self.code = QLineEdit()
        self.code.setPlaceholderText("0000-0000-0000-0000-0000-0000-0000-0000")
        self.new_password = _password_field()
        self.again = _password_field()
        form.addRow(_("Login name"), self.login)
        form.addRow(_("Recovery code"), self.code)
        form.addRow(_("New password"), self.new_password)
        form.addRow(_("New password again"), self.again)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            _("Set the new password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.try_recover)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.code if login else self.login).setFocus()

    def try_recover(self) -> None:
        if self.new_password.text() != self.again.text():
            self.error.setText(_("The two passwords differ; nothing was changed."))
            self.error.show()
            return
        self.error.hide()
        self.ctx.write(
            accounts.recover,
            self.code.text(),
            self.login.text(),
            self.new_password.text(),
            on_done=self._done,
            on_error=self._failed,
            changes="accounts",
        )

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_message(exc))
        self.error.show()

    def _done(self, account: accounts.AccountInfo) -> None:
        self.account = account
        self.accept()


def log_in_at_start(ctx: AppContext, parent: QWidget | None = None) -> bool:
    """True when the window may open: nobody needs to log in (no accounts, or someone is
    logged in already, as after the first-run wizard), or the person logged in."""
    if accounts.current() is not None or not ctx.read(accounts.has_accounts):
        return True
    return bool(LoginDialog(ctx, parent).exec())


def role_label(role: str) -> str:
    return _(ROLE_LABELS.get(role, role))


class AccountBar(QWidget):
    """'Lò Thị Mai · Quản trị viên  [Đăng xuất]' in the window's header; hidden when the
    installation has no accounts. `logout_requested` is handled by the application."""

    logout_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who = QLabel()
        self.who.setObjectName("unitName")
        self.logout_button = QPushButton()
        self.logout_button.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.who)
        layout.addWidget(self.logout_button)
        self.logout_button.clicked.connect(self.logout_requested)
        self.translate_ui()

    def translate_ui(self) -> None:
        account = accounts.current()
        self.setVisible(account is not None)
        if account is not None:
            name = account.display_name or account.login
            self.who.setText(f"{name} · {role_label(account.role)}")
            self.who.setToolTip(_("Logged in as “{login}”").format(login=account.login))
        self.logout_button.setText(_("Log out"))


def start_session(window: Any, ctx: AppContext, reopen: Callable[[], None]) -> Any:
    """Once the window is open for a logged-in account: the idle lock, "Đăng xuất" (which
    calls `reopen` to log the next person in), and the data key forgotten when CoopDesk quits.
    The IdleLock, or None when the installation has no accounts."""
    from coopdesk.ui.idle_lock import IdleLock

    if accounts.current() is None:
        return None
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not app.property("coopdesk_logout_at_quit"):
        app.aboutToQuit.connect(accounts.logout)
        app.setProperty("coopdesk_logout_at_quit", True)
    window.account_bar.logout_requested.connect(lambda: log_out(window, reopen))
    return IdleLock(window, ctx)


def log_out(window: Any, reopen: Callable[[], None]) -> None:
    """Đăng xuất: the window closes as when quitting (an editor with changes asks first),
    nobody is logged in, and the login dialog comes for the next person (Quit ends CoopDesk)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    try:
        if not window.close():
            return
        accounts.logout()
        reopen()
        if accounts.current() is None:
            app.quit()
    finally:
        app.setQuitOnLastWindowClosed(True)
