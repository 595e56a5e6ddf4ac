"""Every list the app shows, below the GUI: its columns, scope, named filters and search.

    definition = lists.definition(session, "cooperatives", Scope("03408"))
    query = definition.query({"women_managed": True}, search="nguyen thi")
    query.count(session); query.block(session, 0, 200, "name", False); query.all_rows(session)

One module per kind of list (`cooperatives`, `people`, …) says what the list is (`spec`);
`query` reads it the way the GUI pages it. The GUI's list pages, the `.xlsx` export and
`coopdesk list KIND` all go through these, so they show the same rows.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.domain.periods import Period
from coopdesk.services.lists.query import (
    BadFilter,
    ListDefinition,
    ListQuery,
    Row,
    Scope,
    like_folded,
    unit_name_column,
)
from coopdesk.services.lists.spec import Column, Filter, ListSpec, Names, label_text
from coopdesk.services.registry import KINDS

__all__ = [
    "KINDS",
    "BadFilter",
    "Column",
    "Filter",
    "ListDefinition",
    "ListQuery",
    "ListSpec",
    "Names",
    "Row",
    "Scope",
    "UnknownList",
    "definition",
    "label_text",
    "like_folded",
    "query",
]


class UnknownList(ValueError):
    """A kind of list that does not exist."""


def definition(session: Session, kind: str, scope: Scope) -> ListDefinition:
    """The list of `kind` for `scope`; a province office's lists also say whose each record is."""
    if kind not in KINDS:
        raise UnknownList(kind)
    spec: ListSpec = importlib.import_module(f"coopdesk.services.lists.{kind}").spec(session)
    columns = spec.columns
    if scope.subtree:
        columns = (*columns, unit_name_column(spec.unit()))
    return ListDefinition(kind, scope, spec, columns)


def query(
    session: Session,
    kind: str,
    scope: Scope,
    filters: Mapping[str, Any] | None = None,
    search: str = "",
    period: Period | None = None,
) -> ListQuery:
    """The rows of the list of `kind` for `scope` passing `filters` (judged in `period`;
    None: today) and `search`."""
    return definition(session, kind, scope).query(filters, search, period)
