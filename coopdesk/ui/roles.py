"""What the logged-in account may do, as the window shows it (coopdesk.domain.accounts): a
viewer sees no New/Save/Delete buttons, editors open read-only and sensitive details stay
hidden. The services refuse the same things whatever the window shows."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from coopdesk.domain.accounts import Permission
from coopdesk.services import accounts
from coopdesk.ui.context import AppContext


def may(ctx: AppContext, permission: Permission) -> bool:
    return bool(ctx.read(accounts.allowed, permission))


def may_edit(ctx: AppContext) -> bool:
    return may(ctx, Permission.EDIT_RECORDS)


def make_read_only(root: QWidget, keep: tuple[QWidget, ...] = ()) -> None:
    """Every field under `root` shows its value but takes no typing; buttons that would
    change something are disabled (those in `keep` stay as they are)."""
    for edit in root.findChildren(QLineEdit):
        edit.setReadOnly(True)
    for text in root.findChildren(QTextEdit):
        text.setReadOnly(True)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setReadOnly(True)
    for spin in root.findChildren(QAbstractSpinBox):
        spin.setReadOnly(True)
    for widget in [*root.findChildren(QComboBox), *root.findChildren(QAbstractButton)]:
        if widget not in keep and not isinstance(widget.parent(), QComboBox):
            widget.setEnabled(False)


def show_only_to(ctx: AppContext, permission: Permission, *widgets: QWidget) -> None:
    """The buttons of a page that change something, hidden from an account without
    `permission` (a viewer sees the page and what it lists, nothing to press that is refused)."""
    allowed = may(ctx, permission)
    for widget in widgets:
        widget.setVisible(allowed)
