"""Recording a boundary change at a province (or the national office): a merge of communes of
the province into one code, or the rename of one commune, with the decision and the effective
date (`coopdesk.services.unit_changes.record`). It travels down in the province's bundles.
Choosing the third kind, a split, closes this dialog with `SPLIT`: the page opens the split's
own dialog (ui.unit_split_dialog) for the province chosen.

A refusal is shown naming the field it is about, and the dialog stays open with what was typed.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, fold
from coopdesk.services import unit_changes, units
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.fields import DateField, FieldError, TextField

CODE_ROLE = Qt.ItemDataRole.UserRole


class UnitChangeDialog(QDialog):
    """Merge or rename; the communes to choose are those of the province."""

    SPLIT = 2  # the result when the officer chose to record a split instead

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.change_id: str | None = None
        self._build()
        self.translate_ui()
        self._fill_provinces()
        self.resize(620, 600)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.merge_radio = QRadioButton()
        self.rename_radio = QRadioButton()
        self.split_radio = QRadioButton()
        self.merge_radio.setChecked(True)
        self.kind_group = QButtonGroup(self)
        for radio in (self.merge_radio, self.rename_radio, self.split_radio):
            self.kind_group.addButton(radio)
            kinds.addWidget(radio)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        form = QFormLayout()
        self.province_label = QLabel()
        self.province = QComboBox()
        self.province.setEnabled(self.ctx.unit_code == units.COUNTRY_CODE)
        form.addRow(self.province_label, self.province)
        self.communes_label = QLabel()
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.communes = QListWidget()
        self.communes.setMinimumHeight(160)
        box = QVBoxLayout()
        box.addWidget(self.filter)
        box.addWidget(self.communes)
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        box.addWidget(self.chosen_label)
        form.addRow(self.communes_label, box)
        self.code = TextField("target_code", N_("Code after the change"), required=True)
        self.name = TextField("target_name", N_("Name after the change"), required=True)
        self.decision = TextField("decision", N_("Decision (number and date)"))
        self.effective = DateField("effective_on", N_("Effective on"), required=True)
        self.fields: dict[str, TextField] = {
            f.key: f for f in (self.code, self.name, self.decision, self.effective)
        }
        for f in self.fields.values():
            form.addRow(f.label, f.widget)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.kind_group.buttonToggled.connect(lambda *_a: self._kind_changed())
        self.province.currentIndexChanged.connect(lambda _i: self._fill_communes())
        self.filter.textChanged.connect(self._filter_communes)
        self.communes.itemChanged.connect(self._commune_checked)

    def translate_ui(self) -> None:
        self.setWindowTitle(_("Record a boundary change"))
        self.merge_radio.setText(_("Merge communes"))
        self.rename_radio.setText(_("Rename a commune"))
        self.split_radio.setText(_("Split a commune"))
        self.province_label.setText(_("Province"))
        self.communes_label.setText(self._communes_text())
        self.filter.setPlaceholderText(_("Search by name (accents not needed)…"))
        for f in self.fields.values():
            f.translate_ui()
        self._show_chosen()
        self.ok_button.setText(_("Record the change"))
        self.cancel_button.setText(_("Cancel"))

    def _communes_text(self) -> str:
        return _("Communes merged") if self.merging() else _("Commune renamed")

    def merging(self) -> bool:
        return self.merge_radio.isChecked()

    # --- the communes ----------------------------------------------------------------------

    def _fill_provinces(self) -> None:
        if self.ctx.unit_code == units.COUNTRY_CODE:
            provinces = self.ctx.read(units.children, None)
        else:
            provinces = [self.ctx.read(units.get, self.ctx.unit_code)]
        for info in provinces:
            self.province.addItem(info.name, info.code)
        self._fill_communes()

    def _fill_communes(self) -> None:
        code = self.province.currentData()
        self.communes.blockSignals(True)
        self.communes.clear()
        for info in self.ctx.read(units.children, code) if code else []:
            if info.level != "commune" or info.legacy:
                continue
            item = QListWidgetItem(f"{info.name} ({info.code})")
            item.setData(CODE_ROLE, info.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.communes.addItem(item)
        self.communes.blockSignals(False)
        self._filter_communes(self.filter.text())
        self._show_chosen()

    @Slot(str)
    def _filter_communes(self, text: str) -> None:
        words = fold(text).split()
        for n in range(self.communes.count()):
            item = self.communes.item(n)
            name = fold(item.text())
            item.setHidden(not all(w in name for w in words))

    def check(self, code: str) -> None:
        """Tick a commune by its code, as the officer's click on it does."""
        for n in range(self.communes.count()):
            item = self.communes.item(n)
            if item.data(CODE_ROLE) == units.normalize_code(code):
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        """The ticked communes, in the order of the list."""
        return [
            str(item.data(CODE_ROLE))
            for item in (self.communes.item(n) for n in range(self.communes.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    @Slot(QListWidgetItem)
    def _commune_checked(self, item: QListWidgetItem) -> None:
        if not self.merging() and item.checkState() == Qt.CheckState.Checked:
            self.communes.blockSignals(True)
            for n in range(self.communes.count()):
                other = self.communes.item(n)
                if other is not item:
                    other.setCheckState(Qt.CheckState.Unchecked)
            self.communes.blockSignals(False)
        self._show_chosen()
        self._suggest_code()

    def _show_chosen(self) -> None:
        """The ticked communes, also those the search hides."""
        names = [
            item.text()
            for item in (self.communes.item(n) for n in range(self.communes.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        self.chosen_label.setText(
            _("Ticked: {communes}").format(communes=", ".join(names))
            if names
            else _("No commune ticked yet.")
        )

    def _suggest_code(self) -> None:
        """The code after: the renamed commune's; for a merge the first ticked one's, until
        the officer types another."""
        chosen = self.chosen()
        if chosen and (not self.merging() or not self.code.touched):
            self.code.set_value(chosen[0])

    def _kind_changed(self) -> None:
        if self.split_radio.isChecked():
            self.done(self.SPLIT)
            return
        self.message.setText("")
        self.code.edit.setReadOnly(not self.merging())
        self.communes_label.setText(self._communes_text())
        if not self.merging():
            for code in self.chosen()[1:]:
                self._untick(code)
        self._suggest_code()

    def _untick(self, code: str) -> None:
        for n in range(self.communes.count()):
            item = self.communes.item(n)
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Unchecked)

    # --- saving ----------------------------------------------------------------------------

    def _show_problem(self, field: TextField | None, message: str) -> None:
        """Below the form, naming the field (None: the communes); the field gets the focus
        and keeps what was typed."""
        if field is None:
            self.message.setText(f"{self._communes_text()}: {message}")
            self.communes.setFocus()
            return
        self.message.setText(f"{_(field.label_msgid)}: {message}")
        field.edit.setFocus()
        field.edit.selectAll()

    def _typed(self) -> dict[str, Any] | None:
        """What was typed, read; None (with the problem shown) when something is missing."""
        sources = self.chosen()
        if len(sources) < (2 if self.merging() else 1):
            need = _("Tick at least two communes.") if self.merging() else _("Tick the commune.")
            self._show_problem(None, need)
            return None
        for f in (self.code, self.name, self.effective):
            try:
                value = f.value()
            except FieldError as exc:
                self._show_problem(f, str(exc))
                return None
            if not value:
                self._show_problem(f, _("Fill this in."))
                return None
        return {
            "sources": self._kept_first(sources, self.code.value()),
            "target_code": self.code.value(),
            "target_name": self.name.value(),
            "decision": self.decision.value(),
            "effective_on": self.effective.value(),
        }

    @staticmethod
    def _kept_first(sources: list[str], code: str) -> list[str]:
        """The commune whose code the unit after keeps goes first (the service's rule for a
        merge); the others in the order of the list."""
        try:
            kept = units.normalize_code(code)
        except units.UnknownUnit:
            return sources  # refused by the service, named beside the code
        return sorted(sources, key=lambda c: c != kept)

    @Slot()
    def save(self) -> None:
        self.message.setText("")
        typed = self._typed()
        if typed is None:
            return
        self.ok_button.setEnabled(False)
        record = functools.partial(
            unit_changes.record, sender=self.ctx.unit_code, actor=self.ctx.actor, **typed
        )
        self.ctx.write(record, on_done=self._recorded, on_error=self._refused)

    def _recorded(self, change_id: str) -> None:
        self.change_id = change_id
        self.ok_button.setEnabled(True)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, ValueError):  # UnitChangeError, UnknownUnit are ValueErrors
            self.ctx.tasks.show_error(exc)
            return
        self._show_problem(self._field_of(str(exc)), str(exc))

    def _field_of(self, message: str) -> TextField | None:
        """The service refuses either a commune ticked (its message starts with the
        commune's code or name) or the code after the change; None stands for the communes."""
        for n in range(self.communes.count()):
            item = self.communes.item(n)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            code = str(item.data(CODE_ROLE))
            if message.startswith((code, item.text().rsplit(" (", 1)[0])):
                return None
        return self.code
