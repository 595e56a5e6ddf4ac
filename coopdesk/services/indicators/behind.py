"""The records behind each indicator: the rows a number counted, with names (not ids), so
that every figure on the overview can be checked. Every list here takes its conditions from
`.counting`, so it shows exactly what was counted."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from coopdesk.db.models import (
    Activity,
    Budget,
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Support,
    Training,
    Unit,
)
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.i18n import _
from coopdesk.services import rules
from coopdesk.services.indicators import counting as q
from coopdesk.services.indicators.scope import Scope, resolve_scope


@dataclass
class Behind:
    """The records counted for one indicator: column titles and rows of plain values."""

    columns: list[str]
    rows: list[tuple[Any, ...]]


def _unit_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(Unit.code, Unit.name))}


def _yes(flag: Any) -> str:
    return _("yes") if flag else _("no")


def records_behind(
    session: Session,
    code: str,
    unit_code: str | None,
    period: Period | str,
    *,
    limit: int | None = 5000,
) -> Behind:
    """The rows an indicator counts, with names (not ids), so that a number can be checked.

    For a percentage the rows are its denominator, with a column saying which are counted in
    the numerator.
    """
    reg.get(code)
    period = Period.parse(period) if isinstance(period, str) else period
    scope = resolve_scope(session, unit_code)
    names = _unit_names(session)
    behind = _lister(code)(session, code, scope, period)
    behind.rows = [
        tuple(names.get(v, v) if i == 0 else v for i, v in enumerate(row)) for row in behind.rows
    ]
    behind.rows.sort(key=lambda row: tuple(str(v) for v in row))
    if limit is not None:
        behind.rows = behind.rows[:limit]
    return behind


def _behind_coops(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    c = aliased(Cooperative)
    counted, out_of = q.cooperative_counts(c, period)[code]
    cond, extra = (counted, []) if out_of is None else (out_of, [counted])
    rows = session.execute(
        select(c.unit_code, c.name, c.kind, c.founded_on, c.status, *extra).where(
            c.deleted_at.is_(None), cond, scope.filter(c.unit_code)
        )
    ).all()
    columns = [_("Unit"), _("Cooperative"), _("Kind"), _("Founded"), _("Status")]
    out = [(r[0], r[1], r[2], _fmt_date(r[3]), r[4], *[_yes(x) for x in r[5:]]) for r in rows]
    if extra:
        columns.append(_("Consolidated"))
    return Behind(columns, out)


def _behind_years(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    c, y = aliased(Cooperative), aliased(CooperativeYear)
    rows = session.execute(
        select(c.unit_code, c.name, c.kind, y.year, y.new_jobs_women, y.female_workers, y.workers)
        .join(c, c.id == y.cooperative_id)
        .where(*q.figures_in(y, c, scope, period))
        .order_by(c.id, y.year.desc())
    ).all()
    if code == "new_jobs_women":
        return Behind(
            [_("Unit"), _("Cooperative"), _("Kind"), _("Year"), _("New jobs for women")],
            [(r[0], r[1], r[2], r[3], r[4] or 0) for r in rows if r[2] in ("HTX", "THT") and r[4]],
        )
    kind = "HTX" if code.endswith("htx") else "THT"
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:  # each cooperative's latest year in the period
        key = (r[0], r[1])
        if r[2] != kind or key in seen:
            continue
        seen.add(key)
        out.append((r[0], r[1], r[3], r[5] or 0, r[6] or 0))
    return Behind([_("Unit"), _("Cooperative"), _("Year"), _("Female workers"), _("Workers")], out)


def _behind_managers(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    m = q.women_managers(scope, period).subquery()
    p = aliased(Person)
    if code == "women_managers_trained":
        trained = q.trained_in(m.c.pid, period)
    else:
        trained = rules.trained(m.c.pid, period)
    rows = session.execute(
        select(m.c.uc, p.full_name, p.birth_year, trained, p.sort_key).join(p, p.id == m.c.pid)
    ).all()
    if code == "women_managers_trained":
        return Behind(
            [_("Unit"), _("Woman manager"), _("Birth year")],
            [(r[0], r[1], r[2] or "") for r in rows if r[3]],
        )
    return Behind(
        [_("Unit"), _("Woman manager"), _("Birth year"), _("Trained")],
        [(r[0], r[1], r[2] or "", _yes(r[3])) for r in rows],
    )


def _behind_officers(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    o = q.officers_query(scope, period).subquery()
    p = aliased(Person)
    counted = q.officer_trained(o.c.person_id, period, code)
    rows = session.execute(
        select(o.c.unit_code, p.full_name, o.c.position, counted).join(p, p.id == o.c.person_id)
    ).all()
    title = _("Upskilled") if code == "officers_upskilled_pct" else _("Trained")
    return Behind(
        [_("Unit"), _("Officer"), _("Position"), title],
        [(r[0], r[1], r[2], _yes(r[3])) for r in rows],
    )


def _behind_comm(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    a = Activity
    rows = session.execute(
        select(a.unit_code, a.held_on, a.title, a.channel, a.reach_total, a.reach_women).where(
            *q.communication_in(a, scope, period)
        )
    ).all()
    return Behind(
        [_("Unit"), _("Date"), _("Activity"), _("Channel"), _("Reached"), _("Women reached")],
        [(r[0], _fmt_date(r[1]), r[2], r[3] or "", r[4] or 0, r[5] or 0) for r in rows],
    )


def _behind_courses(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    t = Training
    rows = session.execute(
        select(t.unit_code, t.start_on, t.title, t.kind, t.audience).where(
            q.training_in(t, period), scope.filter(t.unit_code)
        )
    ).all()
    return Behind(
        [_("Unit"), _("Start"), _("Training"), _("Kind"), _("Audience")],
        [(r[0], _fmt_date(r[1]), r[2], r[3], r[4]) for r in rows],
    )


def _behind_trained(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    t, pa, p = Training, Participation, Person
    rows = session.execute(
        select(p.unit_code, p.full_name, t.start_on, t.title)
        .select_from(pa)
        .join(t, t.id == pa.training_id)
        .join(p, p.id == pa.person_id)
        .where(q.completed_in(pa, t, p, period), scope.filter(p.unit_code))
    ).all()
    if code == "people_trained":
        courses: dict[tuple[str, str], int] = defaultdict(int)
        for r in rows:
            courses[(r[0], r[1])] += 1
        return Behind(
            [_("Unit"), _("Person"), _("Trainings")],
            [(unit, name, n) for (unit, name), n in courses.items()],
        )
    return Behind(
        [_("Unit"), _("Person"), _("Start"), _("Training")],
        [(r[0], r[1], _fmt_date(r[2]), r[3]) for r in rows],
    )


def _behind_support(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    s, c, p = Support, aliased(Cooperative), aliased(Person)
    rows = session.execute(
        select(s.unit_code, s.given_on, s.kind, s.fund, s.amount, c.name, p.full_name)
        .outerjoin(c, c.id == s.cooperative_id)
        .outerjoin(p, p.id == s.person_id)
        .where(*q.support_in(s, scope, period))
    ).all()
    return Behind(
        [_("Unit"), _("Date"), _("Kind"), _("Fund"), _("Amount (đồng)"), _("Recipient")],
        [(r[0], _fmt_date(r[1]), r[2], r[3], r[4] or 0, r[5] or r[6] or "") for r in rows],
    )


def _behind_budget(session: Session, code: str, scope: Scope, period: Period) -> Behind:
    b = Budget
    rows = session.execute(
        select(b.unit_code, b.year, b.source, b.planned, b.allocated, b.spent).where(
            *q.budget_in(b, scope, period)
        )
    ).all()
    return Behind(
        [_("Unit"), _("Year"), _("Source"), _("Planned"), _("Allocated"), _("Spent")],
        [tuple(r) for r in rows],
    )


Lister = Callable[[Session, str, Scope, Period], Behind]

# code (or a prefix shared by a family of codes) → what lists its records
_BEHIND: dict[str, Lister] = {
    "new_jobs_women": _behind_years,
    "female_workers_": _behind_years,
    "women_managers_trained": _behind_managers,
    "women_managers_trained_pct": _behind_managers,
    "officers_": _behind_officers,
    "comm_": _behind_comm,
    "training_courses": _behind_courses,
    "people_trained": _behind_trained,
    "training_participations": _behind_trained,
    "support_": _behind_support,
    "budget_": _behind_budget,
}


def _lister(code: str) -> Lister:
    if code in q.cooperative_counts(Cooperative, Period.parse("all")):
        return _behind_coops
    for key, lister in _BEHIND.items():
        if code == key or (key.endswith("_") and code.startswith(key)):
            return lister
    raise ValueError(f"No list of records for indicator {code!r}")


def _fmt_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
