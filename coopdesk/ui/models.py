"""Table models that read only the rows on screen, never on the GUI thread.

`PagedQueryTableModel` shows a `ListQuery` of `coopdesk.services.lists` (one row per record,
ordered by an indexed expression) without loading it. The page hands it the query with a first
count (exact, or capped and followed by the exact one: `set_count`). A block of `BLOCK` rows is
read off the GUI thread by `ctx.read_later(services.lists.paging.page, …)` when a row of it is
first asked for: by the key of the block above or below when one is held (scrolling), else from
the nearer end of the list (a jump to the end); until it arrives its cells are empty and the
window goes on answering. A few blocks are kept; a new query or order drops them.

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
from coopdesk.services.lists.paging import Page, page

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
        self._exact = True  # the count is the exact number of rows (not a first, capped one)
        self._blocks: OrderedDict[int, Page] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # blocks read for an older query or order are dropped
        self._sort_key = self.columns[0].key
        self._sort_desc = False

    # --- what to show --------------------------------------------------------------------

    def column_index(self, key: str) -> int:
        for n, col in enumerate(self.columns):
            if col.key == key:
                return n
        raise KeyError(key)

    def set_query(self, query: ListQuery, count: int, exact: bool = True) -> None:
        """Show `query`, whose rows were counted already (off the GUI thread); a count not
        `exact` is replaced by `set_count` when the exact one arrives."""
        self.beginResetModel()
        self._query = query
        self._forget()
        self._count = count
        self._exact = exact
        self.endResetModel()

    def set_count(self, count: int) -> None:
        """The exact number of rows of the query shown: rows are added or removed at the end."""
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
        self._exact = True

    def count_is_exact(self) -> bool:
        return self._exact

    def shown_query(self) -> ListQuery | None:
        return self._query

    def sort_order(self) -> tuple[str, bool]:
        """The key of the column the rows are sorted by, and whether descending."""
        return self._sort_key, self._sort_desc

    def _forget(self) -> None:
        self._blocks.clear()
        self._pending.clear()
        self._generation += 1

    def _block(self, number: int) -> list[Row]:
        """The rows of block `number` if held; else they are asked for (and [] meanwhile)."""
        held = self._blocks.get(number)
        if held is None and self._query is not None and number not in self._pending:
            self._request(number)
            held = self._blocks.get(number)  # an inline task runner has answered already
        if held is None:
            return []
        self._blocks.move_to_end(number)
        return held.rows

    def _request(self, number: int) -> None:
        query, start = self._query, number * BLOCK
        if query is None:
            return
        sort_key, descending = self._sort_key, self._sort_desc
        above, below = self._blocks.get(number - 1), self._blocks.get(number + 1)
        anchor: dict[str, Any] = {}
        if above is not None and above.last_key is not None:
            anchor["after"] = above.last_key
        elif below is not None and below.first_key is not None:
            anchor["before"] = below.first_key
        elif self._exact:
            anchor["total"] = self._count
        generation = self._generation
        self._pending.add(number)

        def read(session: Any) -> Page:
            return page(session, query, start, BLOCK, sort_key, descending, **anchor)

        self.ctx.read_later(
            read,
            on_done=lambda got: self._arrived(generation, number, got),
            on_error=lambda *_a: self._pending.discard(number),
        )

    def _arrived(self, generation: int, number: int, got: Page) -> None:
        if generation != self._generation:
            return  # read for a query or an order no longer shown
        self._pending.discard(number)
        self._blocks[number] = got
        while len(self._blocks) > KEPT_BLOCKS:
            self._blocks.popitem(last=False)
        first, last = number * BLOCK, min(self._count, (number + 1) * BLOCK) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

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
        self._forget()
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1)
            )
