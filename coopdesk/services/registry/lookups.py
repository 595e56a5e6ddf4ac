"""The small lists editors choose from: sectors, ethnic groups, the unit's cooperatives and
people (recipients of support, an activity's cooperatives), and the person search of the pickers.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Ethnicity, Officer, Person, Role, Sector, Unit
from coopdesk.i18n import collation_key, fold

CHOICE_LIMIT = 5000  # a commune has far fewer; the lists stay quick to open


@dataclass(frozen=True)
class PersonMatch:
    """A person found by the pickers, with what tells women of the same name apart."""

    id: str
    full_name: str
    gender: str
    officer: bool  # a Hội officer
    birth_year: int | None = None
    cooperative: str = ""  # where she holds her latest role
    unit_name: str = ""  # her commune


def sectors(session: Session, language: str) -> list[tuple[str, str]]:
    """(code, name) of the sectors, by name in `language` (Vietnamese order for "vi")."""
    column = Sector.name_en if language == "en" else Sector.name_vi
    rows = [(c, n) for c, n in session.execute(select(Sector.code, column))]
    return sorted(rows, key=lambda row: collation_key(row[1]))


def ethnicities(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(select(Ethnicity.code, Ethnicity.name).order_by(Ethnicity.code))
    return [(c, n) for c, n in rows]


def cooperatives(session: Session, unit_code: str) -> list[tuple[str, str, str]]:
    """(id, name, folded name) of the unit's cooperatives and groups, in Vietnamese order."""
    rows = session.execute(
        select(Cooperative.id, Cooperative.name, Cooperative.name_folded)
        .where(Cooperative.deleted_at.is_(None), Cooperative.unit_code == unit_code)
        .order_by(Cooperative.sort_key)
        .limit(CHOICE_LIMIT)
    )
    return [(i, n, f or fold(n)) for i, n, f in rows]


def cooperative_choices(session: Session, unit_code: str) -> list[tuple[str, str]]:
    return [(i, n) for i, n, _f in cooperatives(session, unit_code)]


def people_choices(session: Session, unit_code: str) -> list[tuple[str, str]]:
    """(id, full name) of the unit's people (not erased), in Vietnamese order."""
    rows = session.execute(
        select(Person.id, Person.full_name)
        .where(
            Person.deleted_at.is_(None),
            Person.redacted.is_(False),
            Person.unit_code == unit_code,
        )
        .order_by(Person.sort_key)
        .limit(CHOICE_LIMIT)
    )
    return [(i, n) for i, n in rows]


def search_people(
    session: Session, unit_code: str, text: str, limit: int = 30
) -> list[PersonMatch]:
    """The unit's people whose name contains `text` (diacritics and case ignored), each with
    her year of birth, the cooperative of her latest role and her commune."""
    officer = (
        select(Officer.id)
        .where(Officer.person_id == Person.id, Officer.deleted_at.is_(None))
        .exists()
    )
    cooperative = (
        select(Cooperative.name)
        .join(Role, Role.cooperative_id == Cooperative.id)
        .where(
            Role.person_id == Person.id,
            Role.deleted_at.is_(None),
            Cooperative.deleted_at.is_(None),
        )
        .order_by(Role.start_on.desc())
        .limit(1)
        .scalar_subquery()
    )
    unit = select(Unit.name).where(Unit.code == Person.unit_code).scalar_subquery()
    query = (
        select(
            Person.id,
            Person.full_name,
            Person.gender,
            officer,
            Person.birth_year,
            cooperative,
            unit,
        )
        .where(
            Person.deleted_at.is_(None),
            Person.redacted.is_(False),
            Person.unit_code == unit_code,
        )
        .order_by(Person.sort_key)
        .limit(limit)
    )
    folded = fold(text)
    if folded:
        query = query.where(Person.name_folded.contains(folded, autoescape=True))
    return [
        PersonMatch(i, n, g, bool(o), y, c or "", u or "")
        for i, n, g, o, y, c, u in session.execute(query)
    ]
