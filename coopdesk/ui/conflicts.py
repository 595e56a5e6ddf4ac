"""Conflicts: the versions of a record side by side, field by field; pick or combine, save.

Clicking a value in a version's column takes it into the "Result" column; "Keep this version"
takes a whole version. Saving makes a new version that settles the conflict at every site
once it travels.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import sync
from coopdesk.ui.context import AppContext

PICKED = QColor("#dcefdc")
NOT_SHOWN = {"id", "version", "created_at", "created_by", "name_folded", "sort_key", "title_folded"}


def field_label(name: str) -> str:
    labels = {
        "name": _("Name"),
        "kind": _("Kind"),
        "full_name": _("Full name"),
        "family_name": _("Family name"),
        "middle_name": _("Middle name"),
        "given_name": _("Given name"),
        "phone": _("Phone"),
        "address": _("Address"),
        "notes": _("Notes"),
        "status": _("Status"),
        "title": _("Title"),
        "unit_code": _("Unit"),
        "updated_at": _("Changed on"),
        "updated_by": _("Changed by"),
        "deleted_at": _("Deleted on"),
        "value": _("Value"),
        "period": _("Period"),
    }
    return labels.get(name, name.replace("_", " "))


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


def _when(text: Any) -> str:
    try:
        return dt.datetime.fromisoformat(str(text)).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return ""


class ConflictsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[sync.ConflictRecord] = []
        # The "Result" column: the values saving writes (QDialog.result() is taken).
        self.merged: dict[str, Any] = {}
        self.fields: list[str] = []
        self._build()
        self.translate_ui()
        self.refresh()

    def _build(self) -> None:
        self.resize(1100, 620)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show_record)
        splitter.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.all_fields = QCheckBox()
        self.all_fields.toggled.connect(lambda _on: self._show_record(self.list.currentRow()))
        right_layout.addWidget(self.all_fields)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self.pick)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.table, 1)
        self.keep_row = QHBoxLayout()
        right_layout.addLayout(self.keep_row)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Conflicts"))
        self.intro.setText(
            _(
                "These records were changed in two places at once. Every computer shows the "
                "same version until you decide. Click a value to take it into the result, or "
                "keep a whole version, then save."
            )
        )
        self.all_fields.setText(_("Show all fields, not only those that differ"))
        self.save_button.setText(_("Save the result"))
        self.close_button.setText(_("Close"))

    def refresh(self) -> None:
        me = sync.Me(self.ctx.unit_code, self.ctx.is_aggregator)
        self.ctx.read_later(sync.list_conflicts, me, on_done=self._show_records)

    def _show_records(self, records: list[sync.ConflictRecord]) -> None:
        self.records = records
        self.list.clear()
        for record in self.records:
            self.list.addItem(QListWidgetItem(f"{record.kind}: {record.name}"))
        if self.records:
            self.list.setCurrentRow(0)
        else:
            self._show_record(-1)

    def current(self) -> sync.ConflictRecord | None:
        row = self.list.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    @Slot(int)
    def _show_record(self, row: int) -> None:
        self._clear_keep_buttons()
        record = self.current()
        if record is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        shown = record.versions[0].data
        self.merged = dict(shown)
        if self.all_fields.isChecked():
            self.fields = [f for f in shown if f not in NOT_SHOWN]
        else:
            self.fields = record.differing or [f for f in shown if f not in NOT_SHOWN]
        headers = []
        for n, version in enumerate(record.versions):
            who = version.unit_name or _("unknown unit")
            when = _when(version.data.get("updated_at"))
            title = _("Shown now") if version.shown else _("Version {n}").format(n=n + 1)
            headers.append(f"{title}\n{who}, {when}")
            button = QPushButton(_("Keep version {n}").format(n=n + 1))
            button.clicked.connect(lambda _c=False, i=n: self.keep(i))
            self.keep_row.addWidget(button)
        headers.append(_("Result"))
        self.table.setColumnCount(len(record.versions) + 1)
        self.table.setRowCount(len(self.fields))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([field_label(f) for f in self.fields])
        for r, name in enumerate(self.fields):
            for c, version in enumerate(record.versions):
                item = QTableWidgetItem(_text(version.data.get(name)))
                item.setToolTip(_("Click to use this value"))
                self.table.setItem(r, c, item)
        self._show_result()

    def _clear_keep_buttons(self) -> None:
        while self.keep_row.count():
            item = self.keep_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _show_result(self) -> None:
        record = self.current()
        if record is None:
            return
        last = len(record.versions)
        for r, name in enumerate(self.fields):
            self.table.setItem(r, last, QTableWidgetItem(_text(self.merged.get(name))))
            for c, version in enumerate(record.versions):
                item = self.table.item(r, c)
                if item is None:
                    continue
                same = version.data.get(name) == self.merged.get(name)
                item.setBackground(QBrush(PICKED) if same else QBrush())

    @Slot(int, int)
    def pick(self, row: int, column: int) -> None:
        record = self.current()
        if record is None or column >= len(record.versions) or row >= len(self.fields):
            return
        name = self.fields[row]
        self.merged[name] = record.versions[column].data.get(name)
        self._show_result()

    def keep(self, index: int) -> None:
        record = self.current()
        if record is None:
            return
        self.merged = dict(record.versions[index].data)
        self._show_result()

    @Slot()
    def save(self) -> None:
        record = self.current()
        if record is None:
            return
        data = {k: v for k, v in self.merged.items() if k not in {"updated_at", "updated_by"}}
        self.ctx.write(
            sync.resolve_conflict,
            record.table,
            record.record_id,
            data,
            self.ctx.actor,
            on_done=lambda _r: self.refresh(),
            on_error=self._not_saved,
            changes=record.table,
        )

    def _not_saved(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Conflicts"), str(exc))
