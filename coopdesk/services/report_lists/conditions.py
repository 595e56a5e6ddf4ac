"""The SQL pieces every printed list uses: the unit's subtree, the search, the year, and the
unit names and id chunks the rows are built with."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from coopdesk.db.models import Unit
from coopdesk.i18n import fold
from coopdesk.services import list_filters as Q
from coopdesk.services.indicators.scope import resolve_scope


def leaves_of(session: Session, unit_code: str) -> list[str] | None:
    return resolve_scope(session, unit_code).leaves


def within(column: Any, leaves: list[str] | None) -> Any:
    return column.in_(leaves) if leaves is not None else column.is_not(None)


def search(column: Any, text: str) -> Any:
    folded = fold(text)
    return column.contains(folded, autoescape=True) if folded else column.is_not(None)


def in_year(column: Any, year: int | None) -> Any:
    """Within the year, when one is given (a record whose date is unknown passes no year, and
    every list when none is given)."""
    return Q.year_between(column, year) if year else true()


def unit_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Unit.code, Unit.name)).all())


def chunks(ids: list[str], size: int = 900) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]
