"""Bundles: send data to another unit, receive (preview → confirm), history with undo, and
for an aggregating office the reporting status of each child unit."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.accounts import Permission
from coopdesk.i18n import _, format_number
from coopdesk.services import sync
from coopdesk.ui.context import AppContext
from coopdesk.ui.keys_prompt import open_keys
from coopdesk.ui.quarantine_page import QuarantineBox
from coopdesk.ui.roles import show_only_to
from coopdesk.ui.trust_box import TrustBox
from coopdesk.ui.trust_page import SentBundlesBox, TrustListBox


def outcome_label(outcome: str) -> str:
    labels = {
        "new": _("New record"),
        "updated": _("Updated record"),
        "unchanged": _("Unchanged or older"),
        "conflicts": _("In conflict"),
        "waiting": _("Waiting for a record not received yet"),
    }
    return labels.get(outcome, outcome)


def _me(ctx: AppContext) -> sync.Me:
    return sync.Me(ctx.unit_code, ctx.is_aggregator, ctx.actor)


def _item(text: Any, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _when(value: dt.datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def _when_text(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).strftime("%d/%m/%Y")
    except ValueError:
        return text


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class BundlesPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: sync.ImportReport | None = None
        self.report_path: Path | None = None
        self._history: list[sync.ImportRecord] = []
        self._build()
        self.translate_ui()
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.trust_box = TrustBox(self.ctx)
        self.trust_list = TrustListBox(self.ctx)
        self.quarantine = QuarantineBox(self.ctx)
        self.sent = SentBundlesBox(self.ctx)
        for box in (
            self.trust_box,
            self.trust_list,
            self._build_send(),
            self.sent,
            self._build_receive(),
            self.quarantine,
            self._build_history(),
        ):
            layout.addWidget(box)
        layout.addWidget(self._build_status())
        layout.addStretch(1)
        # a viewer sees what was sent and received, and sends, merges or undoes nothing
        show_only_to(self.ctx, Permission.EDIT_RECORDS, self.send_box, self.receive_box,
                     self.undo_button, self.conflicts_button)  # fmt: skip

    def _build_send(self) -> QGroupBox:
        self.send_box = QGroupBox()
        send = QVBoxLayout(self.send_box)
        row = QHBoxLayout()
        self.to_label = QLabel()
        self.recipient = QComboBox()
        self.recipient.setMinimumWidth(260)
        self.full = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        row.addWidget(self.to_label)
        row.addWidget(self.recipient, 1)
        row.addWidget(self.full)
        row.addWidget(self.export_button)
        send.addLayout(row)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        send.addWidget(self.export_status)
        return self.send_box

    def _build_receive(self) -> QGroupBox:
        self.receive_box = QGroupBox()
        receive = QVBoxLayout(self.receive_box)
        row = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_bundle)
        self.confirm_button = QPushButton()
        self.confirm_button.clicked.connect(self.confirm_import)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.confirm_button)
        receive.addLayout(row)
        self.preview_summary = QLabel()
        self.preview_summary.setWordWrap(True)
        self.preview_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        receive.addWidget(self.preview_summary)
        self.preview_table = _table(3)
        self.preview_table.setMinimumHeight(180)
        receive.addWidget(self.preview_table)
        return self.receive_box

    def _build_history(self) -> QGroupBox:
        self.history_box = QGroupBox()
        history = QVBoxLayout(self.history_box)
        self.history_table = _table(5)
        self.history_table.setMinimumHeight(160)
        self.history_table.itemSelectionChanged.connect(self._update_buttons)
        history.addWidget(self.history_table)
        row = QHBoxLayout()
        self.undo_note = QLabel()
        self.undo_note.setWordWrap(True)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_selected)
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(self.open_conflicts)
        row.addWidget(self.undo_note, 1)
        row.addWidget(self.conflicts_button)
        row.addWidget(self.undo_button)
        history.addLayout(row)
        return self.history_box

    def _build_status(self) -> QWidget:
        """A province office: who has reported has its own area; the way there."""
        self.status_row = QWidget()
        row = QHBoxLayout(self.status_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.status_note = QLabel()
        self.status_note.setWordWrap(True)
        self.reporting_button = QPushButton()
        self.reporting_button.clicked.connect(self._show_reporting)
        row.addWidget(self.status_note, 1)
        row.addWidget(self.reporting_button)
        self.status_row.setVisible(self.ctx.is_aggregator)
        return self.status_row

    def _show_reporting(self) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area("reporting")

    def translate_ui(self) -> None:
        self.trust_box.translate_ui()
        self.trust_list.translate_ui()
        self.quarantine.translate_ui()
        self.sent.translate_ui()
        self.send_box.setTitle(_("Send data"))
        self.to_label.setText(_("To:"))
        self.full.setText(_("Everything, not only what is new"))
        self.full.setToolTip(
            _("Send all the data the recipient may receive, even what it already acknowledged.")
        )
        self.export_button.setText(_("Export bundle…"))
        self.receive_box.setTitle(_("Receive data"))
        self.open_button.setText(_("Open a bundle…"))
        self.confirm_button.setText(_("Confirm import"))
        self.cancel_button.setText(_("Cancel"))
        self.preview_table.setHorizontalHeaderLabels([_("What happens"), _("Kind"), _("Name")])
        self.history_box.setTitle(_("Bundles received"))
        self.history_table.setHorizontalHeaderLabels(
            [_("Imported on"), _("Sent by"), _("Bundle no."), _("Made on"), _("Result")]
        )
        self.undo_button.setText(_("Undo this import"))
        self.status_note.setText(
            _(
                "Which communes have sent their data and issued the year's report, the missing "
                "ones first: see “Who has reported”."
            )
        )
        self.reporting_button.setText(_("Who has reported"))
        self._show_report()
        if self.isVisible() or self._history:
            self.refresh()

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read_later(sync.bundles_overview, _me(self.ctx), on_done=self._show_overview)

    def _show_overview(self, overview: sync.BundlesOverview) -> None:
        self._fill_recipients(overview.recipients)
        self._history = overview.history
        self._fill_history()
        conflicts = overview.status.conflicts
        self.conflicts_button.setText(_("Conflicts ({n})").format(n=conflicts))
        self.conflicts_button.setEnabled(conflicts > 0)
        self._update_buttons()

    def _fill_recipients(self, recipients: list[sync.Recipient]) -> None:
        current = self.recipient.currentData()
        self.recipient.blockSignals(True)
        self.recipient.clear()
        for recipient in recipients:
            self.recipient.addItem(recipient.label, recipient.unit_code)
        index = self.recipient.findData(current)
        self.recipient.setCurrentIndex(max(index, 0))
        self.recipient.blockSignals(False)

    def _fill_history(self) -> None:
        table = self.history_table
        table.setRowCount(len(self._history))
        for row, rec in enumerate(self._history):
            counts = rec.counts
            result = _(
                "{new} new, {updated} updated, {conflicts} in conflict, {waiting} waiting"
            ).format(
                new=counts.get("new", 0),
                updated=counts.get("updated", 0),
                conflicts=counts.get("conflicts", 0),
                waiting=counts.get("waiting", 0),
            )
            if rec.undone:
                result = _("Undone") + " — " + result
            table.setItem(row, 0, _item(_when(rec.imported_at), rec.id))
            table.setItem(row, 1, _item(rec.sender_name))
            table.setItem(row, 2, _item(rec.seq))
            table.setItem(row, 3, _item(_when(rec.created_at)))
            table.setItem(row, 4, _item(result))

    def selected_import(self) -> sync.ImportRecord | None:
        rows = self.history_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._history[rows[0].row()]

    def _update_buttons(self) -> None:
        ready = self.report is not None and not self.report.refused
        ready = ready and self.report is not None and not self.report.already_imported
        self.confirm_button.setEnabled(bool(ready))
        self.cancel_button.setEnabled(self.report is not None)
        selected = self.selected_import()
        blocker = selected.undo_blocker if selected else None
        self.undo_button.setEnabled(selected is not None and blocker is None)
        self.undo_note.setText(blocker or "")

    # --- sending -------------------------------------------------------------------------------

    @Slot()
    def export(self) -> None:
        to = self.recipient.currentData()
        if not to or not open_keys(self, self.ctx):
            return
        name = self.ctx.read(sync.suggested_file_name, to, _me(self.ctx))
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the bundle"), name, _("CoopDesk bundles (*.coopdesk)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix != ".coopdesk":
            target = target.with_suffix(".coopdesk")
        export = partial(
            sync.export_bundle, to=to, out=target, full=self.full.isChecked(), me=_me(self.ctx)
        )
        self.ctx.write(
            export,
            on_done=self._exported,
            progress_label=_("Writing the bundle…"),
            changes="sync",
        )

    def _exported(self, outcome: Any) -> None:
        self.export_status.setText(
            _(
                "Bundle {seq} for {unit}: {records} records, {size} KB, saved as {file}. "
                "Send this file to the recipient (USB stick, email or chat)."
            ).format(
                seq=outcome.seq,
                unit=outcome.recipient_name,
                records=format_number(outcome.records),
                size=format_number(max(1, round(outcome.size / 1024))),
                file=Path(outcome.path).name,
            )
        )
        self.export_status.setToolTip(str(outcome.path))  # the folder, for who looks
        self.refresh()

    # --- receiving -----------------------------------------------------------------------------

    @Slot()
    def choose_bundle(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a bundle"),
            "",
            _("CoopDesk bundles (*.coopdesk);;All files (*)"),
        )
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        if not open_keys(self, self.ctx):
            return
        self.report_path = path
        self.ctx.read_later(
            sync.preview_import,
            path,
            _me(self.ctx),
            on_done=self._previewed,
            progress_label=_("Checking the bundle…"),
        )

    def _previewed(self, report: sync.ImportReport) -> None:
        self.report = report
        self._show_report()
        self._update_buttons()

    def _show_report(self) -> None:
        report = self.report
        table = self.preview_table
        if report is None:
            self.preview_summary.setText(
                _("Open a bundle file to see what it would change before anything is saved.")
            )
            self.preview_summary.setStyleSheet("")
            table.setRowCount(0)
            return
        if report.refused:
            self.preview_summary.setText(
                _("This bundle cannot be imported.") + "\n" + report.message
            )
            self.preview_summary.setStyleSheet("color: #9b1c1c;")
            table.setRowCount(0)
            return
        self.preview_summary.setStyleSheet("")
        if report.already_imported:
            self.preview_summary.setText(report.message)
            table.setRowCount(0)
            return
        head = (
            _("Bundle {seq} from {unit}, made on {date}:")
            if not report.applied
            else _("Imported bundle {seq} from {unit}, made on {date}:")
        ).format(seq=report.seq, unit=report.sender_name, date=_when_text(report.created_at))
        # a sender not confirmed yet: its bundle can be previewed, and the message says how
        # to confirm it before importing
        warning = "\n" + report.message if report.message and not report.applied else ""
        self.preview_summary.setText(head + "\n" + report.summary() + warning)
        items = [i for i in report.items if i.outcome != "unchanged"]
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            label = outcome_label(item.outcome)
            if item.deleted:
                label += " " + _("(deleted)")
            table.setItem(row, 0, _item(label))
            table.setItem(row, 1, _item(item.to_json()["kind"]))
            table.setItem(row, 2, _item(item.label))

    @Slot()
    def confirm_import(self) -> None:
        if self.report is None or self.report_path is None or self.report.refused:
            return
        if not open_keys(self, self.ctx):
            return
        self.ctx.write(
            sync.import_bundle,
            self.report_path,
            _me(self.ctx),
            on_done=self._imported,
            on_error=self._import_failed,
            progress_label=_("Importing the bundle…"),
        )

    def _import_failed(self, exc: BaseException) -> None:
        """A bundle refused at import (its transaction rolled back): say why, like a preview."""
        if not isinstance(exc, sync.ImportRefused):
            self.ctx.tasks.show_error(exc)
            return
        self.report = exc.report
        self._show_report()
        self._update_buttons()
        self.quarantine.refresh()  # the refused file is kept aside

    def _imported(self, report: sync.ImportReport) -> None:
        self.report = report
        self._show_report()
        self.report = None if report.applied else report
        self.refresh()

    @Slot()
    def cancel(self) -> None:
        self.report = None
        self.report_path = None
        self._show_report()
        self._update_buttons()

    @Slot()
    def undo_selected(self) -> None:
        record = self.selected_import()
        if record is None or record.undo_blocker:
            return
        answer = QMessageBox.question(
            self,
            _("Undo this import"),
            _(
                "Undo the whole import of bundle {seq} from {unit}? Every change it made is removed."
            ).format(seq=record.seq, unit=record.sender_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            sync.undo_import,
            record.id,
            on_done=lambda _r: self.refresh(),
            progress_label=_("Undoing the import…"),
        )

    @Slot()
    def open_conflicts(self) -> None:
        from coopdesk.ui.conflicts import ConflictsDialog

        dialog = ConflictsDialog(self.ctx, self)
        dialog.exec()
        self.refresh()

    def status_text(self) -> str:
        return self.preview_summary.text().split("\n")[0] if self.report else ""
