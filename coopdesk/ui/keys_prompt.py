"""Opening this computer's keys before a bundle is sent or opened: the password is asked for
once per run (a demo's keys open with the demo password, without asking)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from coopdesk.i18n import _
from coopdesk.services import trust
from coopdesk.ui.context import AppContext


def open_keys(parent: QWidget, ctx: AppContext) -> bool:
    """Whether the keys are open (or there are none: the export or import then says so);
    False when the officer cancels the password."""
    if ctx.read(trust.identity) is None or ctx.read(trust.is_unlocked):
        return True
    if ctx.read(trust.unlock_demo):
        return True
    while True:
        password, ok = QInputDialog.getText(
            parent,
            _("Password"),
            _(
                "Bundles are signed and sealed with this computer's keys. Type the password "
                "of CoopDesk on this computer (or the recovery code) to open them:"
            ),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return False
        try:
            ctx.read(trust.unlock, password)
        except trust.TrustRefused as exc:
            QMessageBox.warning(parent, _("Password"), str(exc))
            continue
        return True
