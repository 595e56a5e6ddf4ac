"""The queries behind `coopdesk.services.indicators`: every indicator for a set of units and
a period, as one partial value per unit that owns the rows.

A handful of set-based queries, each grouped by the unit that owns the rows (a commune, or a
province for its own records). Callers add the per-unit partials up (ratios add numerators and
denominators), which is also what lets `coopdesk.services.indicator_summary` keep them.

Which unit a row belongs to:
- cooperatives, their yearly figures, activities, trainings (courses), support and budgets:
  the unit that owns the record;
- people counted once (women managers, people trained, participations): the person's unit,
  so that a person is counted once when communes are added up; officers: the officer's unit.

The conditions are shared with `coopdesk.services.indicator_rows`, which lists the records
behind a number: what is counted and what is listed cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    true,
)
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
    Unit,
)
from coopdesk.domain import indicators as reg
from coopdesk.domain.classification import PROGRAMME_APPROVED
from coopdesk.domain.periods import PROGRAMME_START, Period
from coopdesk.i18n import _
from coopdesk.services.units import COUNTRY_CODE, LEGACY_PREFIX

# --- scope ---------------------------------------------------------------------------------


@dataclass
class Scope:
    """The units whose records count, and how they fold into the unit's children."""

    unit_code: str | None  # None = the whole country
    name: str
    level: str  # national | province | commune
    leaves: list[str] | None  # unit codes whose records count (None = all)
    child_of: dict[str, str]  # leaf unit → child unit shown in the table
    children: list[tuple[str, str]]  # (code, name) in display order
    units_in: Select[Any] | None = None  # instead of `leaves`: the units this query selects

    def filter(self, column: Any) -> ColumnElement[bool]:
        if self.units_in is not None:
            return column.in_(self.units_in)
        if self.leaves is None:
            return true()
        if len(self.leaves) == 1:
            return column == self.leaves[0]
        return column.in_(self.leaves)


class UnknownUnit(ValueError):
    pass


def resolve_scope(session: Session, unit_code: str | None) -> Scope:
    """The subtree of a unit: a commune alone; a province with its communes; None/"VN" = country."""
    if unit_code is None or unit_code == COUNTRY_CODE:
        current = select(Unit.code).where(
            Unit.level == "province", not_(Unit.code.startswith(LEGACY_PREFIX))
        )
        provinces = [
            (r.code, r.name)
            for r in session.execute(
                select(Unit.code, Unit.name).where(Unit.code.in_(current)).order_by(Unit.code)
            )
        ]
        child_of = {code: code for code, _name in provinces}
        for code, parent in session.execute(
            select(Unit.code, Unit.parent_code).where(Unit.parent_code.in_(current))
        ):
            child_of[code] = parent
        return Scope(None, _("Whole country"), "national", None, child_of, provinces)
    unit = session.get(Unit, unit_code)
    if unit is None:
        raise UnknownUnit(_("There is no unit with the code {code}.").format(code=unit_code))
    if unit.level == "province":
        communes = session.execute(
            select(Unit.code, Unit.name, Unit.sort_key)
            .where(Unit.parent_code == unit.code)
            .order_by(Unit.code)  # the official (GSO) order, as in reports
        ).all()
        leaves = [unit.code, *(c.code for c in communes)]
        child_of = {c.code: c.code for c in communes}
        return Scope(
            unit.code, unit.name, "province", leaves, child_of, [(c.code, c.name) for c in communes]
        )
    return Scope(unit.code, unit.name, "commune", [unit.code], {}, [])


# --- results -------------------------------------------------------------------------------


@dataclass
class Value:
    """One indicator for one unit: the numerator, the denominator of a ratio, and parts."""

    code: str
    numerator: Decimal = Decimal(0)
    denominator: Decimal | None = None
    breakdown: dict[str, Decimal] = field(default_factory=dict)  # by fund / source

    @property
    def indicator(self) -> reg.Indicator:
        return reg.BY_CODE[self.code]

    @property
    def value(self) -> Decimal | None:
        if self.indicator.is_ratio:
            return reg.ratio_value(self.numerator, self.denominator or 0)
        return self.numerator

    def add(self, other: Value) -> None:
        self.numerator += other.numerator
        if other.denominator is not None:
            self.denominator = (self.denominator or Decimal(0)) + other.denominator
        for key, amount in other.breakdown.items():
            self.breakdown[key] = self.breakdown.get(key, Decimal(0)) + amount


def _empty() -> dict[str, Value]:
    return {
        ind.code: Value(ind.code, denominator=Decimal(0) if ind.is_ratio else None)
        for ind in reg.INDICATORS
    }


# --- conditions shared by computing and listing ----------------------------------------


