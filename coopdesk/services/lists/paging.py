"""Pages of a list read by the last key seen (keyset), so a page anywhere costs what the first
page costs: no OFFSET walks the rows before it.

`page(session, query, start, limit, …)` reads rows `start … start+limit` of `query` in order.
With `after` (the key of the row just before `start`: the last key of the page above) or
`before` (the key of the row just after the page: the first key of the page below), it seeks
the index to that key; with `total` (the exact number of rows) and neither, a page in the
second half is read backwards from the end, so the end of a million rows is as quick as the
start. A key is the row's order values and its id (`Page.first_key`, `Page.last_key`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, false, or_, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.services.lists.query import ListQuery, Row, ordered

Key = tuple[Any, ...]
Terms = list[tuple[Any, bool]]  # (expression, descending)


@dataclass(frozen=True)
class Page:
    start: int
    rows: list[Row]
    first_key: Key | None
    last_key: Key | None


def _beyond(expr: Any, value: Any, descending: bool) -> ColumnElement[bool]:
    """`expr` comes after `value` in this direction (SQLite puts NULL first ascending)."""
    if descending:
        return false() if value is None else or_(expr < value, expr.is_(None))
    return expr.is_not(None) if value is None else expr > value


def _same(expr: Any, value: Any) -> ColumnElement[bool]:
    return expr.is_(None) if value is None else expr == value


def after_key(terms: Terms, key: Key) -> ColumnElement[bool]:
    """The rows after `key` in the order `terms`."""
    if None not in key and not any(d for _e, d in terms):
        return tuple_(*(e for e, _d in terms)) > tuple_(*key)  # one index seek
    parts = []
    for n, (expr, descending) in enumerate(terms):
        equal = [_same(e, v) for (e, _d), v in zip(terms[:n], key[:n], strict=True)]
        parts.append(and_(*equal, _beyond(expr, key[n], descending)))
    return or_(*parts)


def page(
    session: Session,
    query: ListQuery,
    start: int,
    limit: int,
    sort_key: str | None = None,
    descending: bool = False,
    *,
    after: Key | None = None,
    before: Key | None = None,
    total: int | None = None,
) -> Page:
    """Rows `start … start+limit` (see the module's docstring for `after`, `before`, `total`)."""
    terms = query.order_terms(sort_key, descending)
    from_end = after is None and before is None and total is not None and start > total // 2
    backwards = before is not None or from_end
    order = [(e, d != backwards) for e, d in terms]
    statement = query.sortable(session, sort_key).with_only_columns(*(e for e, _d in terms))
    offset = start
    if after is not None:
        statement, offset = statement.where(after_key(order, after)), 0
    elif before is not None:
        statement, offset = statement.where(after_key(order, before)), 0
    elif from_end and total is not None:
        offset, limit = max(0, total - start - limit), max(0, min(limit, total - start))
    dialect = session.get_bind().dialect.name
    statement = statement.order_by(*(ordered(e, d, dialect) for e, d in order))
    keys = [tuple(r) for r in session.connection().execute(statement.offset(offset).limit(limit))]
    if backwards:
        keys.reverse()
    rows = query.rows_of(session, [k[-1] for k in keys])
    return Page(start, rows, keys[0] if keys else None, keys[-1] if keys else None)
