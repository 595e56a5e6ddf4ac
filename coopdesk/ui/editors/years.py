"""Yearly figures of a cooperative: members, workers, women among them, jobs, revenue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, format_number
from coopdesk.ui.editors.fields import CheckField, Form, NumberField

FIGURES = (
    ("members", N_("Members")),
    ("official_members", N_("Official members")),
    ("female_members", N_("Female members")),
    ("workers", N_("Workers")),
    ("female_workers", N_("Female workers")),
    ("new_jobs_women", N_("New jobs for women")),
    ("revenue", N_("Revenue (đồng)")),
    ("average_income", N_("Average income (đồng/month)")),
)
MONEY = {"revenue", "average_income"}


class YearsEditor(QWidget):
    """A table of the years entered and a form for the year chosen above it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: dict[int, dict[str, Any]] = {}  # year → values (with "id" when saved)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table)
        layout.addLayout(left, 2)
        right = QVBoxLayout()
        pick = QHBoxLayout()
        self.year_label = QLabel()
        self.year = QSpinBox()
        self.year.setRange(2000, dt.date.today().year)
        self.year.setValue(dt.date.today().year)
        pick.addWidget(self.year_label)
        pick.addWidget(self.year)
        pick.addStretch(1)
        right.addLayout(pick)
        fields: list[Any] = [NumberField(k, label, money=k in MONEY) for k, label in FIGURES]
        fields.append(CheckField("consolidated", N_("Consolidated or improved this year")))
        self.form = Form(fields)
        right.addWidget(self.form)
        self.share = QLabel()
        right.addWidget(self.share)
        self.apply_button = QPushButton()
        right.addWidget(self.apply_button)
        right.addStretch(1)
        layout.addLayout(right, 3)
        self._loading = False
        self.year.valueChanged.connect(self.show_year)
        self.form.changed.connect(self._form_changed)
        self.apply_button.clicked.connect(self.keep_form)
        self.table.cellClicked.connect(lambda row, _c: self.year.setValue(int(self._cell(row))))

    def _cell(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text() if item is not None else str(self.year.value())

    def translate_ui(self) -> None:
        self.year_label.setText(_("Year"))
        self.apply_button.setText(_("Keep these figures"))
        self.table.setHorizontalHeaderLabels(
            [_("Year"), _("Members"), _("Workers"), _("Female workers")]
        )
        self.form.translate_ui()
        self.fill()
        self._update_share()

    def load(self, rows: list[dict[str, Any]]) -> None:
        """Show the yearly figures of a cooperative's draft (services.registry.cooperatives)."""
        self.years = {r["year"]: {k: v for k, v in r.items() if k != "year"} for r in rows}
        if self.years:
            self.year.setValue(max(self.years))
        self.show_year(self.year.value())
        self.fill()

    def draft_rows(self) -> list[dict[str, Any]]:
        """The figures as the draft holds them (a copy: the worker thread saves them)."""
        return [{"year": year, **values} for year, values in sorted(self.years.items())]

    def fill(self) -> None:
        self.table.setRowCount(len(self.years))
        for n, year in enumerate(sorted(self.years, reverse=True)):
            v = self.years[year]
            cells = [str(year)] + [
                "" if v.get(k) is None else format_number(v.get(k))
                for k in ("members", "workers", "female_workers")
            ]
            for col, text in enumerate(cells):
                self.table.setItem(n, col, QTableWidgetItem(text))

    def show_year(self, year: int) -> None:
        self._loading = True
        values = self.years.get(year, {})
        for key, f in self.form.fields.items():
            f.set_value(values.get(key))
        self.form.clear_problems()
        self._loading = False
        self._update_share()

    def _form_changed(self) -> None:
        if not self._loading:
            self.keep_form(quiet=True)

    def keep_form(self, quiet: bool = False) -> bool:
        """Take the form's values for the chosen year (False if a number cannot be read)."""
        values, ok = self.form.read()
        if not ok:
            return False
        year = self.year.value()
        if year not in self.years and not any(v for v in values.values()):
            return True
        saved_id = self.years.get(year, {}).get("id")
        self.years[year] = {**values, "id": saved_id}
        self.fill()
        self._update_share()
        self.changed.emit()
        return True

    def latest(self) -> dict[str, Any] | None:
        return self.years[max(self.years)] if self.years else None

    def _update_share(self) -> None:
        values = self.years.get(self.year.value()) or {}
        workers, female = values.get("workers"), values.get("female_workers")
        if workers and female is not None:
            self.share.setText(
                _("Women are {share} of the workers.").format(
                    share=f"{round(100 * female / workers)} %"
                )
            )
        else:
            self.share.setText("")
