"""A list's rows for one scope, filters and search, read as the GUI pages them.

`ListDefinition.query(filters, search)` gives a `ListQuery`: `count(session)` is one
`COUNT(*)`; `block(session, offset, limit, sort_key, descending)` reads the ids of one block by
offset on the indexed order (from the list index alone), then the shown columns of just those
ids (DESIGN.md §9: a million rows paint in ~40 ms); `all_rows(session, …)` reads every row in
order for an export or the command line. A row is `(id, value of each column…)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, inspect, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Unit
from coopdesk.domain.periods import Period
from coopdesk.i18n import N_, _, fold
from coopdesk.services.lists.spec import Column, Filter, ListSpec
from coopdesk.services.units import COUNTRY_CODE

Row = tuple[Any, ...]
NARROW_SEARCH = 8000  # at most this many matches: start from the search index (benchmarks/run.py)


class BadFilter(ValueError):
    """A filter a list does not have, or a value it does not take; `field` names the filter."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Scope:
    """Whose records: the unit's own, or (`subtree`, an aggregating office) those below it
    too: a province's communes', or everything the country's office holds."""

    unit_code: str
    subtree: bool = False

    def condition(self, unit_column: Any) -> ColumnElement[bool]:
        if self.subtree and self.unit_code == COUNTRY_CODE:
            return true()  # every unit is below the country (no IN list over 3,000 units)
        if self.subtree:
            units = select(Unit.code).where(
                or_(Unit.province_code == self.unit_code, Unit.code == self.unit_code)
            )
            return unit_column.in_(units)
        return unit_column == self.unit_code


def like_folded(column: Any, text: str) -> ColumnElement[bool] | None:
    """A diacritic/case-insensitive 'contains' on a stored *_folded column (never fold in SQL)."""
    folded = fold(text)
    if not folded:
        return None
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def unit_name_column(unit_code: Any) -> Column:
    name = select(Unit.name).where(Unit.code == unit_code).scalar_subquery()
    return Column("unit", N_("Commune"), name, order=unit_code, width=180)


def ordered(expr: Any, descending: bool, dialect: str) -> Any:
    """`expr` in an ORDER BY, an empty value (NULL) first ascending and last descending on
    every engine, as SQLite puts it (PostgreSQL puts NULL last ascending unless told)."""
    if dialect == "sqlite":  # said as it is, so that SQLite walks its indexes for the order
        return expr.desc() if descending else expr.asc()
    return expr.desc().nulls_last() if descending else expr.asc().nulls_first()


@dataclass(frozen=True)
class SearchPlans:
    """The ways of reading a search an index serves: `ids`, the first matches' ids from the
    index alone (at most NARROW_SEARCH + 1); `among(ids)`, the rows among those ids (few
    matched: read from the index first); `driven`, the rows walked from the index's matches
    (many matched: a first count stops at its cap)."""

    ids: Any
    among: Callable[[list[Any]], Select[Any]]
    driven: Select[Any] | None = None


