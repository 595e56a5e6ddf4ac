"""Table models that read only the rows on screen.

`PagedQueryTableModel` shows a `ListQuery` of `coopdesk.services.lists` (one row per record,
ordered by an indexed expression) without loading it: the page counts its rows off the GUI
thread and hands the count over with the query; `data()` reads the block of `BLOCK` rows
around the asked row through `ctx.read(query.block, …)` (DESIGN.md §9; tests/ui/bench_paged_lists.py
measures it over a million rows). A few blocks are kept; a reset drops them.

Columns are the list's `Column`s with named keys; pages refer to them by key, never by number.
The sort role (`SORT_ROLE`) returns native values; text sorts by the stored collation keys so
Vietnamese order holds (people by given name, then family and middle names).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coopdesk.i18n import _
from coopdesk.services.lists import Column, ListQuery, Row

if TYPE_CHECKING:
    from coopdesk.ui.context import AppContext

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCK = 200
KEPT_BLOCKS = 12
Index = QModelIndex | QPersistentModelIndex
ALIGN = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight}


class PagedQueryTableModel(QAbstractTableModel):
    """Rows of a `ListQuery` (the id first, then each column's value), read block by block."""

    def __init__(self, ctx: AppContext, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.columns = list(columns)
        self._query: ListQuery | None = None
        self._count = 0
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()
        self._sort_key = self.columns[0].key
        self._sort_desc = False

    # --- what to show --------------------------------------------------------------------

    def column_index(self, key: str) -> int:
        for n, col in enumerate(self.columns):
            if col.key == key:
                return n
        raise KeyError(key)

    def set_query(self, query: ListQuery, count: int) -> None:
        """Show `query`, whose rows were counted already (off the GUI thread)."""
        self.beginResetModel()
        self._query = query
        self._blocks.clear()
        self._count = count
        self.endResetModel()

    def shown_query(self) -> ListQuery | None:
        return self._query

    def sort_order(self) -> tuple[str, bool]:
        """The key of the column the rows are sorted by, and whether descending."""
        return self._sort_key, self._sort_desc

    def _block(self, number: int) -> list[Row]:
        rows = self._blocks.get(number)
        if rows is not None:
            self._blocks.move_to_end(number)
            return rows
        if self._query is None:
            return []
        rows = self.ctx.read(
            self._query.block, number * BLOCK, BLOCK, self._sort_key, self._sort_desc
        )
        self._blocks[number] = rows
        while len(self._blocks) > KEPT_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    def raw_row(self, row: int) -> Row | None:
        rows = self._block(row // BLOCK)
        offset = row % BLOCK
        return rows[offset] if offset < len(rows) else None

    def row_id(self, row: int) -> str | None:
        raw = self.raw_row(row)
        return None if raw is None else raw[0]

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            raw = self.raw_row(index.row())
            return None if raw is None else col.fmt(raw[1 + index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            raw = self.raw_row(index.row())
            text = "" if raw is None else col.fmt(raw[1 + index.column()])
            return text if len(text) > 24 else None
        if role == SORT_ROLE:
            raw = self.raw_row(index.row())
            return None if raw is None else raw[1 + index.column()]
        if role == ID_ROLE:
            return self.row_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(ALIGN[col.align] | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(ALIGN[self.columns[section].align] | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.columns)) or not self.columns[column].sortable:
            return
        self.beginResetModel()
        self._sort_key = self.columns[column].key
        self._sort_desc = order == Qt.SortOrder.DescendingOrder
        self._blocks.clear()
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1)
            )
