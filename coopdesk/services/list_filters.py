"""SQL conditions behind the list filters, shared by the app's lists and the printed lists
(reads only).

The classification filters (women in management, > 50 % female workers, founded under the
programme, trained) are the rules' one SQL twin, `coopdesk.services.rules`, re-exported here
for the lists; what is here alone belongs to lists only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Officer, Participation, Person, Training
from coopdesk.domain.classification import When
from coopdesk.domain.periods import Period
from coopdesk.services.rules import (
    founded_under_programme,
    majority_female_workers,
    manages,
    trained,
    women_in_management,
)

__all__ = [
    "founded_under_programme",
    "majority_female_workers",
    "manages_somewhere",
    "officer_trained",
    "participants_count",
    "trained",
    "women_in_management",
    "year_between",
]


def manages_somewhere(when: When = None) -> ColumnElement[bool]:
    """The person (of a select of Person) holds a management role in any cooperative."""
    return manages(Person.id, when)


def officer_trained(period: Period | None = None) -> ColumnElement[bool]:
    return trained(Officer.person_id, period)


def year_between(column: Any, year: int) -> ColumnElement[bool]:
    return and_(column >= dt.date(year, 1, 1), column <= dt.date(year, 12, 31))


def participants_count(training_id: Any = Training.id) -> Any:
    return (
        select(func.count(Participation.id))
        .where(Participation.training_id == training_id, Participation.deleted_at.is_(None))
        .scalar_subquery()
    )
