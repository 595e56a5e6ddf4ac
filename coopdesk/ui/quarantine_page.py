"""Bundles refused and kept aside, on the Bundles page: who sent each (unit, fingerprint), when,
and why; 'Trust and import again' (the sender's fingerprint read over the phone, then the
normal import) and 'Delete'. The same as `coopdesk quarantine list|retry|drop`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import sync, trust
from coopdesk.ui.context import AppContext
from coopdesk.ui.keys_prompt import open_keys
from coopdesk.ui.trust_page import REFRESHED_BY, cell, fit_rows, read_only_table


def _when(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def sender_text(kept: dict[str, Any]) -> str:
    if not kept["sender_unit"]:
        return "?"
    return f"{kept['sender_name']} ({kept['sender_unit']})"


class QuarantineBox(QGroupBox):
    """The kept-aside bundles, with 'Trust and import again' and 'Delete'."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._kept: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = read_only_table(4)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        row = QHBoxLayout()
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self.trust_and_retry)
        self.drop_button = QPushButton()
        self.drop_button.clicked.connect(self.drop_selected)
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.drop_button)
        for widget in (self.note, self.table, self.detail):
            layout.addWidget(widget)
        layout.addLayout(row)
        ctx.data_changed.connect(self._changed)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(_("Bundles kept aside"))
        self.table.setHorizontalHeaderLabels(
            [_("Received"), _("Sent by"), _("Fingerprint"), _("Why")]
        )
        self.retry_button.setText(_("Trust and import again…"))
        self.drop_button.setText(_("Delete…"))
        self.refresh()

    def _changed(self, what: str) -> None:
        if what in REFRESHED_BY:
            self.refresh()

    def refresh(self) -> None:
        self._kept = self.ctx.read(trust.quarantine_list)
        self.note.setText(
            _(
                "A bundle that was refused is kept here with why, so that nothing received is "
                "lost: once its sender is confirmed, import it again."
            )
            if self._kept
            else _("No bundle has been refused and kept aside.")
        )
        self.table.setRowCount(len(self._kept))
        for r, kept in enumerate(self._kept):
            texts = [
                _when(kept["received_at"]),
                sender_text(kept),
                kept["fingerprint"],
                kept["reason_text"],
            ]
            for c, text in enumerate(texts):
                self.table.setItem(r, c, cell(text))
        self.table.setVisible(bool(self._kept))
        fit_rows(self.table)
        admin = self.ctx.read(trust.may_manage)  # trust is managed by administrators
        self.retry_button.setVisible(admin and bool(self._kept))
        self.drop_button.setVisible(admin and bool(self._kept))
        self._selection_changed()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._kept[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        kept = self.selected()
        self.detail.setText(
            "" if kept is None else f"{kept['file']}: {kept['message']}"
        )  # fmt: skip
        self.detail.setVisible(kept is not None)
        self.retry_button.setEnabled(kept is not None)
        self.drop_button.setEnabled(kept is not None)

    # --- actions -------------------------------------------------------------------------

    def _say(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Bundles kept aside"), str(exc))

    def trust_and_retry(self) -> None:
        kept = self.selected()
        if kept is None:
            return
        if kept["sender_status"] == "trusted":
            self._retry(kept["id"])
            return
        if kept["sender_status"] == "revoked":
            self._say(ValueError(kept["message"]))
            return
        typed, ok = QInputDialog.getText(
            self,
            _("Trust and import again"),
            _(
                "Call {unit} and ask its officer to read you the fingerprint of the computer "
                "that made this bundle (20 digits, shown on its Bundles page). Type it here:"
            ).format(unit=sender_text(kept)),
        )
        if not ok or not typed.strip():
            return
        self.ctx.write(
            trust.trust_kept_sender,
            kept["id"],
            typed,
            self.ctx.actor,
            on_done=lambda _peer: self._retry(kept["id"]),
            on_error=self._say,
            changes="trust",
        )

    def _retry(self, bundle_id: int) -> None:
        if not open_keys(self, self.ctx):
            return
        self.ctx.write(
            trust.retry_kept,
            bundle_id,
            sync.Me(self.ctx.unit_code, self.ctx.is_aggregator, self.ctx.actor),
            on_done=self._imported,
            on_error=self._refused_again,
            progress_label=_("Importing the bundle…"),
        )

    def _imported(self, report: sync.ImportReport) -> None:
        QMessageBox.information(
            self,
            _("Trust and import again"),
            report.message
            if report.already_imported
            else _("Bundle {seq} from {unit} imported (import {id}):").format(
                seq=report.seq, unit=report.sender_name, id=report.import_id
            )
            + "\n"
            + report.summary(),
        )
        self.refresh()

    def _refused_again(self, exc: BaseException) -> None:
        self._say(exc)
        self.refresh()  # the list says the new reason

    def drop_selected(self) -> None:
        kept = self.selected()
        if kept is None:
            return
        answer = QMessageBox.question(
            self,
            _("Delete a kept bundle"),
            _(
                "Delete the bundle {file} from {unit}, received on {date}? It will not be "
                "imported; the sender can send it again."
            ).format(file=kept["file"], unit=sender_text(kept), date=_when(kept["received_at"])),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(trust.drop_kept, kept["id"], on_error=self._say, changes="trust")
