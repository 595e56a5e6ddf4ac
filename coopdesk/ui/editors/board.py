"""The management board of a cooperative: people × roles × dates, new people added inline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _, format_date
from coopdesk.ui import labels as L
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.fields import ChoiceField, DateField, FieldError, Form
from coopdesk.ui.editors.pickers import PersonPicker


@dataclass
class BoardRow:
    role: str
    person_id: str | None
    full_name: str
    gender: str
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    role_id: str | None = None  # saved role


class BoardEditor(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[BoardRow] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 200), (2, 100), (3, 100)):
            self.table.setColumnWidth(col, width)
        layout.addWidget(self.table, 1)
        row_buttons = QHBoxLayout()
        self.end_button = QPushButton()
        self.remove_button = QPushButton()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.end_button)
        row_buttons.addWidget(self.remove_button)
        layout.addLayout(row_buttons)
        self.add_box = QGroupBox()
        add = QVBoxLayout(self.add_box)
        self.picker = PersonPicker(ctx)
        self.role_field = ChoiceField("role", "Role", list(L.ROLE.items()))
        self.start_field = DateField("start_on", "From")
        self.end_field = DateField("end_on", "Until")
        self.add_form = Form([self.role_field, self.start_field, self.end_field])
        self.add_button = QPushButton()
        self.add_error = QLabel()
        self.add_error.setObjectName("fieldError")
        add.addWidget(self.picker)
        add.addWidget(self.add_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_error, 1)
        buttons.addWidget(self.add_button)
        add.addLayout(buttons)
        layout.addWidget(self.add_box)
        self.add_button.clicked.connect(self.add_from_inputs)
        self.picker.chosen.connect(self.add_from_inputs)
        self.remove_button.clicked.connect(self.remove_selected)
        self.end_button.clicked.connect(self.end_selected)

    def translate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([_("Person"), _("Role"), _("From"), _("Until")])
        self.add_box.setTitle(_("Add to the board"))
        self.add_button.setText(_("Add"))
        self.remove_button.setText(_("Remove (entered by mistake)"))
        self.end_button.setText(_("Ended today"))
        self.picker.translate_ui()
        self.add_form.translate_ui()
        self.fill()

    def load(self, rows: list[dict[str, Any]]) -> None:
        """Show the board of a cooperative's draft (services.registry.cooperatives)."""
        self.rows = [
            BoardRow(
                r["role"],
                r["person_id"],
                r["full_name"],
                r["gender"],
                r["start_on"],
                r["end_on"],
                r["id"],
            )
            for r in rows
        ]
        self.fill()

    def draft_rows(self) -> list[dict[str, Any]]:
        """The board as the draft holds it (a copy: the worker thread saves it)."""
        return [
            {
                "id": r.role_id,
                "person_id": r.person_id,
                "full_name": r.full_name,
                "gender": r.gender,
                "role": r.role,
                "start_on": r.start_on,
                "end_on": r.end_on,
            }
            for r in self.rows
        ]

    def live_rows(self) -> list[BoardRow]:
        return list(self.rows)

    def fill(self) -> None:
        rows = self.live_rows()
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            values = (
                r.full_name,
                L.label(L.ROLE, r.role),
                format_date(r.start_on),
                format_date(r.end_on),
            )
            for col, value in enumerate(values):
                self.table.setItem(n, col, QTableWidgetItem(value))

    def add_from_inputs(self) -> None:
        self.add_error.setText("")
        choice = self.picker.choice()
        if choice is None:
            self.add_error.setText(
                _("Choose a person in the list or type the name of a new person.")
            )
            return
        try:
            start, end = self.start_field.value(), self.end_field.value()
        except FieldError:
            self.add_form.read()
            return
        self.add_form.clear_problems()
        self.rows.append(
            BoardRow(
                self.role_field.value(),
                choice.person_id,
                choice.full_name,
                choice.gender,
                start,
                end,
            )
        )
        self.picker.reset()
        self.start_field.set_value(None)
        self.end_field.set_value(None)
        self.fill()
        self.changed.emit()

    def add(self, full_name: str, gender: str, role: str, start_on: dt.date | None = None) -> None:
        """Add a new person in a role (what typing in the add box and pressing Add does)."""
        self.picker.new_name.setText(full_name)
        self.picker.gender.setCurrentIndex(self.picker.gender.findData(gender))
        self.role_field.set_value(role)
        self.start_field.set_value(start_on)
        self.add_from_inputs()

    def _selected(self) -> BoardRow | None:
        row = self.table.currentRow()
        live = self.live_rows()
        return live[row] if 0 <= row < len(live) else None

    def remove_selected(self) -> None:
        r = self._selected()
        if r is not None:
            self.rows.remove(r)
            self.fill()
            self.changed.emit()

    def end_selected(self) -> None:
        r = self._selected()
        if r is not None and r.end_on is None:
            r.end_on = dt.date.today()
            self.fill()
            self.changed.emit()
