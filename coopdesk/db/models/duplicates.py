"""Possible duplicates: pairs an officer said are not the same, merges of two records, and the
indexes that find a record's duplicate keys (`coopdesk.domain.duplicates`) at national size.

Both tables are synced, so a province that receives a commune's bundle neither flags a pair
again nor loses the record of a merge (which can be undone there too).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text, case, func, literal
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import Grouping

from coopdesk.db.models.base import Base, Synced
from coopdesk.db.models.registry import Cooperative, Person
from coopdesk.domain.duplicates import MST_SEPARATORS, PHONE_SEPARATORS


def _text(value: str) -> Any:
    """A constant written into the SQL, not bound: SQLite uses an index on an expression only
    for the very same expression, and a bound parameter is not the index's constant."""
    return literal(value, String, literal_execute=True)


def _int(value: int) -> Any:
    return literal(value, Integer, literal_execute=True)


def _without(column: Any, separators: tuple[str, ...]) -> Any:
    for sep in separators:
        column = func.replace(column, _text(sep), _text(""))
    return column


def phone_digits_sql(phone: Any) -> Any:
    """SQL for `domain.duplicates.phone_digits` of a stored (normalised) phone, before its
    length and digits are checked: a stored number equal to a valid key is a valid one."""
    bare = _without(phone, PHONE_SEPARATORS)
    return case(
        (
            func.substr(bare, _int(1), _int(3)) == _text("+84"),
            _text("0") + func.substr(bare, _int(4)),
        ),
        else_=bare,
    )


def tax_code_sql(number: Any) -> Any:
    """SQL for `domain.duplicates.tax_code` of a stored (normalised) registration number."""
    return func.upper(_without(number, MST_SEPARATORS))


class DuplicateDismissal(Synced, Base):
    """Two records an officer said are not the same ("Không phải trùng"), never flagged again.
    The pair is kept in order (first_id < second_id), so its natural id is the same anywhere;
    a pair is stored once, and found from either of its ids."""

    __tablename__ = "duplicate_dismissals"
    __table_args__ = (
        Index("uq_duplicate_dismissals_pair", "first_id", "second_id", "kind", unique=True),
    )
    kind: Mapped[str] = mapped_column(String(20))  # people | cooperatives
    first_id: Mapped[str] = mapped_column(String(36))
    second_id: Mapped[str] = mapped_column(String(36), index=True)


class DuplicateMerge(Synced, Base):
    """Two records merged into one: the one kept, the one tombstoned, exactly what was moved
    (JSON, `coopdesk.domain.merges`) and the kept record's values replaced by the other's
    (`kept_before`), so that undoing the merge restores both and nothing else."""

    __tablename__ = "duplicate_merges"
    __table_args__ = (Index("ix_duplicate_merges_merged", "merged_id", "kind"),)
    kind: Mapped[str] = mapped_column(String(20))  # people | cooperatives
    kept_id: Mapped[str] = mapped_column(String(36), index=True)
    merged_id: Mapped[str] = mapped_column(String(36))
    merged_label: Mapped[str] = mapped_column(String(300), default="")
    moved: Mapped[str] = mapped_column(Text, default="[]")
    kept_before: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


# The duplicate keys' lookups (services.duplicates), each from an index.
_people, _cooperatives = Person.__table__.c, Cooperative.__table__.c
Index("ix_people_duplicate_name", _people.name_folded, _people.birth_year)
# (a CASE in parentheses: PostgreSQL takes no bare CASE as an index's column)
Index("ix_people_duplicate_phone", Grouping(phone_digits_sql(_people.phone)))
Index("ix_cooperatives_duplicate_mst", tax_code_sql(_cooperatives.registration_no))
