"""The printed list of women managers with their roles, cooperatives and training (the
trainings of the period's window that make a manager "trained")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Participation, Person, Role, Training
from coopdesk.domain.classification import training_window
from coopdesk.domain.periods import Period
from coopdesk.reports.model import CellValue
from coopdesk.reports.text import translate_in
from coopdesk.services import rules
from coopdesk.services.report_lists.conditions import (
    chunks,
    leaves_of,
    search,
    unit_names,
    within,
)
from coopdesk.services.report_lists.filters import ListFilter
from coopdesk.services.report_lists.labels import label


def list_managers(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = leaves_of(session, unit_code)
    r, p, c = Role, Person, Cooperative
    rows = session.execute(
        select(p.id, p.full_name, p.birth_year, p.unit_code, r.role, c.name)
        .join(p, p.id == r.person_id)
        .join(c, c.id == r.cooperative_id)
        .where(
            rules.manager_role(r, c, period, rules.HTX_KINDS),
            rules.woman(p),
            within(p.unit_code, leaves),
            search(p.name_folded, flt.search),
        )
        .order_by(p.sort_key, p.id, c.sort_key, r.role)
    ).all()
    people: dict[str, dict[str, Any]] = {}
    for pid, name, birth, unit, role, coop in rows:
        entry = people.setdefault(
            pid, {"name": name, "birth": birth, "unit": unit, "roles": [], "coops": []}
        )
        entry["roles"].append(label(role, lang))
        entry["coops"].append(coop)
    trained = _training_summary(session, list(people), period)
    names = unit_names(session)
    yes, no = translate_in(lang, "Yes"), translate_in(lang, "Not yet")
    out: list[list[CellValue]] = []
    for pid, e in people.items():
        count, last = trained.get(pid, (0, None))
        if (flt.status == "trained" and not count) or (flt.status == "untrained" and count):
            continue
        out.append(
            [
                e["name"],
                e["birth"],
                ", ".join(dict.fromkeys(e["roles"])),
                "; ".join(dict.fromkeys(e["coops"])),
                names.get(e["unit"], e["unit"]),
                yes if count else no,
                count,
                last,
            ]
        )
    return out


def _training_summary(
    session: Session, person_ids: list[str], period: Period
) -> dict[str, tuple[int, dt.date | None]]:
    pa, t = Participation, Training
    start, end = training_window(period)  # the trainings that make a manager "trained"
    out: dict[str, tuple[int, dt.date | None]] = {}
    for chunk in chunks(person_ids):
        for pid, count, last in session.execute(
            select(pa.person_id, func.count(func.distinct(t.id)), func.max(t.start_on))
            .join(t, t.id == pa.training_id)
            .where(pa.person_id.in_(chunk), rules.completed_between(pa, t, start, end))
            .group_by(pa.person_id)
        ):
            out[pid] = (int(count), last)
    return out
