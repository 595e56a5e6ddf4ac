"""The records of a commune being split, with the unit each goes to after the split: a table
model over the plan's proposals (`services.unit_splits.plan_split`) and a drop-down of the units
to choose from (ui.unit_split_dialog shows two: divided by address, and the rest)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from coopdesk.domain.unit_changes import Part
from coopdesk.i18n import N_, _
from coopdesk.services import unit_splits
from coopdesk.services.records import kind_label

Index = QModelIndex | QPersistentModelIndex
CODE_ROLE = Qt.ItemDataRole.EditRole
COLUMNS = (N_("Record"), N_("Kind"), N_("Unit after the split"))


class SplitRecordsTableModel(QAbstractTableModel):
    """Records of the commune with the unit each goes to; "" in `chosen` is the default."""

    RECORD, KIND, PART = range(3)

    def __init__(self, *, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional  # may be left empty (the default unit)
        self.rows: list[unit_splits.Proposal] = []
        self.chosen: dict[str, str] = {}
        self.picked: dict[str, str] = {}  # chosen by hand (the rest: as the plan proposed)
        self.parts: tuple[Part, ...] = ()
        self.default_name = ""

    def set_rows(
        self,
        rows: list[unit_splits.Proposal],
        parts: tuple[Part, ...],
        default: Part,
        kept: dict[str, str],
    ) -> None:
        """The plan's rows; a unit picked by hand before (`kept`) stays while it is a part."""
        codes = {p.code for p in parts} | ({""} if self.optional else set())
        self.beginResetModel()
        self.rows, self.parts, self.default_name = rows, parts, default.name
        ids = {r.record_id for r in rows}
        self.picked = {rid: code for rid, code in kept.items() if rid in ids and code in codes}
        self.chosen = {r.record_id: self.picked.get(r.record_id, r.part or "") for r in rows}
        self.endResetModel()

    def retranslate(self) -> None:
        """The language changed: the headers and the words of the default unit follow."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            last = self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.PART else base

    def part_text(self, code: str) -> str:
        if not code:
            return _("(default unit: {name})").format(name=self.default_name)
        return next((f"{p.name} ({p.code})" for p in self.parts if p.code == code), code)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == CODE_ROLE and index.column() == self.PART:
            return self.chosen[row.record_id]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == self.RECORD:
            return row.label
        if index.column() == self.KIND:
            return kind_label(row.table)
        return self.part_text(self.chosen[row.record_id])

    def setData(self, index: Index, value: Any, role: int = CODE_ROLE) -> bool:
        codes = {p.code for p in self.parts} | ({""} if self.optional else set())
        if role != CODE_ROLE or index.column() != self.PART or value not in codes:
            return False
        record_id = self.rows[index.row()].record_id
        self.chosen[record_id] = self.picked[record_id] = value
        self.dataChanged.emit(index, index)
        return True

    def row_of(self, text: str) -> int:
        """The first row whose label starts with `text` (tests and the officer's eye)."""
        return next(n for n, r in enumerate(self.rows) if r.label.startswith(text))


class PartDelegate(QStyledItemDelegate):
    """A drop-down of the units after the split (and the default unit, where optional)."""

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, index: Index) -> Any:
        model = index.model()
        assert isinstance(model, SplitRecordsTableModel)
        combo = QComboBox(parent)
        codes = ([""] if model.optional else []) + [p.code for p in model.parts]
        for code in codes:
            combo.addItem(model.part_text(code), code)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE_ROLE)


def records_view(model: SplitRecordsTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setItemDelegateForColumn(model.PART, PartDelegate(view))
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.CurrentChanged | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(model.RECORD, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(model.KIND, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.PART, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(model.PART, 260)
    return view
