"""This computer's keys and the installations it trusts, on the Bundles page: make the keys
(a password, then the recovery code to write down), save this computer's registration file for
the other side, and trust a sender's registration file once its officer has read the
fingerprint over the phone. The same steps as `coopdesk identity` and `coopdesk registration`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import trust
from coopdesk.ui.context import AppContext

MAX_REGISTRATION = 64 * 1024  # a registration file is a few hundred bytes


class TrustBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("pageTitle")  # large: it is read out over the phone
        self.fingerprint.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        row = QHBoxLayout()
        self.make_button = QPushButton()
        self.save_button = QPushButton()
        self.trust_button = QPushButton()
        self.rotate_button = QPushButton()
        self.copy_button = QPushButton()
        for button, slot in (
            (self.make_button, self.make_keys),
            (self.save_button, self.save_registration),
            (self.trust_button, self.trust_sender),
            (self.rotate_button, self.rotate_keys),
            (self.copy_button, self.reidentify),
        ):
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(_("This computer's keys"))
        self.make_button.setText(_("Make the keys…"))
        self.save_button.setText(_("Save the registration file…"))
        self.trust_button.setText(_("Trust a sender…"))
        self.rotate_button.setText(_("New keys…"))
        self.rotate_button.setToolTip(
            _("Make new keys for this computer; the next bundles announce them to the others.")
        )
        self.copy_button.setText(_("This laptop is a copy…"))
        self.copy_button.setToolTip(
            _("This laptop was set up by copying another laptop's database: make it one of "
              "its own, keeping its data.")
        )  # fmt: skip
        self.refresh()

    def refresh(self) -> None:
        info = self.ctx.read(trust.identity)
        has_keys = info is not None
        admin = self.ctx.read(trust.may_manage)  # keys and trust: administrators only
        self.make_button.setVisible(not has_keys and admin)
        self.save_button.setEnabled(has_keys)
        self.trust_button.setEnabled(has_keys)
        self.trust_button.setVisible(admin)
        for button in (self.rotate_button, self.copy_button):
            button.setVisible(has_keys and admin)
        if info is None:
            self.fingerprint.setText(_("No keys yet"))
            self.explain.setText(
                _(
                    "Bundles are signed and sealed with this computer's keys. Make them once, "
                    "with a password only you know, and write down the recovery code."
                )
            )
            return
        self.fingerprint.setText(_("Fingerprint: {fp}").format(fp=info.fingerprint))
        self.explain.setText(
            _(
                "Send your registration file to the office you exchange bundles with and read "
                "it this fingerprint over the phone; trust its file the same way."
            )
        )

    # --- the keys ------------------------------------------------------------------------

    def _ask(self, title: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self, title, text, QLineEdit.EchoMode.Password)
        return value if ok else None

    def make_keys(self) -> None:
        title = _("Make the keys")
        first = self._ask(title, _("A password for CoopDesk on this computer:"))
        if first is None:
            return
        again = self._ask(title, _("The same password again:"))
        if again is None:
            return
        if first != again:
            QMessageBox.warning(self, title, _("The two passwords differ. Nothing was made."))
            return
        self.ctx.write(
            trust.create_identity,
            first,
            on_done=self._made,
            on_error=self._refused,
            changes="trust",
        )

    def rotate_keys(self) -> None:
        self._change_keys(
            trust.rotate_keys,
            _("New keys"),
            _(
                "Make new keys for this computer? Do it when you fear someone has seen the "
                "password or the recovery code. The next bundles carry the new keys, signed "
                "by the current ones, so the offices that trust this computer take them."
            ),
        )

    def reidentify(self) -> None:
        self._change_keys(
            trust.reidentify,
            _("This laptop is a copy"),
            _(
                "Was this laptop set up by copying another laptop's CoopDesk database? Then "
                "both send their changes under one name and some would be lost. This makes "
                "this laptop an installation of its own, with new keys, keeping all its data. "
                "Do it on the copy only, never on both laptops."
            ),
        )

    def _change_keys(self, fn: Any, title: str, question: str) -> None:
        if QMessageBox.question(self, title, question) != QMessageBox.StandardButton.Yes:
            return
        password = self._ask(title, _("The password of CoopDesk on this computer:"))
        if password is None:
            return
        self.ctx.write(fn, password, on_done=self._made, on_error=self._refused, changes="trust")

    def _made(self, info: Any) -> None:
        QMessageBox.information(
            self,
            _("Make the keys"),
            _(
                "The keys are made. Write this recovery code on paper and keep it safe: it "
                "opens the keys if the password is forgotten.\n\n{code}\n\nFingerprint: {fp}"
            ).format(code=info.recovery_code, fp=info.fingerprint),
        )
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("This computer's keys"), str(exc))

    # --- registration files ----------------------------------------------------------------

    def save_registration(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the registration file"), "", _("Registration (*.registration)")
        )
        if not path:
            return
        try:
            data = self.ctx.read(trust.export_registration)
            Path(path).write_bytes(data)
        except (trust.TrustRefused, OSError) as exc:
            self._refused(exc)
            return
        info = self.ctx.read(trust.identity)
        QMessageBox.information(
            self,
            _("Save the registration file"),
            _("Saved to {file}. Read this fingerprint to the other office over the phone:")
            .format(file=path)
            + f"\n\n{info.fingerprint}",
        )  # fmt: skip

    def trust_sender(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Trust a sender"), "", _("Registration (*.registration);;All files (*)")
        )
        if not path:
            return
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_REGISTRATION:
            self._refused(ValueError(_("{file} is not a registration file.").format(file=path)))
            return
        fingerprint, ok = QInputDialog.getText(
            self,
            _("Trust a sender"),
            _("The fingerprint its officer reads you over the phone (20 digits):"),
        )
        if not ok or not fingerprint.strip():
            return
        self.ctx.write(
            trust.import_registration,
            file.read_bytes(),
            fingerprint,
            self.ctx.actor,
            on_done=self._trusted,
            on_error=self._refused,
            changes="trust",
        )

    def _trusted(self, peer: dict[str, Any]) -> None:
        QMessageBox.information(
            self,
            _("Trust a sender"),
            _("{officer} ({unit}) is trusted: its bundles can be imported, and bundles can be "
              "sent to it.").format(officer=peer["officer"], unit=peer["unit_name"]),
        )  # fmt: skip
