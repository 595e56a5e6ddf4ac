"""SQL conditions behind the list filters, shared by the app's lists and the printed lists
(reads only; the rules come from coopdesk.domain).

"Women in management" and "> 50 % female workers" are the domain's classification rules
(DOMAIN.md §2) written as SQL so a list of a whole province can be filtered in the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import (
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Person,
    Role,
    Training,
)
from coopdesk.domain.indicators import MANAGEMENT_ROLES

PROGRAMME_START = dt.date(2023, 1, 3)  # Quyết định 01/QĐ-TTg


def _management_role(coop: Any = Cooperative) -> ColumnElement[bool]:
    return or_(
        Role.role.in_(MANAGEMENT_ROLES), and_(Role.role == "group_leader", coop.kind == "THT")
    )


def women_in_management(today: dt.date | None = None) -> ColumnElement[bool]:
    today = today or dt.date.today()
    return exists(
        select(Role.id)
        .join(Person, Person.id == Role.person_id)
        .where(
            Role.cooperative_id == Cooperative.id,
            Role.deleted_at.is_(None),
            Person.gender == "F",
            _management_role(),
            or_(Role.end_on.is_(None), Role.end_on >= today),
        )
    )


def majority_female_workers(up_to_year: int | None = None) -> ColumnElement[bool]:
    """The latest year's figures (up to `up_to_year` when given) show more than half of the
    workers are women."""
    y, last = CooperativeYear, aliased(CooperativeYear)
    latest = (
        select(func.max(last.year))
        .where(
            last.cooperative_id == Cooperative.id,
            last.deleted_at.is_(None),
            last.year <= up_to_year if up_to_year else last.year.is_not(None),
        )
        .correlate(Cooperative)
        .scalar_subquery()
    )
    return exists(
        select(y.id)
        .where(
            y.cooperative_id == Cooperative.id,
            y.deleted_at.is_(None),
            y.year == latest,
            y.workers > 0,
            y.female_workers * 2 > y.workers,
        )
        .correlate(Cooperative)
    )


def founded_under_programme() -> ColumnElement[bool]:
    return and_(
        Cooperative.founded_on >= PROGRAMME_START, Cooperative.founded_with_hoi_support.is_(True)
    )


def manages_somewhere(today: dt.date | None = None) -> ColumnElement[bool]:
    today = today or dt.date.today()
    return exists(
        select(Role.id)
        .join(Cooperative, Cooperative.id == Role.cooperative_id)
        .where(
            Role.person_id == Person.id,
            Role.deleted_at.is_(None),
            _management_role(),
            or_(Role.end_on.is_(None), Role.end_on >= today),
        )
    )


def trained(person_id: Any = Person.id) -> ColumnElement[bool]:
    return exists(
        select(Participation.id)
        .join(Training, Training.id == Participation.training_id)
        .where(
            Participation.person_id == person_id,
            Participation.deleted_at.is_(None),
            Training.deleted_at.is_(None),
            Participation.completed.is_(True),
        )
    )


def officer_trained() -> ColumnElement[bool]:
    return trained(Officer.person_id)


def year_between(column: Any, year: int) -> ColumnElement[bool]:
    return and_(column >= dt.date(year, 1, 1), column <= dt.date(year, 12, 31))


def participants_count(training_id: Any = Training.id) -> Any:
    return (
        select(func.count(Participation.id))
        .where(Participation.training_id == training_id, Participation.deleted_at.is_(None))
        .scalar_subquery()
    )