@dataclass(frozen=True)
class ListQuery:
    spec: ListSpec
    columns: tuple[Column, ...]
    filtered: Select[Any]  # select(id) with the scope, filters and search applied
    search: SearchPlans | None = None
    _plan: dict[str, Select[Any] | bool] = field(default_factory=dict, compare=False, repr=False)

    def rows(self, session: Session) -> Select[Any]:
        """`filtered`, or the rows among the index's matches when it matches few (decided
        once, from the index alone: the one reading of the index a narrow search needs)."""
        if self.search is None:
            return self.filtered
        if "rows" not in self._plan:
            ids = [r[0] for r in session.connection().execute(self.search.ids)]
            narrow = len(ids) <= NARROW_SEARCH
            self._plan["narrow"] = narrow
            self._plan["rows"] = self.search.among(ids) if narrow else self.filtered
        rows = self._plan["rows"]
        assert not isinstance(rows, bool)
        return rows

    def _first_count_rows(self, session: Session) -> Select[Any]:
        rows = self.rows(session)
        if self.search is not None and self.search.driven is not None and not self._plan["narrow"]:
            return self.search.driven
        return rows

    @property
    def id_expr(self) -> Any:
        return self.spec.id_expr

    def count(self, session: Session) -> int:
        ids = self.rows(session).with_only_columns(self.id_expr).order_by(None).subquery()
        statement = select(func.count()).select_from(ids)
        return int(session.connection().execute(statement).scalar_one())

    def contains(self, session: Session, record_id: str) -> bool:
        """Is the record among the rows (e.g. one just saved, under the filters in force)?"""
        statement = self.rows(session).with_only_columns(self.id_expr)
        statement = statement.where(self.id_expr == record_id)
        return session.connection().execute(statement.limit(1)).first() is not None

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    def count_upto(self, session: Session, cap: int) -> int:
        """The number of rows, counting no further than `cap` (a first figure that costs at
        most `cap` index entries, however long the list)."""
        rows = self._first_count_rows(session).with_only_columns(self.id_expr).order_by(None)
        statement = select(func.count()).select_from(rows.limit(cap).subquery())
        return int(session.connection().execute(statement).scalar_one())

    def order_terms(self, sort_key: str | None, descending: bool) -> list[tuple[Any, bool]]:
        """(expression, descending) of the rows' order; the id last, ascending, breaks ties."""
        col = self.column(sort_key) if sort_key else self.columns[0]
        return [(o, descending) for o in col.orders()] + [(self.id_expr, False)]

    def _orders(self, session: Session, sort_key: str | None, descending: bool) -> list[Any]:
        terms = self.order_terms(sort_key, descending)
        dialect = session.get_bind().dialect.name
        return [ordered(e, d, dialect) for e, d in terms[:-1]] + [self.id_expr]

    def sortable(self, session: Session, sort_key: str | None) -> Select[Any]:
        """The filtered rows, with the shown-only joins when the order needs their tables."""
        col = self.column(sort_key) if sort_key else self.columns[0]
        joined = {inspect(table).local_table for table, _on in self.spec.shown_joins}
        rows = self.rows(session)
        if any(getattr(o, "table", None) in joined for o in col.orders()):
            return self.spec.with_shown(rows)
        return rows

    def _exprs(self) -> list[Any]:
        return [self.id_expr, *(c.expr for c in self.columns)]

    def block(
        self,
        session: Session,
        offset: int,
        limit: int,
        sort_key: str | None = None,
        descending: bool = False,
    ) -> list[Row]:
        """Rows `offset … offset+limit` in order: first their ids (from the list index alone),
        then the shown columns of just those ids, so skipped rows never touch the table."""
        conn = session.connection()
        ids_query = (
            self.sortable(session, sort_key)
            .with_only_columns(self.id_expr)
            .order_by(*self._orders(session, sort_key, descending))
            .offset(offset)
            .limit(limit)
        )
        return self.rows_of(session, [r[0] for r in conn.execute(ids_query)])

    def rows_of(self, session: Session, ids: Sequence[Any]) -> list[Row]:
        """The shown columns of the rows with these ids, in the order of `ids`."""
        if not ids:
            return []
        # the same tables, none of the filters: the ids already passed them, and a filter
        # here could steer SQLite away from the primary key
        froms = self.filtered.get_final_froms()
        query = self.spec.with_shown(select(*self._exprs()).select_from(*froms))
        conn = session.connection()
        found = {r[0]: tuple(r) for r in conn.execute(query.where(self.id_expr.in_(ids)))}
        return [found[i] for i in ids if i in found]

    def all_rows(
        self, session: Session, sort_key: str | None = None, descending: bool = False
    ) -> list[Row]:
        query = self.spec.with_shown(self.rows(session).with_only_columns(*self._exprs()))
        query = query.order_by(*self._orders(session, sort_key, descending))
        return [tuple(r) for r in session.connection().execute(query)]


@dataclass(frozen=True)
class ListDefinition:
    """One kind of list for one scope: what the GUI page and `coopdesk list` show."""

    kind: str
    scope: Scope
    spec: ListSpec
    columns: tuple[Column, ...]  # the spec's, and whose unit for a province office

    def filter(self, name: str) -> Filter:
        for flt in self.spec.filters:
            if flt.name == name:
                return flt
        raise BadFilter(name, _("This filter does not apply to this list."))

    def query(
        self,
        filters: Mapping[str, Any] | None = None,
        search: str = "",
        period: Period | None = None,
    ) -> ListQuery:
        """The rows passing `filters` (name → value; None or False: not applied) in `period`
        (None: today) and containing `search` (diacritics and case ignored). BadFilter names a
        wrong one."""
        where = [self.scope.condition(self.spec.unit())]
        for name, value in (filters or {}).items():
            flt = self.filter(name)
            if value is None or (flt.kind == "flag" and value is False):
                continue
            where.append(flt.condition(check_value(flt, value), period))
        matches = self._search(search)
        if not matches:
            return ListQuery(self.spec, self.columns, self.spec.base.where(*where))
        filtered = self.spec.base.where(*where, or_(*matches))
        return ListQuery(self.spec, self.columns, filtered, self._search_plans(search, where))

    def _search_plans(self, text: str, where: list[Any]) -> SearchPlans | None:
        spec, folded = self.spec, fold(text)
        if spec.search_ids is None or spec.search_among is None or spec.base_from_search is None:
            return None
        among, base = spec.search_among, spec.base_from_search
        joined = spec.search_join(folded) if spec.search_join is not None else None
        driven = None if joined is None else spec.base.join(*joined).where(*where)
        return SearchPlans(
            spec.search_ids(folded, NARROW_SEARCH + 1),
            lambda ids: base.where(*where, among(ids)),
            driven,
        )

    def _search(self, text: str) -> list[ColumnElement[bool]]:
        if self.spec.search_index is not None:  # whole-word prefixes, from the search index
            found = self.spec.search_index(fold(text))
            return [] if found is None else [found]
        columns: Sequence[Any] = self.spec.search
        if any(ch.isdigit() for ch in text):
            columns = [*columns, *self.spec.number_search]
        matches = (like_folded(col, text) for col in columns)
        return [c for c in matches if c is not None]


def check_value(flt: Filter, value: Any) -> Any:
    """The value if `flt` takes it, else BadFilter with what it takes."""
    if flt.kind == "year":
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
            raise BadFilter(
                flt.name, _("“{year}” is not a year; write it as 2025.").format(year=value)
            )
        return value
    if flt.kind in ("flag", "yes_no"):
        return bool(value)
    if value not in flt.codes():
        allowed = ", ".join(str(c) for c in flt.codes())
        raise BadFilter(
            flt.name, _("“{value}” is not one of: {allowed}.").format(value=value, allowed=allowed)
        )
    return value
