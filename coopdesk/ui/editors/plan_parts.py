"""A plan's targets and assignments, edited on their own tabs.

Each tab is a table of the rows the plan has and a small form below it: choosing a row puts
it in the form; "Apply" checks the form (problems appear beside the fields) and puts it back
in the table; "New" empties the form; "Remove" takes the chosen row out. Nothing is written
until the plan is saved: the rows go into the plan's draft and `services.registry.plans` sets,
updates and deletes them in the plan's one transaction, so an error leaves nothing half-saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period, programme_years
from coopdesk.domain.validation import Problem
from coopdesk.i18n import N_, _
from coopdesk.services.registry import plans as registry_plans
from coopdesk.ui.editors.fields import (
    CheckField,
    ChoiceField,
    DateField,
    Field,
    FieldError,
    Form,
    NoteField,
    TextField,
)
from coopdesk.ui.icons import icon

COMPARISON = {">=": N_("at least (≥)"), "=": N_("exactly (=)"), "about": N_("about (≈)")}
COMPARISON_SIGN = {">=": "≥ ", "=": "= ", "about": "≈ "}
STATUS = {
    "open": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "late": N_("Late"),
}


class DecimalField(TextField):
    """A number that may have decimals (a percentage target such as 50,5)."""

    def __init__(self, key: str, label: str, *, required: bool = False) -> None:
        super().__init__(key, label, required=required)
        self.edit.setMaximumWidth(140)

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else fmt_decimal(value))

    def value(self) -> Decimal | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return i18n.parse_number(text)
        except ValueError as exc:
            raise FieldError(str(exc)) from None


def _short(text: str, length: int) -> str:
    """A long text as a table cell shows it (the form below shows it whole)."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


def fmt_decimal(value: Any) -> str:
    number = Decimal(str(value))
    whole = number == number.to_integral_value()
    return i18n.format_number(number, 0 if whole else len(str(number.normalize()).split(".")[-1]))


class PeriodField(ChoiceField):
    """The period of a target, picked: the programme's years, its phases, the whole
    programme. A yearly target counts for the calendar and the reporting year alike
    (`domain.targets`). A stored target of another period (a reporting year, dates) is
    offered too, so opening it never changes it."""

    def __init__(self, key: str, label: str, *, required: bool = False) -> None:
        super().__init__(key, label, target_periods, required=required, translate=False)

    def set_value(self, value: Any) -> None:
        if value and self.combo.findData(value) < 0:
            try:
                text = Period.parse(str(value)).label()
            except ValueError:
                text = str(value)
            self.combo.addItem(text, value)
        super().set_value(value)


def target_periods() -> list[tuple[str, str]]:
    periods = [Period.calendar_year(y) for y in programme_years()]
    periods += [Period.parse(key) for key in ("phase1", "phase2", "all")]
    return [(p.key, p.label()) for p in periods]


def indicator_choices() -> list[tuple[str, str]]:
    return [(ind.code, ind.name()) for ind in reg.INDICATORS]


