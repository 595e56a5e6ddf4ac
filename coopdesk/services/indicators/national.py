"""Every indicator of every unit of the country, for several periods in one pass over each
table: the overview of the whole country with nothing stored, and its chart (2023–2030).

The conditions are the ones of `.counting` and `coopdesk.services.rules`, asked per period;
what costs (a cooperative's roles and their people, a person's participations) is read once
for all the periods, as the bits of one number (`rules.women_in_management_mask`,
`rules.completed_mask`): bit i answers for periods[i]. Dated records (activities, trainings,
support, budgets, yearly figures) are grouped by the period they fall in, so the periods
counted together never overlap (`compute_by_period` makes such groups). The values are those
`.counting` gives each period alone (tests/services/test_rules_property.py holds the two
together).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
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
from coopdesk.db.planner import person_read_from_index
from coopdesk.domain.classification import training_window
from coopdesk.domain.periods import Period
from coopdesk.services import rules
from coopdesk.services.indicators import counting as q
from coopdesk.services.indicators.scope import Scope
from coopdesk.services.indicators.values import Partials, new_partials, put
from coopdesk.services.rules import has_bit, sum_of_bits

# two bits per period (trained in it, and by its end) in one 64-bit integer
MAX_PERIODS = 30

Periods = Sequence[Period]
Outs = Sequence[Partials]


def _count(cond: ColumnElement[bool]) -> Any:
    return func.sum(case((cond, 1), else_=0))


# --- cooperatives and their yearly figures -------------------------------------------------


def _figures_mask(periods: Periods, c: Any) -> Any:
    """Bits 0…n-1: > 50 % female workers by the period's latest figures; n…2n-1: consolidated
    in one of its years. A cooperative has one row a year, so the latest row of a period is
    the one with the greatest `year * 2 + flag`."""
    y = aliased(CooperativeYear)
    majority = case((rules.majority_female_figures(y), 1), else_=0)

    def latest_is_majority(period: Period) -> Any:
        in_years = and_(y.year >= period.years[0], y.year <= period.years[-1])
        return func.coalesce(func.max(case((in_years, y.year * 2 + majority))) % 2, 0)

    consolidated = [
        func.max(case((q.consolidated_in(y, period), 1), else_=0)) for period in periods
    ]
    years = [year for period in periods for year in period.years]
    return (
        select(sum_of_bits([*(latest_is_majority(p) for p in periods), *consolidated]))
        .where(
            y.cooperative_id == c.id,
            y.deleted_at.is_(None),
            y.year >= min(years),
            y.year <= max(years),
        )
        .correlate(c)
        .scalar_subquery()
    )


def _cooperatives(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    if len(periods) == 1:  # one period: the correlated queries stop at the first match
        return q.cooperatives(session, scope, periods[0], outs[0])
    c = aliased(Cooperative)
    n = len(periods)
    kinds = c.kind.in_(("HTX", "THT"))
    asked = or_(c.kind == "HTX", and_(c.hoi_supported.is_(True), kinds))
    per_coop = (
        select(
            scope.leaf("cooperatives", c).label("uc"),
            c.kind,  # and what `cooperative_counts` asks beyond the facts below
            c.founded_on,
            c.hoi_supported,
            c.founded_with_hoi_support,
            sum_of_bits(case((rules.alive(c, p), 1), else_=0) for p in periods).label("alive"),
            case((kinds, rules.women_in_management_mask(periods, c)), else_=0).label("managed"),
            case((asked, _figures_mask(periods, c)), else_=0).label("figures"),
        )
        .where(c.deleted_at.is_(None), scope.filter(c.unit_code))
        .cte("per_coop")
        .prefix_with("MATERIALIZED")  # each cooperative's roles and figures read once
    )
    k = per_coop.c
    counts = [
        q.cooperative_counts(
            k,
            period,
            q.CoopFacts(
                has_bit(k.managed, i),
                has_bit(k.figures, i),
                has_bit(k.figures, n + i),
                has_bit(k.alive, i),
            ),
        )
        for i, period in enumerate(periods)
    ]
    columns = []
    for by_code in counts:
        for counted, out_of in by_code.values():
            columns.append(_count(counted))
            if out_of is not None:
                columns.append(_count(out_of))
    for unit, *sums in session.execute(select(k.uc, *columns).group_by(k.uc)):
        found = iter(sums)
        for out, by_code in zip(outs, counts, strict=True):
            for code, (_counted, out_of) in by_code.items():
                put(out, unit, code, next(found), next(found) if out_of is not None else None)


def _yearly_figures(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    if any(len(period.years) != 1 for period in periods):  # the latest row must be ranked
        for period, out in zip(periods, outs, strict=True):
            q.yearly_figures(session, scope, period, out)
        return
    c, y = aliased(Cooperative), aliased(CooperativeYear)
    leaf = scope.leaf("cooperatives", c)
    years = sorted({period.years[0] for period in periods})
    rows = session.execute(  # one year: each cooperative's row of that year is its latest
        select(leaf, y.year, *q.figure_sums(c.kind, y.new_jobs_women, y.female_workers, true()))
        .select_from(y)
        .join(c, c.id == y.cooperative_id)
        .where(
            y.deleted_at.is_(None),
            c.deleted_at.is_(None),
            y.year.in_(years),
            scope.filter(c.unit_code),
        )
        .group_by(leaf, y.year)
    )
    for unit, year, *found in rows:
        for period, out in zip(periods, outs, strict=True):
            if period.years[0] == year:
                for code, amount in zip(q.FIGURE_CODES, found, strict=True):
                    put(out, unit, code, amount)


# --- women managers and officers -----------------------------------------------------------


def _women_manager_training(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    if len(periods) == 1:  # one period: the correlated queries stop at the first match
        return q.women_manager_training(session, scope, periods[0], outs[0])
    r, c, p = aliased(Role), aliased(Cooperative), aliased(Person)
    n = len(periods)
    htx = select(Cooperative.id).where(Cooperative.kind.in_(rules.HTX_KINDS))
    held = sum_of_bits(
        func.max(case((rules.manager_in(r, c, period), 1), else_=0)) for period in periods
    )
    managers = (  # from the roles of HTX (a quarter of the cooperatives), not every role
        select(r.person_id.label("pid"), held.label("held"))
        .join(c, c.id == r.cooperative_id)
        .where(
            r.cooperative_id.in_(htx),
            r.deleted_at.is_(None),
            rules.management_role(r, c.kind),  # with `manager_in` per period: `manager_role`
            c.kind.in_(rules.HTX_KINDS),
        )
        .group_by(r.person_id)
        .subquery()
    )
    windows: list[rules.Window] = [(period.start, period.end, None) for period in periods]
    windows += [(*training_window(period), None) for period in periods]
    women = (
        select(
            scope.leaf("people", p).label("uc"),
            managers.c.held,
            rules.completed_mask(p.id, windows).label("trained"),
        )
        .select_from(managers)
        .join(p, p.id == managers.c.pid)
        .where(managers.c.held != 0, rules.woman(p), person_read_from_index(p))
        .cte("women_managers")
        .prefix_with("MATERIALIZED")
    )
    m = women.c
    columns = []
    for i in range(n):
        manager = has_bit(m.held, i)
        columns += [
            _count(manager),
            _count(and_(manager, has_bit(m.trained, i))),
            _count(and_(manager, has_bit(m.trained, n + i))),
        ]
    for unit, *sums in session.execute(select(m.uc, *columns).group_by(m.uc)):
        for i, out in enumerate(outs):
            managers_n, trained_now, trained_ever = sums[3 * i : 3 * i + 3]
            put(out, unit, "women_managers_trained", trained_now)
            put(out, unit, "women_managers_trained_pct", trained_ever, managers_n)


def _officer_counts(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    if len(periods) == 1:  # one period: the correlated queries stop at the first match
        return q.officer_counts(session, scope, periods[0], outs[0])
    o = aliased(Officer)
    codes = list(q.OFFICER_TRAININGS)
    active = sum_of_bits(case((q.officer_counts_in(o, period), 1), else_=0) for period in periods)
    windows: list[rules.Window] = [
        (*training_window(period), q.OFFICER_TRAININGS[code])
        for code in codes
        for period in periods
    ]
    per_officer = (
        select(
            scope.leaf("officers", o).label("uc"),
            active.label("active"),
            rules.completed_mask(o.person_id, windows).label("trained"),
        )
        .where(active != 0, scope.filter(o.unit_code))
        .cte("per_officer")
        .prefix_with("MATERIALIZED")
    )
    k = per_officer.c
    n = len(periods)
    columns = []
    for i in range(n):
        columns.append(_count(has_bit(k.active, i)))
        columns += [
            _count(and_(has_bit(k.active, i), has_bit(k.trained, j * n + i)))
            for j in range(len(codes))
        ]
    for unit, *sums in session.execute(select(k.uc, *columns).group_by(k.uc)):
        found = iter(sums)
        for partials in outs:
            officers = next(found)
            for code in codes:
                put(partials, unit, code, next(found), officers)


# --- activities, trainings, support, budget ------------------------------------------------


def _span(periods: Periods) -> Period:
    """One period from the first start to the last end (the rows read, then bucketed)."""
    start, end = min(p.start for p in periods), max(p.end for p in periods)
    return Period(f"{start.isoformat()}..{end.isoformat()}", "range", start, end)


def _bucket(day: Any, periods: Periods) -> Any:
    """Which of the (non-overlapping) periods the day falls in: its index, or NULL."""
    return case(*((and_(day >= p.start, day <= p.end), i) for i, p in enumerate(periods)))


def _communication(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    a = Activity
    leaf, bucket = scope.leaf("activities", a), _bucket(Activity.held_on, periods)
    rows = session.execute(
        select(leaf, bucket, func.count(), func.sum(a.reach_total), func.sum(a.reach_women))
        .where(*q.communication_in(a, scope, _span(periods)))
        .group_by(leaf, bucket)
    )
    for unit, i, events, reach, women in rows:
        if i is not None:
            put(outs[i], unit, "comm_events", events)
            put(outs[i], unit, "comm_reach", reach)
            put(outs[i], unit, "comm_reach_women", women)


def _trainings(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    t = Training
    leaf, bucket, span = scope.leaf("trainings", t), _bucket(t.start_on, periods), _span(periods)
    for unit, i, courses in session.execute(
        select(leaf, bucket, func.count())
        .where(q.training_in(t, span), scope.filter(t.unit_code))
        .group_by(leaf, bucket)
    ):
        if i is not None:
            put(outs[i], unit, "training_courses", courses)
    # the periods' participations per person, then their people (not every person)
    pa, p = Participation, Person
    done = [
        func.sum(
            case((and_(t.start_on >= period.start, t.start_on <= period.end), 1), else_=0)
        ).label(f"n{i}")
        for i, period in enumerate(periods)
    ]
    per_person = (
        select(pa.person_id.label("pid"), *done)
        .select_from(pa)
        .join(t, t.id == pa.training_id)
        .where(q.training_in(t, span), q.completed(pa))
        .group_by(pa.person_id)
        .subquery()
    )
    person_leaf = scope.leaf("people", p)
    columns = []
    for i in range(len(periods)):
        n = per_person.c[f"n{i}"]
        columns += [_count(n > 0), func.sum(n)]
    rows = session.execute(
        select(person_leaf, *columns)
        .select_from(per_person)
        .join(p, p.id == per_person.c.pid)
        .where(p.deleted_at.is_(None), person_read_from_index(p))
        .group_by(person_leaf)
    )
    for unit, *sums in rows:
        for i, out in enumerate(outs):
            people, participations = sums[2 * i : 2 * i + 2]
            if people:
                put(out, unit, "people_trained", people)
                put(out, unit, "training_participations", participations)


def _support(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    s = Support
    leaf, bucket = scope.leaf("support", s), _bucket(s.given_on, periods)
    rows = session.execute(
        select(leaf, bucket, s.fund, func.count(), func.sum(s.amount))
        .where(*q.support_in(s, scope, _span(periods)))
        .group_by(leaf, bucket, s.fund)
    )
    for unit, i, fund, count_n, amount in rows:
        if i is not None:
            put(outs[i], unit, "support_count", count_n, part=fund)
            put(outs[i], unit, "support_amount", amount, part=fund)


def _unit_source_year(row: Any) -> tuple[str, str, int]:
    return row[0], row[2], row[1]


def _budget(session: Session, scope: Scope, periods: Periods, outs: Outs) -> None:
    b = Budget
    leaf = scope.leaf("budgets", b)
    rows = session.execute(
        select(
            leaf, b.year, b.source, func.sum(b.planned), func.sum(b.allocated), func.sum(b.spent)
        )
        .where(*q.budget_in(b, scope, _span(periods)))
        .group_by(leaf, b.source, b.year)
    )
    # each unit's sources in their order, as for one period (the parts are shown in it)
    years = [set(period.years) for period in periods]
    for unit, year, source, planned, allocated, spent in sorted(rows, key=_unit_source_year):
        for of_period, out in zip(years, outs, strict=True):
            if year in of_period:  # a period of several years adds them up
                put(out, unit, "budget_planned", planned, part=source)
                put(out, unit, "budget_allocated", allocated, part=source)
                put(out, unit, "budget_spent", spent, part=source)


_STEPS: tuple[Callable[[Session, Scope, Periods, Outs], None], ...] = (
    _cooperatives,
    _yearly_figures,
    _women_manager_training,
    _officer_counts,
    _communication,
    _trainings,
    _support,
    _budget,
)


def partials(session: Session, scope: Scope, period: Period) -> Partials:
    """Every indicator for each unit of the scope that has records, straight from the records:
    every unit at once in one pass per table, some units by `counting`'s correlated queries
    (which stop at the first match)."""
    if scope.leaves is None and scope.units_in is None:
        return compute_by_period(session, scope, [period])[0]
    return q.compute_partials(session, scope, period)


def compute_by_period(session: Session, scope: Scope, periods: Periods) -> list[Partials]:
    """Every indicator for each unit with records, for each period (in the periods' order),
    straight from the records; the scope counts every unit (`scope.leaves` is None)."""
    assert scope.leaves is None and scope.units_in is None
    out = [new_partials() for _ in periods]
    for group in _apart(periods):
        chunk, outs = [periods[i] for i in group], [out[i] for i in group]
        for step in _STEPS:
            step(session, scope, chunk, outs)
    return out


def _apart(periods: Periods) -> list[list[int]]:
    """The periods' indexes in groups of at most `MAX_PERIODS` that do not overlap."""
    groups: list[list[int]] = []
    for i, period in enumerate(periods):
        for group in groups:
            if len(group) < MAX_PERIODS and all(
                period.end < periods[j].start or periods[j].end < period.start for j in group
            ):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
