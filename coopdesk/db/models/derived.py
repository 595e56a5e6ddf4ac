"""Derived data (local to each database, never synced)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Integer,
    String,
    Text,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base


class IndicatorSummary(Base):
    """Partial indicator values of one unit (or the sum of a subtree) for one period, kept by
    `coopdesk.services.indicator_summary`; triggers (`coopdesk.db.summary_triggers`) delete
    a row as soon as a record it was computed from changes."""

    __tablename__ = "indicator_summaries"
    # "u:03408" a unit's own records; "t:12" a province with its communes; "t:*" the country;
    # "t:~" units outside today's provinces (pre-2025 units, the country itself)
    scope: Mapped[str] = mapped_column(String(16), primary_key=True)
    period: Mapped[str] = mapped_column(String(48), primary_key=True)  # start..end|years
    formula: Mapped[int] = mapped_column(Integer)  # indicator_summary.FORMULA when computed
    payload: Mapped[str] = mapped_column(Text)  # JSON: code → [numerator, denominator, parts]


@event.listens_for(Base.metadata, "after_create")
def _create_summary_triggers(_target: object, connection: Any, **_kw: Any) -> None:
    """A database made with `create_all` gets the triggers a migrated one has."""
    from sqlalchemy import text

    from coopdesk.db.summary_triggers import create_statements

    statements = create_statements()
    if connection.dialect.name == "postgresql":
        from coopdesk.db.postgres import triggers_from_sqlite

        statements = triggers_from_sqlite(statements)
    for statement in statements:
        connection.execute(text(statement))