class PartsTab(QWidget):
    """A table of rows (dicts; "id" is the stored record's or None) and a form for one."""

    COLUMNS: tuple[str, ...] = ()  # N_() msgids

    def __init__(self, fields: list[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.editing: int | None = None  # the row in the form, or None for a new one
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.form = Form(fields)
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        self.new_button = QPushButton()  # empties the form for another row
        self.apply_button = QPushButton()  # Add (a plus) or Apply (a pencil): see fill_button
        self.remove_button = QPushButton(icon("delete"), "")
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self.start_new)
        self.apply_button.clicked.connect(self.apply)
        self.remove_button.clicked.connect(self.remove_selected)
        self.on_change: Callable[[], None] = lambda: None
        self.start_new()

    # --- to override ---------------------------------------------------------------------

    def defaults(self) -> dict[str, Any]:
        return {}

    def check(self, values: dict[str, Any]) -> list[Problem]:
        return []

    def cells(self, row: dict[str, Any]) -> list[str]:
        raise NotImplementedError

    def same_row(self, row: dict[str, Any], values: dict[str, Any]) -> bool:
        """Would `values` replace `row` rather than be added (one per key)?"""
        return False

    # --- behaviour -----------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.new_button.setText(_("New row"))
        self.remove_button.setText(_("Remove"))
        self.form.translate_ui()
        self.fill()

    KEYS: tuple[str, ...] = ()  # what a row holds besides its "id"

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.rows = [dict(r) for r in rows]
        self.fill()

    def draft_rows(self) -> list[dict[str, Any]]:
        """The rows as the plan's draft holds them (a copy: the worker thread saves them)."""
        return [{"id": r.get("id"), **{k: r.get(k) for k in self.KEYS}} for r in self.rows]

    def fill(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            for col, text in enumerate(self.cells(row)):
                self.table.setItem(n, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fill_button()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.editing = rows[0].row()
        self.form.clear_problems()
        self.form.load(self.rows[self.editing])
        self._remember_form()
        self.fill_button()

    def fill_button(self) -> None:
        adding = self.editing is None
        self.apply_button.setText(_("Add") if adding else _("Apply"))
        self.apply_button.setIcon(icon("add" if adding else "edit"))
        self.remove_button.setEnabled(self.editing is not None)

    def _remember_form(self) -> None:
        self._loaded = self.form.read()[0]

    def pending(self) -> bool:
        """Has the form values not yet put in the table (typed, not added or applied)?"""
        values, ok = self.form.read()
        return not ok or values != self._loaded

    def select_row(self, n: int) -> None:
        self.table.selectRow(n)

    def start_new(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.form.clear_problems()
        self.form.load(self.defaults())
        self._remember_form()
        self.fill_button()

    def apply(self) -> bool:
        """Put the form's values in the table; False (problems shown) when they are wrong."""
        self.form.clear_problems()
        values, ok = self.form.read()
        if not ok:
            return False
        problems = self.check(values)
        if problems:
            rest = self.form.show_problems(problems)
            if rest:  # a problem no field here shows: on the first field
                first = next(iter(self.form.fields.values()))
                first.show_problem("\n".join(p.message for p in rest))
            return False
        index = self.editing
        if index is None:
            index = next((n for n, r in enumerate(self.rows) if self.same_row(r, values)), None)
        if index is None:
            self.rows.append({"id": None, **values})
        else:
            self.rows[index] = {**self.rows[index], **values}
        self.start_new()
        self.fill()
        self.on_change()
        return True

    def remove_selected(self) -> None:
        if self.editing is None:
            return
        self.rows.pop(self.editing)
        self.start_new()
        self.fill()
        self.on_change()

    def texts(self) -> list[list[str]]:
        """What the table shows, row by row (tests)."""
        columns = [c for c in range(self.table.columnCount()) if not self.table.isColumnHidden(c)]
        return [
            [_text(self.table.item(r, c)) for c in columns] for r in range(self.table.rowCount())
        ]


class TargetsTab(PartsTab):
    COLUMNS = (N_("Indicator"), N_("Period"), N_("Target value"), N_("Set for"))
    KEYS = registry_plans.TARGET_KEYS

    def __init__(self, parent: QWidget | None = None) -> None:
        # the plan's unit, and below it the units a province (or the country) sets targets for
        self.units: list[tuple[str, str]] = []
        super().__init__(
            [
                ChoiceField(
                    "indicator_code",
                    N_("Indicator"),
                    indicator_choices,
                    required=True,
                    translate=False,
                ),
                PeriodField("period", N_("Period"), required=True),
                ChoiceField("comparison", N_("Comparison"), list(COMPARISON.items())),
                DecimalField("value", N_("Target value"), required=True),
                ChoiceField(
                    "target_unit_code",
                    N_("Set for"),
                    lambda: self.units,
                    required=True,
                    translate=False,
                ),
            ],
            parent,
        )
        self._show_units()

    def set_units(self, units: list[tuple[str, str]]) -> None:
        """The units a target of this plan can be set for (the plan's own unit first)."""
        self.units = units
        field = self.form.fields["target_unit_code"]
        assert isinstance(field, ChoiceField)
        field.translate_ui()
        self._show_units()
        if self.editing is None:
            self.start_new()
        self.fill()

    def _show_units(self) -> None:
        """A commune's plan sets targets for the commune alone: no unit to choose or show."""
        several = len(self.units) > 1
        field = self.form.fields["target_unit_code"]
        layout = self.form.layout()
        assert isinstance(layout, QFormLayout)
        layout.setRowVisible(field.label, several)
        self.table.setColumnHidden(len(self.COLUMNS) - 1, not several)

    def unit_name(self, code: str) -> str:
        return next((name.strip() for c, name in self.units if c == code), code)

    def defaults(self) -> dict[str, Any]:
        return {
            "indicator_code": reg.INDICATORS[0].code,
            "period": str(dt.date.today().year),
            "comparison": ">=",
            "value": None,
            "target_unit_code": self.units[0][0] if self.units else None,
        }

    def check(self, values: dict[str, Any]) -> list[Problem]:
        problems = registry_plans.target_problems(values)
        if not problems:
            values["period"] = Period.parse(values["period"]).key
        return problems

    def same_row(self, row: dict[str, Any], values: dict[str, Any]) -> bool:
        return registry_plans.target_key(row) == registry_plans.target_key(values)

    def cells(self, row: dict[str, Any]) -> list[str]:
        indicator = reg.BY_CODE.get(row["indicator_code"])
        name = indicator.name() if indicator else row["indicator_code"]
        unit = indicator.unit_text() if indicator else ""
        try:
            period = Period.parse(row["period"]).label()
        except ValueError:
            period = row["period"]
        sign = COMPARISON_SIGN.get(row.get("comparison") or ">=", "")
        value = f"{sign}{fmt_decimal(row['value'])} {unit}".strip()
        return [name, period, value, self.unit_name(row.get("target_unit_code") or "")]


class AssignmentsTab(PartsTab):
    COLUMNS = (
        N_("Task"),
        N_("Responsible"),
        N_("Coordinating"),
        N_("Deadline"),
        N_("Status"),
        N_("Own level"),
    )
    KEYS = registry_plans.ASSIGNMENT_KEYS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            [
                NoteField("task", N_("Task")),
                TextField("responsible_body", N_("Responsible body"), required=True),
                TextField("coordinating_bodies", N_("Coordinating bodies")),
                DateField("deadline", N_("Deadline")),
                ChoiceField("status", N_("Status"), list(STATUS.items())),
                TextField("evidence", N_("Evidence (document, link)")),
                CheckField(
                    "own_level",
                    N_("An activity the issuer holds itself (its own part of the plan)"),
                ),
            ],
            parent,
        )
        self.form.fields["task"].required = True
        self.form.fields["task"].widget.setMaximumHeight(70)

    def defaults(self) -> dict[str, Any]:
        blank = {k: None if k == "deadline" else "" for k in self.KEYS}
        return blank | {"status": "open", "own_level": False}

    def check(self, values: dict[str, Any]) -> list[Problem]:
        return registry_plans.assignment_problems(values)

    def cells(self, row: dict[str, Any]) -> list[str]:
        return [
            _short(" ".join((row.get("task") or "").split()), 70),
            _short(row.get("responsible_body") or "", 40),
            _short(row.get("coordinating_bodies") or "", 40),
            i18n.format_date(row.get("deadline")),
            _(STATUS.get(row.get("status") or "open", row.get("status") or "")),
            "✓" if row.get("own_level") else "",
        ]
