"""Writing many rows of one table at once: one DBAPI executemany of rows converted here.

SQLAlchemy's Core executemany prepares every row's parameters in Python (several conversions and
dictionaries a row); a bundle of 50,000 records writes 100,000 rows (the records and their
audit events). Here the statement is compiled once per table and set of columns, each column's
bind conversion (on SQLite: dates to text, decimals to float) is looked up once, and the rows
go to the driver as tuples or dicts in the dialect's own parameter style. A column left out
gets its scalar default, as Core would give it; a column whose default is computed must be given.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

Convert = Callable[[Any], Any] | None


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys) into `table` in the session's transaction."""
    if not rows:
        return
    connection = session.connection()
    plan = _plan(table, tuple(rows[0]), connection.dialect)
    params: list[Any] = [plan.bind(row) for row in rows]
    connection.exec_driver_sql(plan.sql, params)


class _Plan:
    def __init__(self, table: Table, keys: tuple[str, ...], dialect: Dialect) -> None:
        defaults = _defaults(table, keys)
        compiled = insert(table).compile(dialect=dialect, column_keys=[*keys, *defaults])
        self.sql = compiled.string
        self.defaults = defaults
        self.positional = compiled.positiontup  # None for named styles (psycopg's %(name)s)
        names = list(self.positional or compiled.binds)
        self.converts: list[tuple[str, Convert]] = [
            (name, table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in names
        ]

    def bind(self, row: dict[str, Any]) -> Any:
        if self.defaults:
            row = {**self.defaults, **row}
        values = [
            row[name] if convert is None or row[name] is None else convert(row[name])
            for name, convert in self.converts
        ]
        if self.positional is not None:
            return tuple(values)
        return dict(zip((name for name, _ in self.converts), values, strict=True))


@functools.lru_cache(maxsize=256)
def _plan(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Plan:
    return _Plan(table, keys, dialect)


def _defaults(table: Table, keys: tuple[str, ...]) -> dict[str, Any]:
    """The scalar defaults of the columns not in `keys`; ValueError for a computed one."""
    out: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.name in keys or default is None:
            continue
        if not getattr(default, "is_scalar", False):
            raise ValueError(f"{table.name}.{column.name}: a computed default must be given")
        out[column.name] = default.arg  # type: ignore[attr-defined]
    return out
