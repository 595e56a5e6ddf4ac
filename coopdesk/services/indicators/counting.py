"""What each indicator of `coopdesk.domain.indicators` counts, in SQL: the one place to add or
change an indicator's counting (its name, unit and aggregation are in the registry).

A handful of set-based queries, each grouped by the unit that owns the rows (a commune, or a
province for its own records), give one partial value per unit; callers add them up (ratios
add numerators and denominators), which is what lets `.summary` keep them.

Which unit a row belongs to:
- cooperatives, their yearly figures, activities, trainings (courses), support and budgets:
  the unit that owns the record;
- people counted once (women managers, people trained, participations): the person's unit,
  so that a person is counted once when communes are added up; officers: the officer's unit.

The conditions below are also what `.behind` lists for a number, so what is counted and what
is listed cannot drift apart; the classification rules come from `coopdesk.services.rules`.
Every unit at once (the whole country) is counted by `.national` from the same conditions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from coopdesk.db.models import (
    Activity,
    Budget,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Person,
    Role,
    Support,
    Training,
)
from coopdesk.domain.classification import training_window
from coopdesk.domain.periods import Period
from coopdesk.services import rules
from coopdesk.services.indicators.scope import Scope
from coopdesk.services.indicators.values import Partials, new_partials, put

# --- cooperatives: code → (counted, out of) — "out of" only for a ratio -------------------

CoopCount = tuple[ColumnElement[bool], ColumnElement[bool] | None]


@dataclass
class CoopFacts:
    """What a cooperative indicator asks of the records beyond the cooperative's own columns
    (by default the rules' correlated queries; `.national` passes them precomputed)."""

    managed: ColumnElement[bool]  # women in management (asked of HTX and THT)
    majority: ColumnElement[bool]  # > 50 % female workers (asked of HTX)
    consolidated: ColumnElement[bool]  # consolidated (asked of supported HTX and THT)
    alive: ColumnElement[bool]


def cooperative_counts(
    c: Any, period: Period, facts: CoopFacts | None = None
) -> dict[str, CoopCount]:
    """The condition each cooperative indicator counts (and a ratio's denominator)."""
    facts = facts or CoopFacts(
        rules.women_in_management(period, c),
        rules.majority_female_workers(period, c),
        consolidated(c, period),
        rules.alive(c, period),
    )
    alive = facts.alive
    founded = rules.founded_under_programme(period, c)
    supported = and_(alive, c.hoi_supported.is_(True), c.kind.in_(("HTX", "THT")))
    return {
        "htx_women_managed": (and_(c.kind == "HTX", alive, facts.managed), None),
        "tht_women_managed": (and_(c.kind == "THT", alive, facts.managed), None),
        "htx_majority_female": (and_(c.kind == "HTX", alive, facts.majority), None),
        "new_htx_programme": (and_(c.kind == "HTX", founded), None),
        "new_tht_programme": (and_(c.kind == "THT", founded), None),
        "coops_consolidated_pct": (and_(supported, facts.consolidated), supported),
    }


def consolidated(c: Any, period: Period) -> ColumnElement[bool]:
    y = aliased(CooperativeYear)
    return exists(
        select(literal(1)).where(
            y.cooperative_id == c.id, y.deleted_at.is_(None), consolidated_in(y, period)
        )
    )


def consolidated_in(y: Any, period: Period) -> ColumnElement[bool]:
    """Yearly figures of one of the period's years saying the cooperative was consolidated."""
    return and_(y.year.in_(period.years), y.consolidated.is_(True))


def _count(cond: ColumnElement[bool]) -> Any:
    return func.sum(case((cond, 1), else_=0))


def cooperatives(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    c = aliased(Cooperative)
    counts = cooperative_counts(c, period)
    columns = []
    for counted, out_of in counts.values():
        columns.append(_count(counted))
        if out_of is not None:
            columns.append(_count(out_of))
    leaf = scope.leaf("cooperatives", c)
    rows = session.execute(
        select(leaf, *columns)
        .where(c.deleted_at.is_(None), scope.filter(c.unit_code))
        .group_by(leaf)
    ).all()
    for unit, *sums in rows:
        found = iter(sums)
        for code, (_counted, out_of) in counts.items():
            put(out, unit, code, next(found), next(found) if out_of is not None else None)


# --- yearly figures ------------------------------------------------------------------------


def figures_in(y: Any, c: Any, scope: Scope, period: Period) -> list[ColumnElement[bool]]:
    """Yearly figures of the period's years, of the scope's cooperatives (none deleted)."""
    return [
        y.cooperative_id == c.id,
        y.deleted_at.is_(None),
        c.deleted_at.is_(None),
        y.year >= period.years[0],
        y.year <= period.years[-1],
        scope.filter(c.unit_code),
    ]


def yearly_figures(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    c, y = aliased(Cooperative), aliased(CooperativeYear)
    # one year: that year's figures are each cooperative's latest; several: rank them
    latest: Any = (
        literal(1)
        if len(period.years) == 1
        else func.row_number().over(partition_by=y.cooperative_id, order_by=y.year.desc())
    )
    inner = (
        select(
            scope.leaf("cooperatives", c).label("uc"),
            c.kind.label("kind"),
            y.new_jobs_women.label("jobs"),
            y.female_workers.label("fw"),
            latest.label("rank"),
        )
        .select_from(y)
        .join(c, c.id == y.cooperative_id)
        .where(*figures_in(y, c, scope, period))
        .subquery()
    )
    sums = figure_sums(inner.c.kind, inner.c.jobs, inner.c.fw, inner.c.rank == 1)
    for unit, *found in session.execute(select(inner.c.uc, *sums).group_by(inner.c.uc)):
        for code, amount in zip(FIGURE_CODES, found, strict=True):
            put(out, unit, code, amount)


FIGURE_CODES = ("new_jobs_women", "female_workers_htx", "female_workers_tht")


def figure_sums(kind: Any, jobs: Any, fw: Any, latest: Any) -> list[Any]:
    """The sums of `FIGURE_CODES` over yearly figures rows: new jobs of every year, female
    workers of each cooperative's latest row (`latest`)."""
    return [
        func.sum(case((kind.in_(("HTX", "THT")), jobs), else_=0)),
        func.sum(case((and_(latest, kind == "HTX"), fw), else_=0)),
        func.sum(case((and_(latest, kind == "THT"), fw), else_=0)),
    ]


# --- women managers and officers -----------------------------------------------------------


def women_managers(scope: Scope, period: Period) -> Select[str, str]:
    """Women holding an HTX management role during the period, once each: (pid, uc)."""
    r, p, c = aliased(Role), aliased(Person), aliased(Cooperative)
    holds_role = rules.manager_role(r, c, period, rules.HTX_KINDS)
    if scope.leaves is None:  # the whole country: collect the managers once, then the women
        # from the roles of HTX (a quarter of the cooperatives), not by walking every role
        htx = select(Cooperative.id).where(Cooperative.kind.in_(rules.HTX_KINDS))
        managers = (
            select(r.person_id)
            .join(c, c.id == r.cooperative_id)
            .where(r.cooperative_id.in_(htx), holds_role)
        )
        return select(p.id.label("pid"), scope.leaf("people", p).label("uc")).where(
            rules.woman(p), p.id.in_(managers)
        )
    # a province or a commune: start from its women (the correlation keeps SQLite from
    # walking every cooperative of the country)
    held = exists(
        select(literal(1))
        .select_from(r)
        .join(c, c.id == r.cooperative_id)
        .where(r.person_id == p.id, holds_role)
    )
    return select(p.id.label("pid"), scope.leaf("people", p).label("uc")).where(
        scope.filter(p.unit_code), rules.woman(p), held
    )


def trained_in(
    person_id: Any, period: Period, training_filter: Callable[[Any], Any] | None = None
) -> ColumnElement[bool]:
    """Completed a training that started in the period."""
    return rules.completed_training(person_id, period.start, period.end, training_filter)


def women_manager_training(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    m = women_managers(scope, period).subquery()
    rows = session.execute(
        select(
            m.c.uc,
            func.count(),
            _count(trained_in(m.c.pid, period)),
            _count(rules.trained(m.c.pid, period)),
        ).group_by(m.c.uc)
    ).all()
    for unit, managers, trained_now, trained_ever in rows:
        put(out, unit, "women_managers_trained", trained_now)
        put(out, unit, "women_managers_trained_pct", trained_ever, managers)


def for_officers(t: Any) -> ColumnElement[bool]:
    return or_(t.audience == "officers", t.kind == "upskilling")


def upskilling(t: Any) -> ColumnElement[bool]:
    return t.kind == "upskilling"


OFFICER_TRAININGS = {"officers_trained_pct": for_officers, "officers_upskilled_pct": upskilling}


def officer_trained(person_id: Any, period: Period, code: str) -> ColumnElement[bool]:
    """Completed an officers' (or upskilling) training from the programme's start to the end
    of the period."""
    start, end = training_window(period)
    return rules.completed_training(person_id, start, end, OFFICER_TRAININGS[code])


def officers_query(scope: Scope, period: Period) -> Select[Any]:
    """Hội officers doing collective-economy work during the period."""
    o = aliased(Officer)
    return select(o).where(officer_counts_in(o, period), scope.filter(o.unit_code))


def officer_counts_in(o: Any, period: Period) -> ColumnElement[bool]:
    """The officer does collective-economy work during the period."""
    return and_(rules.role_active(o, period), o.collective_economy_work.is_(True))


def officer_counts(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    o = officers_query(scope, period).subquery()
    leaf = scope.leaf("officers", o.c)
    rows = session.execute(
        select(
            leaf,
            func.count(),
            *(_count(officer_trained(o.c.person_id, period, code)) for code in OFFICER_TRAININGS),
        ).group_by(leaf)
    ).all()
    for unit, officers, *trained in rows:
        for code, n in zip(OFFICER_TRAININGS, trained, strict=True):
            put(out, unit, code, n, officers)


# --- activities, trainings, support, budget ------------------------------------------------


def communication_in(a: Any, scope: Scope, period: Period) -> list[ColumnElement[bool]]:
    return [
        a.deleted_at.is_(None),
        a.kind == "communication",
        a.held_on >= period.start,
        a.held_on <= period.end,
        scope.filter(a.unit_code),
    ]


def _communication(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    a = Activity
    leaf = scope.leaf("activities", a)
    rows = session.execute(
        select(leaf, func.count(), func.sum(a.reach_total), func.sum(a.reach_women))
        .where(*communication_in(a, scope, period))
        .group_by(leaf)
    ).all()
    for unit, events, reach, women in rows:
        put(out, unit, "comm_events", events)
        put(out, unit, "comm_reach", reach)
        put(out, unit, "comm_reach_women", women)


def training_in(t: Any, period: Period) -> ColumnElement[bool]:
    """A training (not deleted) that started in the period."""
    return and_(t.deleted_at.is_(None), t.start_on >= period.start, t.start_on <= period.end)


def completed_in(pa: Any, t: Any, p: Any, period: Period) -> ColumnElement[bool]:
    """A completed participation (none deleted) of a person in a training of the period."""
    return and_(training_in(t, period), completed(pa), p.deleted_at.is_(None))


def completed(pa: Any) -> ColumnElement[bool]:
    """A participation (not deleted) that was completed."""
    return and_(pa.deleted_at.is_(None), pa.completed.is_(True))


def _trainings(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    t = Training
    leaf = scope.leaf("trainings", t)
    for unit, courses in session.execute(
        select(leaf, func.count())
        .where(training_in(t, period), scope.filter(t.unit_code))
        .group_by(leaf)
    ):
        put(out, unit, "training_courses", courses)
    # start from the unit's people (see women_managers); the whole country: `.national`
    p = Person
    pa, t2 = aliased(Participation), aliased(Training)
    done = (
        select(func.count())
        .select_from(pa)
        .join(t2, t2.id == pa.training_id)
        .where(pa.person_id == p.id, completed_in(pa, t2, p, period))
        .scalar_subquery()
    )
    inner = (
        select(scope.leaf("people", p).label("uc"), done.label("n"))
        .where(scope.filter(p.unit_code), p.deleted_at.is_(None))
        .subquery()
    )
    rows = session.execute(
        select(inner.c.uc, _count(inner.c.n > 0), func.sum(inner.c.n))
        .where(inner.c.n > 0)
        .group_by(inner.c.uc)
    ).all()
    for unit, people, participations in rows:
        put(out, unit, "people_trained", people)
        put(out, unit, "training_participations", participations)


def support_in(s: Any, scope: Scope, period: Period) -> list[ColumnElement[bool]]:
    return [
        s.deleted_at.is_(None),
        s.given_on >= period.start,
        s.given_on <= period.end,
        scope.filter(s.unit_code),
    ]


def _support(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    s = Support
    leaf = scope.leaf("support", s)
    rows = session.execute(
        select(leaf, s.fund, func.count(), func.sum(s.amount))
        .where(*support_in(s, scope, period))
        .group_by(leaf, s.fund)
    ).all()
    for unit, fund, count_n, amount in rows:
        put(out, unit, "support_count", count_n, part=fund)
        put(out, unit, "support_amount", amount, part=fund)


def budget_in(b: Any, scope: Scope, period: Period) -> list[ColumnElement[bool]]:
    return [b.deleted_at.is_(None), b.year.in_(period.years), scope.filter(b.unit_code)]


def _budget(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    b = Budget
    leaf = scope.leaf("budgets", b)
    rows = session.execute(
        select(leaf, b.source, func.sum(b.planned), func.sum(b.allocated), func.sum(b.spent))
        .where(*budget_in(b, scope, period))
        .group_by(leaf, b.source)
    ).all()
    for unit, source, planned, allocated, spent in rows:
        put(out, unit, "budget_planned", planned, part=source)
        put(out, unit, "budget_allocated", allocated, part=source)
        put(out, unit, "budget_spent", spent, part=source)


_STEPS = (
    cooperatives,
    yearly_figures,
    women_manager_training,
    officer_counts,
    _communication,
    _trainings,
    _support,
    _budget,
)


def compute_partials(session: Session, scope: Scope, period: Period) -> Partials:
    """Every indicator for each unit of the scope that has records, straight from the records
    (the whole country: `national.partials` counts it in one pass per table)."""
    partials = new_partials()
    for step in _STEPS:
        step(session, scope, period, partials)
    return partials
