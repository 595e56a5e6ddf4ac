"""Table models over the database that read only the rows on screen.

`PagedQueryTableModel` shows a SQLAlchemy `select` (one row per record, ordered by an indexed
expression) without loading it: `rowCount()` is one `COUNT(*)`, and `data()` reads the block of
`BLOCK` rows around the asked row by `LIMIT … OFFSET` (DESIGN.md §9: ~40 ms to paint, ~10 ms to
jump to the end of a million rows). A few blocks are kept; a reset drops them.

Columns are `ListColumn`s with named keys; pages refer to them by key, never by number. The
sort role (`SORT_ROLE`) returns native values; text sorts by the stored collation keys so
Vietnamese order holds (people by given name, then family and middle names).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy import Engine, Select, func, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.i18n import _

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCK = 200
KEPT_BLOCKS = 12
Index = QModelIndex | QPersistentModelIndex


@dataclass
class ListColumn:
    key: str
    title: str  # N_() msgid
    expr: Any  # a SQLAlchemy column expression selected for this column
    order: Any = None  # indexed expression to ORDER BY (default: expr)
    fmt: Callable[[Any], str] = field(default=lambda v: "" if v is None else str(v))
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    width: int = 120
    sortable: bool = True
    hidden: bool = False


def right(col: ListColumn) -> ListColumn:
    col.align = Qt.AlignmentFlag.AlignRight
    return col


class PagedQueryTableModel(QAbstractTableModel):
    """Rows of `query` (with `id_expr` first), read block by block from the database."""

    def __init__(
        self,
        engine: Engine,
        columns: Sequence[ListColumn],
        id_expr: Any,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.columns = list(columns)
        self.id_expr = id_expr
        self._base: Select[Any] | None = None
        self._where: list[ColumnElement[bool]] = []
        self._count = 0
        self._blocks: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self._sort_key = self.columns[0].key
        self._sort_desc = False

    # --- what to show --------------------------------------------------------------------

    def column_index(self, key: str) -> int:
        for n, col in enumerate(self.columns):
            if col.key == key:
                return n
        raise KeyError(key)

    def set_query(
        self, base: Select[Any], where: Sequence[ColumnElement[bool]] = (), count: int | None = None
    ) -> None:
        """`base` selects from the tables (joins included); `where` are the active filters;
        `count` the number of rows if it was counted already (off the GUI thread)."""
        self.beginResetModel()
        self._base = base
        self._where = list(where)
        self._blocks.clear()
        self._count = self._read_count() if count is None else count
        self.endResetModel()

    def counter(self, base: Select[Any], where: Sequence[ColumnElement[bool]] = ()) -> Any:
        """A function (safe on a worker thread) counting the rows `set_query` would show."""
        query = base
        for cond in where:
            query = query.where(cond)
        ids = query.with_only_columns(self.id_expr).order_by(None).subquery()
        statement = select(func.count()).select_from(ids)
        engine = self.engine

        def count() -> int:
            with engine.connect() as conn:
                return int(conn.execute(statement).scalar_one())

        return count

    def reload(self) -> None:
        if self._base is not None:
            self.set_query(self._base, self._where)

    def _filtered(self) -> Select[Any]:
        assert self._base is not None
        query = self._base
        for cond in self._where:
            query = query.where(cond)
        return query

    def _read_count(self) -> int:
        return 0 if self._base is None else int(self.counter(self._base, self._where)())

    def _orders(self) -> list[Any]:
        col = self.columns[self.column_index(self._sort_key)]
        order = col.order if col.order is not None else col.expr
        orders = order if isinstance(order, (list, tuple)) else [order]
        return [o.desc() if self._sort_desc else o.asc() for o in orders] + [self.id_expr]

    def _ordered(self) -> Select[Any]:
        exprs = [self.id_expr, *(c.expr for c in self.columns)]
        return self._filtered().with_only_columns(*exprs).order_by(*self._orders())

    def _block(self, number: int) -> list[tuple[Any, ...]]:
        """Rows `number*BLOCK …`: first their ids by offset (from the list index alone), then
        the shown columns of just those ids, so skipped rows never touch the table."""
        rows = self._blocks.get(number)
        if rows is not None:
            self._blocks.move_to_end(number)
            return rows
        ids_query = (
            self._filtered()
            .with_only_columns(self.id_expr)
            .order_by(*self._orders())
            .offset(number * BLOCK)
            .limit(BLOCK)
        )
        exprs = [self.id_expr, *(c.expr for c in self.columns)]
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(ids_query)]
            found = {}
            if ids:
                # the same tables, none of the filters: the ids already passed them, and a
                # filter here could steer SQLite away from the primary key
                froms = self._filtered().get_final_froms()
                query = select(*exprs).select_from(*froms).where(self.id_expr.in_(ids))
                found = {r[0]: tuple(r) for r in conn.execute(query)}
        rows = [found[i] for i in ids if i in found]
        self._blocks[number] = rows
        while len(self._blocks) > KEPT_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    def raw_row(self, row: int) -> tuple[Any, ...] | None:
        rows = self._block(row // BLOCK)
        offset = row % BLOCK
        return rows[offset] if offset < len(rows) else None

    def row_id(self, row: int) -> str | None:
        raw = self.raw_row(row)
        return None if raw is None else raw[0]

    def value(self, row: int, key: str) -> Any:
        raw = self.raw_row(row)
        return None if raw is None else raw[1 + self.column_index(key)]

    def rows_reader(self) -> Callable[[], list[list[str]]]:
        """A function (safe to run on a worker thread) returning every row of the current
        filter and order as shown, header first: what "export the visible rows" writes."""
        query = self._ordered()
        columns = list(self.columns)
        header = [_(c.title) for c in columns if not c.hidden]
        engine = self.engine

        def read() -> list[list[str]]:
            out = [header]
            with engine.connect() as conn:
                for raw in conn.execute(query):
                    out.append(
                        [c.fmt(v) for c, v in zip(columns, raw[1:], strict=True) if not c.hidden]
                    )
            return out

        return read

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
            return int(col.align | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return _(self.columns[section].title)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self.columns[section].align | Qt.AlignmentFlag.AlignVCenter)
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

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        order = Qt.SortOrder.DescendingOrder if self._sort_desc else Qt.SortOrder.AscendingOrder
        return self.column_index(self._sort_key), order

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._count:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1)
            )


def like_folded(column: Any, text: str) -> ColumnElement[bool] | None:
    """A diacritic/case-insensitive 'contains' on a stored *_folded column (never fold in SQL)."""
    from coopdesk.i18n import fold

    folded = fold(text)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")
