"""The wizard's mapping step: each column of the officer's sheet beside the field it fills,
the guess (or the mapping remembered for this layout) chosen, "— bỏ qua —" to leave a column
out; a required field no column is given to is named, so nothing is checked without it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services.excel_import import mapping as mappings
from coopdesk.services.excel_import import preview

IGNORE = ""


class ColumnsStep(QWidget):
    changed = Signal()  # the officer chose another field for a column

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.found: preview.Preview | None = None
        self.note = QLabel(_("Check the file to see its columns."))
        self.note.setWordWrap(True)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.missing.setVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [_("Column in the file"), _("First value"), _("Field in CoopDesk")]
        )
        header = self.table.horizontalHeader()
        for n, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,) * 2):
            header.setSectionResizeMode(n, mode)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)

    def fill(self, found: preview.Preview) -> None:
        """One line per column of the sheet, with the field the dry run used."""
        self.found = found
        shown = [(i, h) for i, h in enumerate(found.headers) if h.strip()]
        self.table.setRowCount(len(shown))
        first = found.sample
        for n, (index, header) in enumerate(shown):
            self.table.setItem(n, 0, QTableWidgetItem(header))
            sample = first[index] if index < len(first) and first[index] is not None else ""
            self.table.setItem(n, 1, QTableWidgetItem(str(sample)))
            self.table.setCellWidget(n, 2, self._choices(found, found.mapping.get(index)))
        self.note.setText(_NOTES[found.mapped_by]())
        self._show_missing()

    def _choices(self, found: preview.Preview, key: str | None) -> QComboBox:
        box = QComboBox()
        box.addItem(_("— skip —"), IGNORE)
        for column in found.columns:
            box.addItem(column.title() + (" *" if column.required else ""), column.key)
        box.setCurrentIndex(max(0, box.findData(key or IGNORE)))
        box.currentIndexChanged.connect(self._changed)
        return box

    def _changed(self) -> None:
        self._show_missing()
        self.changed.emit()

    def chosen(self) -> dict[str, str | None]:
        """{column header: field key} as the officer left it ("" for a column left out)."""
        out: dict[str, str | None] = {}
        for n in range(self.table.rowCount()):
            item, box = self.table.item(n, 0), self.table.cellWidget(n, 2)
            if item is not None and isinstance(box, QComboBox):
                out[item.text()] = box.currentData() or IGNORE
        return out

    def missing_fields(self) -> list[str]:
        if self.found is None:
            return []
        index = {h: i for i, h in enumerate(self.found.headers)}
        given = {index[h]: k for h, k in self.chosen().items() if k and h in index}
        return mappings.missing_required(given, self.found.columns)

    def _show_missing(self) -> None:
        missing = self.missing_fields()
        self.missing.setVisible(bool(missing))
        self.missing.setText(
            _("No column is given to {fields}: choose the column that holds it.").format(
                fields=", ".join(f"“{m}”" for m in missing)
            )
        )


_NOTES = {
    "guess": lambda: _(
        "Each column was matched to a field by its name; check them and change any that is wrong (* must be given)."
    ),
    "memory": lambda: _(
        "These columns are matched as you chose last time for a file with the same headers."
    ),
    "hand": lambda: _("These columns are matched as you chose."),
}
