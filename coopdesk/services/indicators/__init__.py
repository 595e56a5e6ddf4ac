"""Every indicator of `coopdesk.domain.indicators` for a unit subtree and a period, with the
targets set for it.

Where a change goes:
- a new indicator: name it in `coopdesk.domain.indicators` (the registry) and count it in
  `.counting` (its SQL, beside the others; the classification rules are `coopdesk.services.rules`);
  `.behind` lists its records from the same conditions, and `.national` counts them for every
  unit and several periods at once (tests/services/test_rules_property.py holds the two);
- which units count (a commune, a province, the country): `.scope`;
- adding values up: `.values`; keeping them in the database: `.summary`.

The values come from `.summary`, which keeps each unit's partial values in the database (kept
current by triggers) and computes only what is missing with `.counting` (the whole country,
and the chart's years together, with `.national`). The subtree's value is the sum of its units'
values; ratios add numerators and denominators.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Target, Unit
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.services.indicators import behind
from coopdesk.services.indicators import summary as indicator_summary
from coopdesk.services.indicators.behind import Behind
from coopdesk.services.indicators.scope import Scope, UnknownUnit, resolve_scope
from coopdesk.services.indicators.values import Value
from coopdesk.services.units import COUNTRY_CODE

NATIONAL = None  # the unit "code" of the whole country (its targets are set on COUNTRY_CODE)


@dataclass
class TargetInfo:
    value: Decimal
    comparison: str
    period: str
    note: str = ""


@dataclass
class Result:
    scope: Scope
    period: Period
    values: dict[str, Value]
    by_child: dict[str, dict[str, Value]]  # child unit code → values
    targets: dict[str, TargetInfo]
    elapsed: float

    def status(self, code: str) -> reg.Status:
        target = self.targets.get(code)
        if target is None:
            return reg.Status.NO_TARGET
        return reg.target_status(
            self.values[code].value, target.value, target.comparison, self.elapsed
        )


def compute(
    session: Session,
    unit_code: str | None,
    period: Period | str,
    *,
    today: dt.date | None = None,
    scope: Scope | None = None,
    children: bool = True,
) -> Result:
    """Every indicator for the unit's subtree, its children's values (a province's only when
    `children`: without, `by_child` may be empty) and the targets."""
    period = Period.parse(period) if isinstance(period, str) else period
    scope = scope or resolve_scope(session, unit_code, period)
    values, by_child = indicator_summary.rollup(session, scope, period, children)
    return Result(
        scope=scope,
        period=period,
        values=values,
        by_child=by_child,
        targets=targets_for(session, scope.unit_code, period),
        elapsed=period.fraction_elapsed(today or dt.date.today()),
    )


def compute_by_year(
    session: Session, unit_code: str | None, years: Sequence[int], *, until: dt.date | None = None
) -> dict[int, dict[str, Value] | None]:
    """Each indicator per calendar year (for the chart); years after `until` are None (a
    cooperative that exists today would otherwise "exist" in 2030 too)."""
    scope = resolve_scope(session, unit_code)
    counted = [year for year in years if until is None or year <= until.year]
    periods = [Period.calendar_year(year) for year in counted]
    rolled = indicator_summary.rollups(session, scope, periods, children=False)
    values = dict(zip(counted, rolled, strict=True))
    return {year: values[year][0] if year in values else None for year in years}


def holds_other_provinces(session: Session, province_code: str) -> bool:
    """Whether this database holds cooperatives of units outside the province (a national
    collection, such as the national demo): the overview then offers the whole country."""
    subtree = select(Unit.code).where(
        or_(Unit.code == province_code, Unit.parent_code == province_code)
    )
    found = session.execute(
        select(Cooperative.id).where(Cooperative.unit_code.not_in(subtree)).limit(1)
    ).first()
    return found is not None


# --- targets -------------------------------------------------------------------------------


def targets_for(session: Session, unit_code: str | None, period: Period) -> dict[str, TargetInfo]:
    """Targets set for exactly this unit and period string (e.g. "2026", "phase1", "2026r")."""
    unit_code = unit_code or COUNTRY_CODE  # the whole country's targets hang on "VN"
    rows = session.scalars(
        select(Target)
        .where(
            Target.deleted_at.is_(None),
            Target.target_unit_code == unit_code,
            Target.period == period.key,
        )
        .order_by(Target.updated_at)
    ).all()
    out: dict[str, TargetInfo] = {}
    for t in rows:  # the latest one wins when two plans set the same target
        if t.indicator_code in reg.BY_CODE:
            value = reg.normalize_target(reg.BY_CODE[t.indicator_code], t.value)
            out[t.indicator_code] = TargetInfo(value, t.comparison, t.period, t.note)
    return out


def phase_targets(session: Session, unit_code: str | None) -> dict[str, dict[str, TargetInfo]]:
    """Targets for the phases and the whole programme: code → {"phase1"/"phase2"/"all": …}."""
    unit_code = unit_code or COUNTRY_CODE  # the whole country's targets hang on "VN"
    rows = session.scalars(
        select(Target)
        .where(
            Target.deleted_at.is_(None),
            Target.target_unit_code == unit_code,
            Target.period.in_(("phase1", "phase2", "all")),
        )
        .order_by(Target.updated_at)
    ).all()
    out: dict[str, dict[str, TargetInfo]] = defaultdict(dict)
    for t in rows:
        if t.indicator_code in reg.BY_CODE:
            value = reg.normalize_target(reg.BY_CODE[t.indicator_code], t.value)
            out[t.indicator_code][t.period] = TargetInfo(value, t.comparison, t.period, t.note)
    return dict(out)


# --- the rows behind a number --------------------------------------------------------------


def records_behind(
    session: Session,
    code: str,
    unit_code: str | None,
    period: Period | str,
    *,
    limit: int | None = 5000,
) -> Behind:
    """The rows an indicator counts, with names: see `.behind`."""
    return behind.records_behind(session, code, unit_code, period, limit=limit)


__all__ = [
    "Behind",
    "Result",
    "Scope",
    "TargetInfo",
    "UnknownUnit",
    "Value",
    "compute",
    "compute_by_year",
    "holds_other_provinces",
    "phase_targets",
    "records_behind",
    "resolve_scope",
    "targets_for",
]
