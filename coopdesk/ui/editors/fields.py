"""Form fields that enter and show values the Vietnamese way and show their own problems.

Each `Field` knows its model column (`key`), its label (an N_() msgid), how to show a stored
value and how to read the typed one (dates dd/mm/yyyy, numbers 1.234.567 via coopdesk.i18n).
A field that cannot be read says why beside itself; `Form` lays fields out and places the
domain validator's problems beside the field they name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import _


class FieldError(ValueError):
    """A typed value that cannot be read; the message says how to enter it."""


class Field(QObject):
    changed = Signal()

    def __init__(self, key: str, label: str, widget: QWidget, *, required: bool = False) -> None:
        super().__init__()
        self.key = key
        self.label_msgid = label
        self.widget = widget
        self.required = required
        self.label = QLabel()
        self.label.setBuddy(widget)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.touched = False  # changed by the officer since the form was filled
        self.changed.connect(self._touch)

    def _touch(self) -> None:
        self.touched = True

    def translate_ui(self) -> None:
        text = _(self.label_msgid)
        self.label.setText(f"{text} *" if self.required else text)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def show_problem(self, message: str, severity: str = "error") -> None:
        self.error.setObjectName("fieldError" if severity == "error" else "fieldWarning")
        self.error.setStyleSheet("")  # re-polish for the object name
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def clear_problem(self) -> None:
        self.error.setText("")
        self.error.hide()

    def problem(self) -> str:
        return self.error.text()


class TextField(Field):
    def __init__(self, key: str, label: str, *, required: bool = False, placeholder: str = ""):
        self.edit = QLineEdit()
        super().__init__(key, label, self.edit, required=required)
        self.placeholder = placeholder
        self.edit.textEdited.connect(lambda _t: self.changed.emit())

    def translate_ui(self) -> None:
        super().translate_ui()
        if self.placeholder:
            self.edit.setPlaceholderText(_(self.placeholder))

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def value(self) -> Any:  # the text; subclasses read a number or a year from it
        return self.edit.text().strip()


class NoteField(Field):
    def __init__(self, key: str, label: str) -> None:
        self.edit = QPlainTextEdit()
        self.edit.setFixedHeight(64)
        super().__init__(key, label, self.edit)
        self.edit.textChanged.connect(self.changed.emit)

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def value(self) -> str:
        return self.edit.toPlainText().strip()


class DateField(TextField):
    def __init__(self, key: str, label: str, *, required: bool = False) -> None:
        super().__init__(key, label, required=required, placeholder="dd/mm/yyyy")
        self.edit.setMaximumWidth(130)

    def translate_ui(self) -> None:
        Field.translate_ui(self)
        self.edit.setPlaceholderText(_("dd/mm/yyyy"))

    def set_value(self, value: Any) -> None:
        self.edit.setText(i18n.format_date(value) if isinstance(value, dt.date) else "")

    def value(self) -> dt.date | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return i18n.parse_date(text)
        except ValueError as exc:
            raise FieldError(str(exc)) from None


class NumberField(TextField):
    """Whole numbers (people, đồng): typed and shown as 1.234.567."""

    def __init__(self, key: str, label: str, *, required: bool = False, money: bool = False):
        super().__init__(key, label, required=required)
        self.money = money
        self.edit.setMaximumWidth(170 if money else 110)
        self.edit.editingFinished.connect(self._tidy)

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else i18n.format_number(value))

    def value(self) -> int | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            number = i18n.parse_number(text)
        except ValueError as exc:
            raise FieldError(str(exc)) from None
        if number != number.to_integral_value():
            raise FieldError(_("Enter a whole number, for example 1.234.567"))
        return int(number)

    def _tidy(self) -> None:
        try:
            number = self.value()
        except FieldError:
            return
        if number is not None:
            self.edit.setText(i18n.format_number(number))


class ChoiceField(Field):
    """Stored English codes shown with translated labels; optionally "not set"."""

    def __init__(
        self,
        key: str,
        label: str,
        choices: Iterable[tuple[Any, str]] | Callable[[], Iterable[tuple[Any, str]]],
        *,
        required: bool = False,
        allow_none: bool = False,
        translate: bool = True,
    ) -> None:
        self.combo = QComboBox()
        super().__init__(key, label, self.combo, required=required)
        self.choices_source = choices
        self.allow_none = allow_none
        self.translate = translate
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self._fill()

    def _choices(self) -> list[tuple[Any, str]]:
        source = self.choices_source
        return list(source() if callable(source) else source)

    def _fill(self) -> None:
        current = self.combo.currentData() if self.combo.count() else None
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.allow_none:
            self.combo.addItem("—", None)
        for code, text in self._choices():
            self.combo.addItem(_(text) if self.translate else text, code)
        self.combo.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def translate_ui(self) -> None:
        super().translate_ui()
        self._fill()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        return self.combo.currentData()


class CheckField(Field):
    def __init__(self, key: str, label: str) -> None:
        self.box = QCheckBox()
        super().__init__(key, label, self.box)
        self.box.toggled.connect(lambda _b: self.changed.emit())

    def translate_ui(self) -> None:
        self.box.setText(_(self.label_msgid))
        self.label.setText("")

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def value(self) -> bool:
        return self.box.isChecked()


class StarsField(Field):
    def __init__(self, key: str, label: str) -> None:
        self.spin = QSpinBox()
        self.spin.setRange(0, 5)
        self.spin.setMaximumWidth(80)
        super().__init__(key, label, self.spin)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())

    def translate_ui(self) -> None:
        super().translate_ui()
        self.spin.setSpecialValueText(_("none"))
        self.spin.setSuffix(" ★")

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value or 0))

    def value(self) -> int | None:
        return self.spin.value() or None


class Form(QWidget):
    """Fields in a form layout, each with its problem line below it."""

    changed = Signal()

    def __init__(self, fields: list[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {f.key: f for f in fields}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for f in fields:
            box = QWidget()
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(1)
            v.addWidget(f.widget)
            v.addWidget(f.error)
            layout.addRow(f.label, box)
            f.changed.connect(self.changed)

    def translate_ui(self) -> None:
        for f in self.fields.values():
            f.translate_ui()

    def load(self, values: dict[str, Any]) -> None:
        for key, f in self.fields.items():
            if key in values:
                f.set_value(values[key])
        for f in self.fields.values():
            f.touched = False  # filled in, not yet changed by the officer

    def read(self) -> tuple[dict[str, Any], bool]:
        """(values, ok): a field that cannot be read shows why and makes ok False."""
        out: dict[str, Any] = {}
        ok = True
        for key, f in self.fields.items():
            try:
                out[key] = f.value()
            except FieldError as exc:
                f.show_problem(str(exc))
                ok = False
        return out, ok

    def clear_problems(self) -> None:
        for f in self.fields.values():
            f.clear_problem()

    def show_problems(self, problems: Iterable[Any]) -> list[Any]:
        """Put each problem beside its field; return those no field here can show."""
        rest = []
        for p in problems:
            f = self.fields.get(p.field)
            if f is None:
                rest.append(p)
            elif not f.problem() or p.severity == "error":
                f.show_problem(p.message, p.severity)
        return rest


class YearField(TextField):
    """A year such as 1985 (no thousands separator)."""

    def __init__(self, key: str, label: str, *, required: bool = False) -> None:
        super().__init__(key, label, required=required)
        self.edit.setMaximumWidth(80)

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def value(self) -> int | None:
        text = self.edit.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise FieldError(_("Enter a year, for example 1985"))
        return int(text)


class TriStateField(ChoiceField):
    """Yes / no / not recorded."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__(key, label, [(True, "yes"), (False, "no")], allow_none=True)