def coop_alive(c: Any, period: Period) -> ColumnElement[bool]:
    """The cooperative existed during the period (founded by its end, not dissolved before)."""
    return and_(
        c.deleted_at.is_(None),
        or_(c.founded_on.is_(None), c.founded_on <= period.end),
        or_(c.dissolved_on.is_(None), c.dissolved_on >= period.start),
        not_(and_(c.status == "dissolved", c.dissolved_on.is_(None))),
    )


def role_active(r: Any, period: Period) -> ColumnElement[bool]:
    return and_(
        r.deleted_at.is_(None),
        or_(r.start_on.is_(None), r.start_on <= period.end),
        or_(r.end_on.is_(None), r.end_on >= period.start),
    )


def woman_manager_exists(c: Any, roles: Sequence[str], period: Period) -> ColumnElement[bool]:
    r, p = aliased(Role), aliased(Person)
    return exists(
        select(literal(1))
        .select_from(r)
        .join(p, p.id == r.person_id)
        .where(
            r.cooperative_id == c.id,
            r.role.in_(roles),
            role_active(r, period),
            p.gender == "F",
            p.deleted_at.is_(None),
        )
    )


def women_managed_exists(c: Any, period: Period) -> ColumnElement[bool]:
    """A woman holds a management role of the cooperative during the period (for a THT the
    group leader counts too)."""
    r, p = aliased(Role), aliased(Person)
    return exists(
        select(literal(1))
        .select_from(r)
        .join(p, p.id == r.person_id)
        .where(
            r.cooperative_id == c.id,
            r.role.in_(reg.THT_MANAGEMENT_ROLES),
            or_(c.kind == "THT", r.role != "group_leader"),
            role_active(r, period),
            p.gender == "F",
            p.deleted_at.is_(None),
        )
    )


def consolidated_exists(c: Any, period: Period) -> ColumnElement[bool]:
    y = aliased(CooperativeYear)
    return exists(
        select(literal(1)).where(
            y.cooperative_id == c.id,
            y.deleted_at.is_(None),
            y.year.in_(period.years),
            y.consolidated.is_(True),
        )
    )


def completed_training(
    person_id: Any,
    start: dt.date,
    end: dt.date,
    training_filter: Callable[[Any], ColumnElement[bool]] | None = None,
) -> ColumnElement[bool]:
    """The person completed a training that started between `start` and `end`."""
    pa, t = aliased(Participation), aliased(Training)
    return exists(
        select(literal(1))
        .select_from(pa)
        .join(t, t.id == pa.training_id)
        .where(
            pa.person_id == person_id,
            pa.completed.is_(True),
            pa.deleted_at.is_(None),
            t.deleted_at.is_(None),
            t.start_on >= start,
            t.start_on <= end,
            training_filter(t) if training_filter is not None else true(),
        )
    )


def for_officers(t: Any) -> ColumnElement[bool]:
    return or_(t.audience == "officers", t.kind == "upskilling")


def upskilling(t: Any) -> ColumnElement[bool]:
    return t.kind == "upskilling"


def women_managers(scope: Scope, period: Period) -> Select[str, str]:
    """Women holding an HTX management role during the period, once each: (person, unit)."""
    r, p, c = aliased(Role), aliased(Person), aliased(Cooperative)
    holds_role = and_(
        r.role.in_(reg.MANAGEMENT_ROLES),
        role_active(r, period),
        c.kind.in_(("HTX", "LHHTX")),
        coop_alive(c, period),
    )
    if scope.leaves is None:  # the whole country: collect the managers once, then the women
        managers = select(r.person_id).join(c, c.id == r.cooperative_id).where(holds_role)
        return select(p.id.label("pid"), p.unit_code.label("uc")).where(
            p.gender == "F", p.deleted_at.is_(None), p.id.in_(managers)
        )
    # a province or a commune: start from its women (the correlation keeps SQLite from
    # walking every cooperative of the country)
    held = exists(
        select(literal(1))
        .select_from(r)
        .join(c, c.id == r.cooperative_id)
        .where(r.person_id == p.id, holds_role)
    )
    return select(p.id.label("pid"), p.unit_code.label("uc")).where(
        scope.filter(p.unit_code), p.gender == "F", p.deleted_at.is_(None), held
    )


def officers_query(scope: Scope, period: Period) -> Select[Any]:
    o = aliased(Officer)
    return select(o).where(
        o.deleted_at.is_(None),
        o.collective_economy_work.is_(True),
        or_(o.start_on.is_(None), o.start_on <= period.end),
        or_(o.end_on.is_(None), o.end_on >= period.start),
        scope.filter(o.unit_code),
    )


# --- computing -----------------------------------------------------------------------------

Partials = dict[str, dict[str, Value]]  # leaf unit → code → value (codes never counted: absent)


