"""Priority women counted where their details are held, and added up above (issue 12 item 8).

A commune (any computer holding the unit's sensitive details) counts its women by priority
group (`domain.priority_women.groups_of`), per cooperative where she holds a role in force
and once for the whole unit (a woman in two cooperatives counts once there), and keeps the
counts as records that sync upward (`PriorityCount`). `refresh` brings them up to date through
the one write path; the bundle export to a unit above calls it. `priority_women` is the
indicator: for the units whose details are held here, counted now; for the units below, the
counts their bundles brought.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person, PersonSensitive, PriorityCount, Role, Unit
from coopdesk.domain.priority_women import GROUPS, count_id, groups_of
from coopdesk.services import records, sensitive_store
from coopdesk.services.indicators.scope import resolve_scope
from coopdesk.services.records.sealed import refusal

Key = tuple[str | None, str]  # (cooperative id, or None for the whole unit; group)


@dataclass(frozen=True)
class PriorityWomen:
    """The indicator: women per priority group, in GROUPS order, for a unit's subtree."""

    by_group: dict[str, int]
    counted_here: bool  # the unit's own details were counted now (else its stored counts)
    units_reporting: int  # units below whose counts arrived


def count_here(session: Session, unit_code: str, today: dt.date) -> Counter[Key]:
    """The unit's women by group, per cooperative and for the whole unit (details opened:
    SensitiveLocked when they cannot be)."""
    rows = session.execute(
        select(PersonSensitive)
        .join(Person, Person.id == PersonSensitive.person_id)
        .where(
            PersonSensitive.unit_code == unit_code,
            PersonSensitive.deleted_at.is_(None),
            Person.deleted_at.is_(None),
            Person.gender == "F",
        )
    ).scalars()
    groups = {row.person_id: groups_of(sensitive_store.details(session, row)) for row in rows}
    counts: Counter[Key] = Counter()
    for found in groups.values():
        counts.update((None, g) for g in found)
    for person_id, cooperative_id in _roles_in_force(session, list(groups), today):
        counts.update((cooperative_id, g) for g in groups[person_id])
    return counts


def _roles_in_force(session: Session, people: list[str], today: dt.date) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for n in range(0, len(people), 500):
        found.update(
            session.execute(
                select(Role.person_id, Role.cooperative_id).where(
                    Role.person_id.in_(people[n : n + 500]),
                    Role.deleted_at.is_(None),
                    or_(Role.end_on.is_(None), Role.end_on >= today),
                )
            ).all()
        )
    return found


def refresh(session: Session, unit_code: str, actor: str, today: dt.date | None = None) -> bool:
    """Bring the unit's stored counts up to date; False (nothing changed) when its details
    cannot be read now (a viewer, or nobody logged in): the counts sent last stay."""
    if refusal(session) is not None:
        return False
    today = today or dt.date.today()
    wanted = count_here(session, unit_code, today)
    stored = {
        (row.cooperative_id, row.group): row
        for row in session.scalars(
            select(PriorityCount).where(
                PriorityCount.unit_code == unit_code, PriorityCount.deleted_at.is_(None)
            )
        )
    }
    for key in sorted(set(wanted) | set(stored), key=lambda k: (k[0] or "", k[1])):
        women, row = wanted.get(key, 0), stored.get(key)
        if row is None and women:
            cooperative_id, group = key
            data = {"id": count_id(unit_code, cooperative_id, group), "unit_code": unit_code,
                    "cooperative_id": cooperative_id, "group": group, "women": women,
                    "counted_on": today}  # fmt: skip
            records.create(session, PriorityCount, data, actor)
        elif row is not None and row.women != women:
            records.update(session, row, {"women": women, "counted_on": today}, actor)
    return True


def priority_women(session: Session, unit_code: str | None, held_here: str) -> PriorityWomen:
    """Women per priority group in `unit_code`'s subtree. `held_here`: the unit whose
    sensitive details this computer holds (the installation's), counted now when readable."""
    scope = resolve_scope(session, unit_code)
    inside = session.scalar(
        select(Unit.code).where(Unit.code == held_here, scope.filter(Unit.code))
    )
    totals: Counter[str] = Counter()
    counted_here = inside is not None and refusal(session) is None
    if counted_here:
        now = count_here(session, held_here, dt.date.today())
        totals.update({group: n for (coop, group), n in now.items() if coop is None})
    rows = session.execute(
        select(PriorityCount.unit_code, PriorityCount.group, PriorityCount.women).where(
            scope.filter(PriorityCount.unit_code),
            PriorityCount.cooperative_id.is_(None),
            PriorityCount.deleted_at.is_(None),
        )
    ).all()
    reporting = set()
    for unit, group, women in rows:
        if unit == held_here and counted_here:
            continue
        totals[group] += women
        if unit != held_here:
            reporting.add(unit)
    return PriorityWomen({g: totals.get(g, 0) for g in GROUPS}, counted_here, len(reporting))
