"""Recording the split of a commune at a province (or the national office), in two steps.

1. The commune split and the units after it: code, name and the villages (thôn, bản, tổ dân
   phố) each covers, typed as a comma-separated list; one of them is the default unit.
2. "Phân chia bản ghi": the plan (`services.unit_splits.plan_split`, read off the GUI thread)
   lists the records the addresses divide, with the unit proposed (changeable), and those no
   address divides, each with a unit to choose (none: the default unit); then the decision and
   the effective date, and `record_split`.

A refusal is shown naming the field it is about, on the step holding it; what was typed stays.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.unit_changes import Part, is_unit_code
from coopdesk.i18n import N_, _, fold
from coopdesk.services import unit_splits, units
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.fields import DateField, FieldError, TextField
from coopdesk.ui.icons import icon
from coopdesk.ui.unit_split_records import SplitRecordsTableModel, records_view

Target = tuple[QWidget, str, int]  # a field: the widget, the words naming it, its step


@dataclass
class PartRow:
    """One unit after the split, as typed."""

    code: QLineEdit
    name: QLineEdit
    villages: QLineEdit
    default: QRadioButton
    remove: QToolButton

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.code, self.name, self.villages, self.default, self.remove)


class UnitSplitDialog(QDialog):
    """The split of one commune of the province into two or more units."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, province: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.change_id: str | None = None
        self.plan: unit_splits.SplitPlan | None = None
        self.default_code = ""  # of the plan shown
        self.sent: list[Part] = []  # the units after as last given to the service
        self.rows: list[PartRow] = []
        self._build()
        for _n in range(2):
            self.add_part()
        self.translate_ui()
        self._fill_provinces(province)
        self.resize(820, 620)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.step_title = QLabel()
        self.step_title.setObjectName("pageTitle")
        layout.addWidget(self.step_title)
        self.steps = QStackedWidget()
        self.steps.addWidget(self._build_units_step())
        self.steps.addWidget(self._build_records_step())
        layout.addWidget(self.steps, 1)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.back_button = QPushButton()
        self.next_button = self.buttons.addButton("", role.ActionRole)
        self.ok_button = self.buttons.addButton("", role.AcceptRole)
        self.cancel_button = self.buttons.addButton("", role.RejectRole)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.buttons, 1)
        layout.addLayout(bottom)
        self.back_button.clicked.connect(lambda: self._go(0))
        self.next_button.clicked.connect(self.next_step)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._go(0)

    def _build_units_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.province_label, self.province = QLabel(), QComboBox()
        self.province.setEnabled(self.ctx.unit_code == units.COUNTRY_CODE)
        self.commune_label, self.commune = QLabel(), QComboBox()
        self.commune_filter = QLineEdit()
        self.commune_filter.setClearButtonEnabled(True)
        self.commune_filter.setMaximumWidth(260)
        self.communes: list[tuple[str, str]] = []  # (code, "name (code)") of the province
        pick = QHBoxLayout()
        pick.addWidget(self.commune_filter)
        pick.addWidget(self.commune, 1)
        form.addRow(self.province_label, self.province)
        form.addRow(self.commune_label, pick)
        layout.addLayout(form)
        self.parts_label = QLabel()
        layout.addWidget(self.parts_label)
        self.grid = QGridLayout()
        self.headers = [QLabel() for _n in range(4)]
        for col, label in enumerate(self.headers):
            self.grid.addWidget(label, 0, col)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 3)
        layout.addLayout(self.grid)
        self.add_button = QPushButton(icon("add"), "")
        self.add_button.clicked.connect(self.add_part)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.parts_hint = QLabel()
        self.parts_hint.setWordWrap(True)
        layout.addWidget(self.parts_hint)
        layout.addStretch(1)
        self.default_group = QButtonGroup(self)
        self.province.currentIndexChanged.connect(lambda _i: self._fill_communes())
        self.commune.currentIndexChanged.connect(lambda _i: self._commune_chosen())
        self.commune_filter.textChanged.connect(self._filter_communes)
        return page

    def _build_records_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.records_intro = QLabel()
        self.records_intro.setWordWrap(True)
        layout.addWidget(self.records_intro)
        self.divided = SplitRecordsTableModel(optional=False, parent=self)
        self.undivided = SplitRecordsTableModel(optional=True, parent=self)
        self.divided_label, self.undivided_label = QLabel(), QLabel()
        self.divided_view = records_view(self.divided)
        self.undivided_view = records_view(self.undivided)
        for label, view in (
            (self.divided_label, self.divided_view),
            (self.undivided_label, self.undivided_view),
        ):
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addWidget(view, 1)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        for model in (self.divided, self.undivided):
            model.dataChanged.connect(lambda *_a: self._show_totals())
            model.modelReset.connect(self._show_totals)
        form = QFormLayout()
        self.decision = TextField("decision", N_("Decision (number and date)"))
        self.effective = DateField("effective_on", N_("Effective on"), required=True)
        for f in (self.decision, self.effective):
            form.addRow(f.label, f.widget)
        layout.addLayout(form)
        return page

    def add_part(self) -> None:
        row = PartRow(QLineEdit(), QLineEdit(), QLineEdit(), QRadioButton(), QToolButton())
        row.code.setMaximumWidth(90)
        row.remove.setIcon(icon("delete"))
        row.remove.clicked.connect(lambda: self.remove_part(self.rows.index(row)))
        self.default_group.addButton(row.default)
        self.rows.append(row)
        if len(self.rows) == 1:
            row.default.setChecked(True)
        self._lay_out_parts()
        self._translate_rows()

    def remove_part(self, n: int) -> None:
        row = self.rows.pop(n)
        self.default_group.removeButton(row.default)
        for widget in row.widgets():
            widget.deleteLater()
        if self.default_group.checkedButton() is None and self.rows:
            self.rows[0].default.setChecked(True)
        self._lay_out_parts()

    def _lay_out_parts(self) -> None:
        for n, row in enumerate(self.rows, start=1):
            for col, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, n, col)
            row.remove.setEnabled(len(self.rows) > 2)

    # --- words -------------------------------------------------------------------------------

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Record the split of a commune"))
        self.province_label.setText(_("Province"))
        self.commune_label.setText(_("Commune to split"))
        self.commune_filter.setPlaceholderText(_("Search by name (accents not needed)…"))
        self.parts_label.setText(_("Units after the split"))
        for label, text in zip(
            self.headers,
            (
                _("Code"),
                _("Name"),
                _("Villages (thôn, bản, tổ dân phố), separated by commas"),
                _("Default"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.add_button.setText(_("Add a unit"))
        self.parts_hint.setText(
            _(
                "A record whose address names a village of one unit goes to that unit. The "
                "default unit takes the records no address divides and no one chose a unit for."
            )
        )
        self._translate_rows()
        self.divided.retranslate()
        self.undivided.retranslate()
        for f in (self.decision, self.effective):
            f.translate_ui()
        self.back_button.setText(_("‹ Back"))
        self.next_button.setText(_("Next ›"))
        self.ok_button.setText(_("Record the split"))
        self.cancel_button.setText(_("Cancel"))
        self._show_step_words()

    def _translate_rows(self) -> None:
        for row in self.rows:
            row.code.setPlaceholderText(_("e.g. 03409"))
            row.villages.setPlaceholderText(_("e.g. Bản Nà Ún, Tổ 3"))
            row.default.setToolTip(_("Default unit"))
            row.remove.setToolTip(_("Remove this unit"))

    def _show_step_words(self) -> None:
        on_records = self.steps.currentIndex() == 1
        self.step_title.setText(
            _("Dividing the records")
            if on_records
            else _("The commune and the units after the split")
        )
        if not on_records or self.plan is None:
            return
        commune = self.commune.currentText()
        self.records_intro.setText(
            _("{commune} holds {count} records to divide (what belongs to them follows).").format(
                commune=commune, count=len(self.plan.proposals)
            )
        )
        self.divided_label.setText(
            _(
                "Divided by their address ({count}): the unit whose village the address names. "
                "Click the unit to change it."
            ).format(count=self.divided.rowCount())
        )
        self.undivided_label.setText(
            _(
                "Not divided by an address ({count}): choose a unit for each; left empty, a "
                "record counts under the default unit, {name}."
            ).format(count=self.undivided.rowCount(), name=self.undivided.default_name)
        )
        self._show_totals()

    def _show_totals(self) -> None:
        """How many records each unit takes, as divided so far."""
        if self.plan is None:
            return
        counts = dict.fromkeys((p.code for p in self.plan.parts), 0)
        for code in (*self.divided.chosen.values(), *self.undivided.chosen.values()):
            counts[code or self.default_code] += 1
        each = [
            _("{unit}: {count} records").format(unit=p.name, count=counts[p.code])
            for p in self.plan.parts
        ]
        self.totals.setText(_("From the effective date: {counts}.").format(counts=" · ".join(each)))

    # --- the commune -------------------------------------------------------------------------

    def _fill_provinces(self, chosen: str | None) -> None:
        if self.ctx.unit_code == units.COUNTRY_CODE:
            provinces = self.ctx.read(units.children, None)
        else:
            provinces = [self.ctx.read(units.get, self.ctx.unit_code)]
        for info in provinces:
            self.province.addItem(info.name, info.code)
        self.province.setCurrentIndex(max(0, self.province.findData(chosen)))
        self._fill_communes()

    def _fill_communes(self) -> None:
        code = self.province.currentData()
        self.communes = [
            (info.code, f"{info.name} ({info.code})")
            for info in (self.ctx.read(units.children, code) if code else [])
            if info.level == "commune" and not info.legacy
        ]
        self.commune.setCurrentIndex(-1)
        self._filter_communes(self.commune_filter.text())

    @Slot(str)
    def _filter_communes(self, text: str) -> None:
        """The communes whose name holds the words typed; the one chosen stays if it does."""
        words = fold(text).split()
        kept = self.commune.currentData()
        shown = [(c, label) for c, label in self.communes if all(w in fold(label) for w in words)]
        self.commune.blockSignals(True)
        self.commune.clear()
        for code, label in shown:
            self.commune.addItem(label, code)
        at = self.commune.findData(kept) if kept else -1
        self.commune.setCurrentIndex(at if at >= 0 or not words or not shown else 0)
        self.commune.blockSignals(False)
        if self.commune.currentData() != kept:
            self._commune_chosen()

    def _commune_chosen(self) -> None:
        """The first unit after keeps the commune's code and name, until the officer types."""
        first = self.rows[0]
        if not first.code.isModified() and not first.name.isModified():
            code, text = self.commune.currentData(), self.commune.currentText()
            first.code.setText(code or "")
            first.name.setText(text.rsplit(" (", 1)[0] if code else "")

    # --- steps -------------------------------------------------------------------------------

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back_button.setVisible(step == 1)
        self.next_button.setVisible(step == 0)
        self.ok_button.setVisible(step == 1)
        self.next_button.setDefault(step == 0)
        self.ok_button.setDefault(step == 1)
        self._show_step_words()

    def _parts(self) -> list[Part] | None:
        """The units after as typed (codes as the catalogue writes them); None, with the
        problem shown, when a code is missing or not a code."""
        parts = []
        for n, row in enumerate(self.rows):
            if not row.code.text().strip():
                self._show_problem(self._code_field(n), _("Fill this in."))
                return None
            try:
                code = units.normalize_code(row.code.text())
            except units.UnknownUnit as exc:
                self._show_problem(self._code_field(n), str(exc))
                return None
            villages = tuple(v.strip() for v in row.villages.text().split(",") if v.strip())
            parts.append(Part(code, " ".join(row.name.text().split()), villages))
        return parts

    def default_part(self, parts: list[Part]) -> Part:
        checked = self.default_group.checkedButton()
        at = next((n for n, r in enumerate(self.rows) if r.default is checked), 0)
        return parts[at]

    @Slot()
    def next_step(self) -> None:
        self.message.setText("")
        source = self.commune.currentData()
        if not source:
            self._show_problem((self.commune, _("Commune to split"), 0), _("Choose the commune."))
            return
        parts = self._parts()
        if parts is None:
            return
        self.next_button.setEnabled(False)
        self.steps.setEnabled(False)  # what is read is what was typed
        self.sent = parts
        self.ctx.read_later(
            unit_splits.plan_split,
            source,
            parts,
            on_done=self._planned,
            on_error=self._refused,
            progress_label=_("Reading the commune's records…"),
        )

    def _planned(self, plan: unit_splits.SplitPlan) -> None:
        self.next_button.setEnabled(True)
        self.steps.setEnabled(True)
        kept = {**self.divided.picked, **self.undivided.picked}
        default = self.default_part(list(plan.parts))
        self.plan, self.default_code = plan, default.code
        by_address = [p for p in plan.proposals if p.part is not None]
        self.divided.set_rows(by_address, plan.parts, default, kept)
        self.undivided.set_rows(plan.undecided, plan.parts, default, kept)
        self._go(1)

    def choices(self) -> dict[str, str]:
        """A unit for each record that has one chosen or proposed (the rest: the default)."""
        chosen = {**self.divided.chosen, **self.undivided.chosen}
        return {rid: code for rid, code in chosen.items() if code}

    # --- recording ---------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        self.message.setText("")
        if self.plan is None:
            return
        try:
            effective = self.effective.value()
        except FieldError as exc:
            self._show_problem((self.effective.edit, _("Effective on"), 1), str(exc))
            return
        if effective is None:
            self._show_problem((self.effective.edit, _("Effective on"), 1), _("Fill this in."))
            return
        parts = self.sent = list(self.plan.parts)
        record = functools.partial(
            unit_splits.record_split,
            sender=self.ctx.unit_code,
            source=self.plan.source,
            parts=parts,
            default=self.default_code,
            choices=self.choices(),
            decision=self.decision.value(),
            effective_on=effective,
            actor=self.ctx.actor,
        )
        self.ok_button.setEnabled(False)
        self.ctx.write(record, on_done=self._recorded, on_error=self._refused)

    def _recorded(self, change_id: str) -> None:
        self.change_id = change_id
        self.ok_button.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.next_button.setEnabled(True)
        self.steps.setEnabled(True)
        if not isinstance(exc, ValueError):  # UnitChangeError, UnknownUnit are ValueErrors
            self.ctx.tasks.show_error(exc)
            return
        if getattr(exc, "field", "") == "records":
            target: Target = (self.undivided_view, _("Dividing the records"), 1)
        else:
            target = self._field_of(str(exc))
        self._show_problem(target, str(exc))

    # --- naming the field --------------------------------------------------------------------

    def _code_field(self, n: int) -> Target:
        return self.rows[n].code, _("Unit {n} after the split, code").format(n=n + 1), 0

    def _field_of(self, message: str) -> Target:
        """The field a refusal of the service is about (its messages, services.unit_splits)."""
        codes = [p.code for p in self.sent]
        if message == _("The new unit's code has five digits, e.g. 03408."):
            return self._code_field(
                next((n for n, c in enumerate(codes) if not is_unit_code(c)), 0)
            )
        if message == _("Each unit after the split needs its own code."):
            return self._code_field(next((n for n, c in enumerate(codes) if c in codes[:n]), 0))
        if message == _("Each unit after the split needs a name."):
            n = next((n for n, p in enumerate(self.sent) if not p.name), 0)
            return self.rows[n].name, _("Unit {n} after the split, name").format(n=n + 1), 0
        if message == _("A split divides one commune into two or more."):
            return self.add_button, _("Units after the split"), 0
        if message == _("The default unit of a split must be one of its parts."):
            return self.rows[0].default, _("Default unit"), 0
        commune = self.commune.currentText().rsplit(" (", 1)[0]
        if message.startswith((self.commune.currentData() or "?", commune or "?")):
            return self.commune, _("Commune to split"), 0  # not a current commune, not ours
        for n, code in enumerate(codes):
            if code in message:  # "The code 03392 is already used by …"
                return self._code_field(n)
        return self.commune, _("Commune to split"), 0

    def _show_problem(self, target: Target, message: str) -> None:
        """Below the steps, naming the field, which gets the focus on its step."""
        widget, name, step = target
        if self.steps.currentIndex() != step:
            self._go(step)
        self.message.setText(f"{name}: {message}")
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()
