"""Accounts (Tài khoản) on the Settings page (issue 13 item 1): the idle lock's minutes, and
for an administrator the accounts: add, change the role, disable or enable, set a new password.
Without accounts (an installation set up before them), an administrator can be made here.

Every change goes through `services.accounts` (which refuses anyone but a logged-in
administrator and never disables the last one); refusals are said under the table.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.accounts import ROLE_LABELS, AccountRole, Permission
from coopdesk.i18n import _, format_date
from coopdesk.services import accounts, setup
from coopdesk.ui import idle_lock
from coopdesk.ui.context import AppContext
from coopdesk.ui.roles import may
from coopdesk.ui.tasks import error_message


def _password() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _role_combo() -> QComboBox:
    combo = QComboBox()
    for role in AccountRole:
        combo.addItem(_(ROLE_LABELS[role]), str(role))
    return combo


class PasswordDialog(QDialog):
    """A new account (`login` None) or a new password for `login`; the password twice."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, login: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.target = login
        self.first = login is None and not ctx.read(accounts.has_accounts)
        self.recovery_code: str | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.login = QLineEdit(login or ("admin" if self.first else ""))
        self.login.setReadOnly(login is not None)
        self.name = QLineEdit()
        self.role = _role_combo()
        self.role.setCurrentIndex(self.role.findData(str(AccountRole.OFFICER)))
        self.role.setEnabled(not self.first)  # the first account is the administrator
        if self.first:
            self.role.setCurrentIndex(self.role.findData(str(AccountRole.ADMIN)))
        self.password, self.again = _password(), _password()
        form.addRow(_("Login name"), self.login)
        if login is None:
            form.addRow(_("Full name"), self.name)
            form.addRow(_("Account role"), self.role)
        form.addRow(_("New password") if login else _("Password"), self.password)
        form.addRow(_("Password again"), self.again)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Set the new password") if login else _("Add the account"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setWindowTitle(_("New password") if login else _("New account"))

    def save(self) -> None:
        if self.password.text() != self.again.text():
            self.error.setText(_("The two passwords differ; nothing was changed."))
            return
        password = self.password.text()
        if self.target is not None:
            job: tuple[Any, ...] = (accounts.reset_password, self.target, password)
        elif self.first:
            job = (setup.first_admin, self.login.text(), password, self.name.text())
        else:
            role = str(self.role.currentData())
            job = (accounts.add_account, self.login.text(), password, role, self.name.text())
        self.ctx.write(*job, on_done=self._done, on_error=self._failed, changes="accounts")

    def _done(self, result: Any) -> None:
        if isinstance(result, accounts.FirstAdmin):
            self.recovery_code = result.recovery_code
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(error_message(exc))


class AccountsBox(QGroupBox):
    """The Settings page's box: the idle lock's minutes, then the accounts."""

    COLUMNS = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.idle_label = QLabel()
        self.idle = QSpinBox()
        self.idle.setRange(idle_lock.MIN_MINUTES, idle_lock.MAX_MINUTES)
        self.idle.setValue(idle_lock.idle_minutes(ctx))
        row.addWidget(self.idle_label)
        row.addWidget(self.idle)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(160)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.role = _role_combo()
        self.role_button = QPushButton()
        self.disable_button = QPushButton()
        self.password_button = QPushButton()
        for widget in (
            self.add_button,
            self.role,
            self.role_button,
            self.disable_button,
            self.password_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.idle.valueChanged.connect(lambda v: idle_lock.set_idle_minutes(ctx, v))
        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.set_role)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.password_button.clicked.connect(self.reset_password)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.translate_ui()
        self.refresh()

    def translate_ui(self) -> None:
        self.setTitle(_("Accounts"))
        self.idle_label.setText(_("Lock CoopDesk after this many minutes without use:"))
        self.table.setHorizontalHeaderLabels(
            [_("Login name"), _("Full name"), _("Account role"), _("State"), _("Last login")]
        )
        self.add_button.setText(_("Add an account…"))
        self.role_button.setText(_("Change the role"))
        self.password_button.setText(_("Set a new password…"))
        self._selection_changed()
        for index, role in enumerate(AccountRole):
            self.role.setItemText(index, _(ROLE_LABELS[role]))

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        has = bool(self.ctx.read(accounts.has_accounts))
        admin = has and may(self.ctx, Permission.MANAGE_ACCOUNTS)
        self.rows = self.ctx.read(accounts.list_accounts) if admin else []
        self.idle.setEnabled(admin or not has)
        for widget in (self.table, self.role, self.role_button, self.disable_button):
            widget.setVisible(admin)
        self.password_button.setVisible(admin)
        self.add_button.setVisible(admin or not has)
        self.add_button.setText(_("Add an account…") if has else _("Make an administrator…"))
        if not has:
            self.note.setText(
                _(
                    "No accounts yet: anyone who opens CoopDesk here can see and change "
                    "everything. Make an administrator to protect the data with a password."
                )
            )
        elif not admin:
            self.note.setText(_("Only an administrator manages the accounts."))
        else:
            self.note.setText(
                _(
                    "An administrator manages accounts and trust, an officer enters and "
                    "reports, a viewer reads without sensitive details."
                )
            )
        self.table.setRowCount(len(self.rows))
        for n, account in enumerate(self.rows):
            state = _("Disabled") if account.disabled else _("In use")
            last = format_date(account.last_login_at.date()) if account.last_login_at else ""
            values = [account.login, account.display_name, _(ROLE_LABELS[account.role]), state]
            for col, text in enumerate([*values, last]):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected(self) -> accounts.AccountInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows else None

    def select_login(self, login: str) -> None:
        for n, account in enumerate(self.rows):
            if account.login == login:
                self.table.selectRow(n)

    def _selection_changed(self) -> None:
        account = self.selected()
        for widget in (self.role_button, self.disable_button, self.password_button):
            widget.setEnabled(account is not None)
        disabled = account is not None and account.disabled
        self.disable_button.setText(_("Enable") if disabled else _("Disable"))
        if account is not None:
            self.role.setCurrentIndex(self.role.findData(account.role))

    # --- changing ------------------------------------------------------------------------

    def _changed(self, _result: Any = None) -> None:
        self.message.setText("")
        self.refresh()

    def _run(self, fn: Any, *args: Any) -> None:
        self.message.setText("")
        self.ctx.write(
            fn,
            *args,
            on_done=self._changed,
            on_error=lambda exc: self.message.setText(error_message(exc)),
            changes="accounts",
        )

    def add_account(self) -> None:
        dialog = PasswordDialog(self.ctx, self)
        if dialog.exec():
            if dialog.recovery_code:
                self.show_recovery_code(dialog.recovery_code)
            self._changed()

    def show_recovery_code(self, code: str) -> None:
        QMessageBox.information(
            self,
            _("Recovery code"),
            _(
                "Write down this recovery code on paper and keep it safe, away from the "
                "computer. It is the only way back in if every password is forgotten.\n\n{code}"
            ).format(code=code),
        )

    def set_role(self) -> None:
        account = self.selected()
        if account is not None:
            self._run(accounts.set_role, account.login, str(self.role.currentData()))

    def toggle_disabled(self) -> None:
        account = self.selected()
        if account is not None:
            self._run(accounts.set_disabled, account.login, not account.disabled)

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None and PasswordDialog(self.ctx, self, account.login).exec():
            self._changed()