def _put(
    partials: Partials,
    unit: str,
    code: str,
    num: Any,
    den: Any = None,
    part: str | None = None,
) -> None:
    values = partials[unit]
    value = values.get(code)
    if value is None:
        value = values[code] = Value(code, denominator=Decimal(0) if den is not None else None)
    amount = Decimal(num or 0)
    value.numerator += amount
    if den is not None:
        value.denominator = (value.denominator or Decimal(0)) + Decimal(den or 0)
    if part is not None:
        value.breakdown[part] = value.breakdown.get(part, Decimal(0)) + amount


def _cooperative_counts(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    c = aliased(Cooperative)
    in_time = coop_alive(c, period)
    founded_in = and_(
        c.founded_with_hoi_support.is_(True),
        c.founded_on >= max(period.start, PROGRAMME_APPROVED),
        c.founded_on <= period.end,
        c.deleted_at.is_(None),
    )
    supported = and_(in_time, c.hoi_supported.is_(True), c.kind.in_(("HTX", "THT")))

    def count(cond: ColumnElement[bool]) -> Any:
        return func.sum(case((cond, 1), else_=0))

    managed = women_managed_exists(c, period)  # stops at the first woman manager found
    rows = session.execute(
        select(
            c.unit_code,
            count(and_(c.kind == "HTX", in_time, managed)),
            count(and_(c.kind == "THT", in_time, managed)),
            count(and_(c.kind == "HTX", founded_in)),
            count(and_(c.kind == "THT", founded_in)),
            count(and_(supported, consolidated_exists(c, period))),
            count(supported),
        )
        .where(c.deleted_at.is_(None), scope.filter(c.unit_code))
        .group_by(c.unit_code)
    ).all()
    for unit, htx, tht, new_htx, new_tht, consolidated, supported_n in rows:
        _put(out, unit, "htx_women_managed", htx)
        _put(out, unit, "tht_women_managed", tht)
        _put(out, unit, "new_htx_programme", new_htx)
        _put(out, unit, "new_tht_programme", new_tht)
        _put(out, unit, "coops_consolidated_pct", consolidated, supported_n)


def _yearly_figures(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    c, y = aliased(Cooperative), aliased(CooperativeYear)
    # one year: that year's figures are each cooperative's latest; several: rank them
    latest: Any = (
        literal(1)
        if len(period.years) == 1
        else func.row_number().over(partition_by=y.cooperative_id, order_by=y.year.desc())
    )
    inner = (
        select(
            c.unit_code.label("uc"),
            c.kind.label("kind"),
            y.new_jobs_women.label("jobs"),
            y.female_workers.label("fw"),
            latest.label("rank"),
        )
        .select_from(y)
        .join(c, c.id == y.cooperative_id)
        .where(
            y.deleted_at.is_(None),
            c.deleted_at.is_(None),
            y.year >= period.years[0],
            y.year <= period.years[-1],
            scope.filter(c.unit_code),
        )
        .subquery()
    )
    last = inner.c.rank == 1
    rows = session.execute(
        select(
            inner.c.uc,
            func.sum(case((inner.c.kind.in_(("HTX", "THT")), inner.c.jobs), else_=0)),
            func.sum(case((and_(last, inner.c.kind == "HTX"), inner.c.fw), else_=0)),
            func.sum(case((and_(last, inner.c.kind == "THT"), inner.c.fw), else_=0)),
        ).group_by(inner.c.uc)
    ).all()
    for unit, jobs, fw_htx, fw_tht in rows:
        _put(out, unit, "new_jobs_women", jobs)
        _put(out, unit, "female_workers_htx", fw_htx)
        _put(out, unit, "female_workers_tht", fw_tht)


def _women_manager_training(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    m = women_managers(scope, period).subquery()
    in_period = completed_training(m.c.pid, period.start, period.end)
    since_start = completed_training(m.c.pid, min(PROGRAMME_START, period.start), period.end)
    rows = session.execute(
        select(
            m.c.uc,
            func.count(),
            func.sum(case((in_period, 1), else_=0)),
            func.sum(case((since_start, 1), else_=0)),
        ).group_by(m.c.uc)
    ).all()
    for unit, managers, trained_now, trained_ever in rows:
        _put(out, unit, "women_managers_trained", trained_now)
        _put(out, unit, "women_managers_trained_pct", trained_ever, managers)


def _officer_counts(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    o = officers_query(scope, period).subquery()
    start = min(PROGRAMME_START, period.start)
    trained = completed_training(o.c.person_id, start, period.end, for_officers)
    upskilled = completed_training(o.c.person_id, start, period.end, upskilling)
    rows = session.execute(
        select(
            o.c.unit_code,
            func.count(),
            func.sum(case((trained, 1), else_=0)),
            func.sum(case((upskilled, 1), else_=0)),
        ).group_by(o.c.unit_code)
    ).all()
    for unit, officers, trained_n, upskilled_n in rows:
        _put(out, unit, "officers_trained_pct", trained_n, officers)
        _put(out, unit, "officers_upskilled_pct", upskilled_n, officers)


def _communication(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    a = Activity
    rows = session.execute(
        select(a.unit_code, func.count(), func.sum(a.reach_total), func.sum(a.reach_women))
        .where(
            a.deleted_at.is_(None),
            a.kind == "communication",
            a.held_on >= period.start,
            a.held_on <= period.end,
            scope.filter(a.unit_code),
        )
        .group_by(a.unit_code)
    ).all()
    for unit, events, reach, women in rows:
        _put(out, unit, "comm_events", events)
        _put(out, unit, "comm_reach", reach)
        _put(out, unit, "comm_reach_women", women)


def _trainings(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    t = Training
    in_period = and_(t.deleted_at.is_(None), t.start_on >= period.start, t.start_on <= period.end)
    for unit, courses in session.execute(
        select(t.unit_code, func.count())
        .where(in_period, scope.filter(t.unit_code))
        .group_by(t.unit_code)
    ):
        _put(out, unit, "training_courses", courses)
    pa, p = Participation, Person
    if scope.leaves is not None:  # start from the unit's people (see women_managers)
        pa2, t2 = aliased(Participation), aliased(Training)
        done = (
            select(func.count())
            .select_from(pa2)
            .join(t2, t2.id == pa2.training_id)
            .where(
                pa2.person_id == p.id,
                pa2.completed.is_(True),
                pa2.deleted_at.is_(None),
                t2.deleted_at.is_(None),
                t2.start_on >= period.start,
                t2.start_on <= period.end,
            )
            .scalar_subquery()
        )
        inner = (
            select(p.unit_code.label("uc"), done.label("n"))
            .where(scope.filter(p.unit_code), p.deleted_at.is_(None))
            .subquery()
        )
        rows = session.execute(
            select(
                inner.c.uc,
                func.sum(case((inner.c.n > 0, 1), else_=0)),
                func.sum(inner.c.n),
            )
            .where(inner.c.n > 0)
            .group_by(inner.c.uc)
        ).all()
    else:
        rows = session.execute(
            select(p.unit_code, func.count(func.distinct(pa.person_id)), func.count())
            .select_from(pa)
            .join(t, t.id == pa.training_id)
            .join(p, p.id == pa.person_id)
            .where(
                in_period,
                pa.deleted_at.is_(None),
                pa.completed.is_(True),
                p.deleted_at.is_(None),
            )
            .group_by(p.unit_code)
        ).all()
    for unit, people, participations in rows:
        _put(out, unit, "people_trained", people)
        _put(out, unit, "training_participations", participations)


def _support(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    s = Support
    rows = session.execute(
        select(s.unit_code, s.fund, func.count(), func.sum(s.amount))
        .where(
            s.deleted_at.is_(None),
            s.given_on >= period.start,
            s.given_on <= period.end,
            scope.filter(s.unit_code),
        )
        .group_by(s.unit_code, s.fund)
    ).all()
    for unit, fund, count_n, amount in rows:
        _put(out, unit, "support_count", count_n, part=fund)
        _put(out, unit, "support_amount", amount, part=fund)


def _budget(session: Session, scope: Scope, period: Period, out: Partials) -> None:
    b = Budget
    rows = session.execute(
        select(
            b.unit_code,
            b.source,
            func.sum(b.planned),
            func.sum(b.allocated),
            func.sum(b.spent),
        )
        .where(b.deleted_at.is_(None), b.year.in_(period.years), scope.filter(b.unit_code))
        .group_by(b.unit_code, b.source)
    ).all()
    for unit, source, planned, allocated, spent in rows:
        _put(out, unit, "budget_planned", planned, part=source)
        _put(out, unit, "budget_allocated", allocated, part=source)
        _put(out, unit, "budget_spent", spent, part=source)


_STEPS = (
    _cooperative_counts,
    _yearly_figures,
    _women_manager_training,
    _officer_counts,
    _communication,
    _trainings,
    _support,
    _budget,
)


def compute_partials(session: Session, scope: Scope, period: Period) -> Partials:
    """Every indicator for each unit of the scope that has records, straight from the records."""
    partials: Partials = defaultdict(dict)
    for step in _STEPS:
        step(session, scope, period, partials)
    return partials


def fold(partials: Iterable[dict[str, Value]]) -> dict[str, Value]:
    """The sum of several units' values (ratios: sums of numerators over sums of denominators)."""
    total = _empty()
    for values in partials:
        for code, value in values.items():
            total[code].add(value)
    return total
