"""The installations this computer trusts, on the Bundles page: unit, officer, fingerprint,
since when and status, and 'Revoke' (a lost or stolen laptop) with a confirmation, after which
bundles signed with that key are refused. The same as `coopdesk trust list|revoke`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import trust
from coopdesk.ui.context import AppContext

# What a change of these refreshes (`data_changed`): the trust list, a merged import, anything.
REFRESHED_BY = frozenset({"trust", "*"})


def date_text(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def read_only_table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fit_rows(table: QTableWidget, most: int = 6) -> None:
    """As tall as its rows (at most `most` in view): the page scrolls, not each box."""
    rows = max(1, min(table.rowCount(), most))
    header = table.horizontalHeader().sizeHint().height()
    body = sum(table.rowHeight(r) for r in range(rows)) if table.rowCount() else 30
    table.setFixedHeight(header + body + 2 * table.frameWidth() + 2)


def cell(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


class TrustListBox(QGroupBox):
    """The trust list with 'Revoke…'."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._peers: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.table = read_only_table(5)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        self.revoke_note = QLabel()
        self.revoke_note.setWordWrap(True)
        self.revoke_button = QPushButton()
        self.revoke_button.clicked.connect(self.revoke_selected)
        row.addWidget(self.revoke_note, 1)
        row.addWidget(self.revoke_button)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table)
        layout.addLayout(row)
        ctx.data_changed.connect(self._changed)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(_("Trusted installations"))
        self.table.setHorizontalHeaderLabels(
            [_("Unit"), _("Officer"), _("Fingerprint"), _("Trusted since"), _("Status")]
        )
        self.empty_note.setText(
            _(
                "No installation is trusted here yet: trust the registration file of each "
                "office you exchange bundles with (button above)."
            )
        )
        self.revoke_note.setText(
            _("Revoke a key only when that computer is lost, stolen or replaced.")
        )
        self.revoke_button.setText(_("Revoke…"))
        self.refresh()

    def _changed(self, what: str) -> None:
        if what in REFRESHED_BY:
            self.refresh()

    def refresh(self) -> None:
        self._peers = self.ctx.read(trust.trust_list)
        self.table.setRowCount(len(self._peers))
        for r, peer in enumerate(self._peers):
            texts = [
                f"{peer['unit_name']} ({peer['unit']})",
                peer["officer"],
                peer["fingerprint"],
                date_text(peer["since"]),
                trust.status_label(peer["status"]),
            ]
            for c, text in enumerate(texts):
                self.table.setItem(r, c, cell(text, peer["key_id"] if c == 0 else None))
        self.empty_note.setVisible(not self._peers)
        fit_rows(self.table)
        admin = self.ctx.read(trust.may_manage)  # trust is managed by administrators
        self.revoke_button.setVisible(admin)
        self.revoke_note.setVisible(admin)
        self._update_buttons()

    def selected(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self._peers[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        peer = self.selected()
        self.revoke_button.setEnabled(peer is not None and peer["status"] != "revoked")

    def revoke_selected(self) -> None:
        peer = self.selected()
        if peer is None:
            return
        title = _("Revoke a key")
        answer = QMessageBox.question(
            self,
            title,
            _(
                "Revoke the key of {unit} ({officer}), fingerprint {fp}?\n\nBundles signed with "
                "this key will be refused from now on. Do this only when that computer is lost, "
                "stolen or replaced; to trust it again you will need its registration file and "
                "its fingerprint read over the phone."
            ).format(
                unit=f"{peer['unit_name']} ({peer['unit']})",
                officer=peer["officer"] or "?",
                fp=peer["fingerprint"],
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            trust.revoke,
            peer["key_id"],
            self.ctx.actor,
            on_done=self._revoked,
            on_error=self._refused,
            changes="trust",
        )

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Revoke a key"), str(exc))

    def _revoked(self, peer: dict[str, Any]) -> None:
        QMessageBox.information(
            self,
            _("Revoke a key"),
            _("The key of {unit} is revoked: its bundles will be refused.").format(
                unit=f"{peer['unit_name']} ({peer['unit']})"
            ),
        )
        self.refresh()


class SentBundlesBox(QGroupBox):
    """The bundles sent from here, each with its recipient's signed receipt."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = read_only_table(4)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        ctx.data_changed.connect(self._changed)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.setTitle(_("Bundles sent"))
        self.table.setHorizontalHeaderLabels(
            [_("Sent to"), _("Number"), _("Made on"), _("Receipt")]
        )
        self.refresh()

    def _changed(self, _what: str) -> None:
        self.refresh()  # an export, or an import carrying receipts

    def refresh(self) -> None:
        sent = self.ctx.read(trust.sent_bundles)
        self.note.setText(
            _("Each office's next bundle says which of yours it has merged, signed with its key.")
            if sent
            else _("No bundle has been sent from here yet.")
        )
        self.table.setVisible(bool(sent))
        self.table.setRowCount(len(sent))
        for r, b in enumerate(sent):
            texts = [
                f"{b['recipient_name']} ({b['recipient_unit']})",
                str(b["seq"]),
                date_text(b["created_at"]),
                trust.receipt_text(b),
            ]
            for c, text in enumerate(texts):
                self.table.setItem(r, c, cell(text))
        fit_rows(self.table)
