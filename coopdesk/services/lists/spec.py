"""What a list is made of, without Qt: its columns, its named filters, its searched columns.

A `Column` names a value the list shows (`key`), its header (`title`, an N_() msgid), the SQL
expression that selects it, the indexed expression it sorts by, and how the value is shown
(`fmt`, a plain function: the GUI, the export and the command line format alike). A `Filter`
turns a named value (`{"women_managed": True}`, `{"year": 2025}`) into a SQL condition; the GUI's
widgets and the command line's flags pass the same names and values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from coopdesk.domain.periods import Period
from coopdesk.i18n import _, current_language

if TYPE_CHECKING:
    from sqlalchemy import Select
    from sqlalchemy.sql.elements import ColumnElement

Align = Literal["left", "right"]
# choice: one code of `choices`; flag: True applies it; yes_no: True or False (its negation);
# year: a year such as 2025
FilterKind = Literal["choice", "flag", "yes_no", "year"]


def show_text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Names:
    """A label that is data, not a msgid (a sector's name): Vietnamese and English."""

    vi: str
    en: str


Label = str | Names  # an N_() msgid, or names read from the database


def label_text(label: Label) -> str:
    """The label in the current language."""
    if isinstance(label, Names):
        return label.en if current_language() == "en" and label.en else label.vi
    return _(label)


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # N_() msgid
    expr: Any  # the SQL expression selected for this column
    order: Any = None  # indexed expression(s) to ORDER BY (default: expr)
    fmt: Callable[[Any], str] = show_text
    align: Align = "left"
    width: int = 120  # pixels the GUI starts with
    sortable: bool = True
    hidden: bool = False  # sensitive: shown only when asked for

    def orders(self) -> list[Any]:
        order = self.expr if self.order is None else self.order
        return list(order) if isinstance(order, (list, tuple)) else [order]


@dataclass(frozen=True)
class Filter:
    name: str  # the GUI's filter and the command line's flag (--women-managed)
    kind: FilterKind
    # (the value given, the period the list is asked for or None for today) → SQL condition
    condition: Callable[[Any, Period | None], ColumnElement[bool]]
    choices: tuple[tuple[Any, Label], ...] = ()  # choice and yes_no: (value, label)

    def codes(self) -> list[Any]:
        return [code for code, _label in self.choices]


Timed = Callable[[Period | None], "ColumnElement[bool]"]  # a rule asked for a period (None: today)


def yes_no(name: str, condition: Timed, **kw: Any) -> Filter:
    """True: the condition holds in the period; False: it does not."""
    return Filter(name, "yes_no", lambda v, p: condition(p) if v else ~condition(p), **kw)


def flag(name: str, condition: Timed, **kw: Any) -> Filter:
    """The condition holds in the period the list is asked for."""
    return Filter(name, "flag", lambda _v, p: condition(p), **kw)


def choice(
    name: str, column: Any, table: Mapping[str, Label] | Sequence[tuple[str, Label]], **kw: Any
) -> Filter:
    """The column equals one of the codes of `table` (code → label)."""
    items = tuple(table.items()) if isinstance(table, Mapping) else tuple(table)
    return Filter(name, "choice", lambda v, _p: column == v, choices=items, **kw)


def year(name: str, condition: Callable[[int], ColumnElement[bool]], **kw: Any) -> Filter:
    return Filter(name, "year", lambda v, _p: condition(v), **kw)


@dataclass(frozen=True)
class ListSpec:
    """One kind of list: its records (`base`: the tables its filters and search need, and "not
    deleted"), the id column (whose table has `unit_code`), its columns, filters and searched
    columns. `shown_joins` are outer joins (table, on) only the shown columns need: counting and
    paging by offset leave them out, so they read the list index alone."""

    id_expr: Any
    base: Select[Any]
    columns: tuple[Column, ...]
    filters: tuple[Filter, ...] = ()
    search: tuple[Any, ...] = ()  # stored folded text columns, searched as one types
    number_search: tuple[Any, ...] = ()  # searched only when digits are typed (phones…)
    # folded text typed → the rows whose words begin with its words (an index serves it);
    # when given, it replaces the "contains" search of `search` and `number_search`
    search_index: Callable[[str], ColumnElement[bool] | None] | None = None
    # when few rows match, reading them from the search index first is quicker than walking
    # the list's order: the ids of the first matches (folded text, cap) from the index alone,
    # the rows among such ids, and a base whose "not deleted" condition no index serves (so
    # SQLite starts from those ids)
    search_ids: Callable[[str, int], Any] | None = None
    search_among: Callable[[list[Any]], ColumnElement[bool]] | None = None
    base_from_search: Select[Any] | None = None
    # when many match, a first count walks the index's matches (subquery, join on the list's
    # table) and stops at its cap
    search_join: Callable[[str], tuple[Any, ColumnElement[bool]] | None] | None = None
    shown_joins: tuple[tuple[Any, Any], ...] = ()

    def unit(self) -> Any:
        return self.id_expr.table.c.unit_code

    def with_shown(self, query: Select[Any]) -> Select[Any]:
        for table, on in self.shown_joins:
            query = query.outerjoin(table, on)
        return query
