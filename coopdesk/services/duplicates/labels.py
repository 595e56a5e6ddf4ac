"""How a possible duplicate reads for the officer: "Nguyễn Thị Hoa, sinh năm 1985, HTX Chè Tân
Phong, Phường Tân Phong"; "HTX Chè Tân Phong, MST 0101234567, Phường Tân Phong"."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Person, Role, Unit
from coopdesk.i18n import _
from coopdesk.services.people import display_name

MAX_COOPERATIVES = 2  # of a person's, named in her label


def label(session: Session, kind: str, record_id: str) -> str:
    if kind == "people":
        return person_label(session, record_id)
    return cooperative_label(session, record_id)


def _unit_name(session: Session, unit_code: str | None) -> str:
    unit = session.get(Unit, unit_code) if unit_code else None
    return unit.name if unit is not None else ""


def person_label(session: Session, person_id: str) -> str:
    person = session.get(Person, person_id)
    if person is None:
        return person_id
    parts = [display_name(person)]
    if person.birth_year is not None and not person.redacted:
        parts.append(_("born {year}").format(year=person.birth_year))
    names = session.scalars(
        select(Cooperative.name)
        .join(Role, Role.cooperative_id == Cooperative.id)
        .where(Role.person_id == person_id, Role.deleted_at.is_(None))
        .group_by(Cooperative.name)
        .order_by(func.max(Role.start_on).desc().nulls_last(), Cooperative.name)
        .limit(MAX_COOPERATIVES)
    )
    parts += list(names)
    parts.append(_unit_name(session, person.unit_code))
    return ", ".join(p for p in parts if p)


def cooperative_label(session: Session, cooperative_id: str) -> str:
    coop = session.get(Cooperative, cooperative_id)
    if coop is None:
        return cooperative_id
    parts = [coop.name]
    if coop.registration_no:
        parts.append(_("MST {number}").format(number=coop.registration_no))
    parts.append(_unit_name(session, coop.unit_code))
    return ", ".join(p for p in parts if p)
