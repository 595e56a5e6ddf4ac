"""What the overview page shows, read in one call each: the indicators of a unit and period with
the targets that apply (`coopdesk.domain.targets`), the deadlines (an overdue yearly report
first), the chart's values by year, and the units its selector offers.

The GUI calls these through `ctx.read_later(fn, …)`; nothing here commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Report
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import PROGRAMME_START, Period
from coopdesk.domain.targets import applicable_keys, judged_over
from coopdesk.i18n import _
from coopdesk.services import indicators, plans, settings, units

ANNUAL_REPORT = "annual"  # the template of the yearly results report


@dataclass
class Overview:
    """The overview of one unit and period (plain values, made off the GUI thread)."""

    result: indicators.Result
    targets: dict[str, indicators.TargetInfo]  # the target that applies, per indicator code
    statuses: dict[str, reg.Status]
    deadlines: list[plans.Deadline]
    overdue_report: plans.Deadline | None
    coverage: dict[str, plans.Coverage] = field(default_factory=dict)  # a province's targets


@dataclass
class History:
    """Each indicator by calendar year for the chart, with the phase targets."""

    unit_code: str | None
    by_year: dict[int, dict[str, Any] | None]
    phase_targets: dict[str, dict[str, indicators.TargetInfo]]


def reporting_cutoff(session: Session, unit_code: str) -> str | None:
    """When the unit's reporting year starts ("11-15"); None for a unit not in the catalogue."""
    try:
        return settings.get_document_settings(session, unit_code).reporting_cutoff
    except LookupError:
        return None


def unit_choices(session: Session, unit_code: str, aggregator: bool) -> list[tuple[str, str]]:
    """The units the selector offers: the installation's unit, and below it for a province;
    the whole country and every province too when the database holds other provinces."""
    own = units.get(session, unit_code)
    if own is None:
        return [(unit_code, unit_code)]
    choices = [(own.code, own.name)]
    if own.level == "province":
        choices += [(c.code, f"    {c.name}") for c in units.children(session, own.code)]
        if aggregator and indicators.holds_other_provinces(session, own.code):
            others = [(p.code, p.name) for p in units.children(session) if p.code != own.code]
            choices = [(units.COUNTRY_CODE, _("Whole country")), *choices, *others]
    return choices


def load_overview(
    session: Session, unit_code: str | None, period: Period, today: dt.date
) -> Overview:
    """The indicators, applicable targets and their status, deadlines and coverage."""
    result = indicators.compute(session, unit_code, period, today=today)
    targets = applicable_targets(session, result.scope.unit_code, period)
    statuses = {
        ind.code: target_status(result, ind.code, targets.get(ind.code), today)
        for ind in reg.INDICATORS
    }
    deadlines: list[plans.Deadline] = []
    overdue = None
    if unit_code:
        deadlines = plans.upcoming_deadlines(session, unit_code, today)
        overdue = overdue_report(session, unit_code, today)
        if overdue is not None:
            deadlines.insert(0, overdue)
    coverage = {}
    if unit_code and result.scope.level == "province":
        for code, target in targets.items():
            coverage[code] = plans.coverage(session, unit_code, code, target.period)
    return Overview(result, targets, statuses, deadlines, overdue, coverage)


def applicable_targets(
    session: Session, unit_code: str | None, period: Period
) -> dict[str, indicators.TargetInfo]:
    """Per indicator, the most specific target that applies to the period (domain.targets)."""
    by_key: dict[str, dict[str, indicators.TargetInfo]] = {}
    out: dict[str, indicators.TargetInfo] = {}
    for ind in reg.INDICATORS:
        for key in applicable_keys(period, ind):
            if key not in by_key:
                by_key[key] = indicators.targets_for(session, unit_code, Period.parse(key))
            target = by_key[key].get(ind.code)
            if target is not None:
                out[ind.code] = target
                break
    return out


def target_status(
    result: indicators.Result,
    code: str,
    target: indicators.TargetInfo | None,
    today: dt.date,
) -> reg.Status:
    """Where the value stands against the target, judged over the target's own span."""
    if target is None:
        return reg.Status.NO_TARGET
    elapsed = judged_over(result.period, target.period).fraction_elapsed(today)
    return reg.target_status(result.values[code].value, target.value, target.comparison, elapsed)


def overdue_report(session: Session, unit_code: str, today: dt.date) -> plans.Deadline | None:
    """The yearly report whose date (from the unit's settings) has passed while no yearly
    report of that year was issued; None when it was, or when the date has not come yet."""
    try:
        docs = settings.get_document_settings(session, unit_code)
    except LookupError:
        return None
    upcoming = plans.next_report_date(docs.report_deadline, today)
    if upcoming == today:
        return None  # due today, not late yet: the upcoming deadline says so
    try:
        due = upcoming.replace(year=upcoming.year - 1)
    except ValueError:  # 29/02 in a year without one
        due = upcoming.replace(year=upcoming.year - 1, day=28)
    if due < PROGRAMME_START or annual_report_issued(session, unit_code, due.year):
        return None
    period = Period.reporting_year(due.year, docs.reporting_cutoff)
    title = _("Yearly report on the Project ({period})").format(period=period.label())
    return plans.Deadline(due, title, "report", (due - today).days)


def annual_report_issued(session: Session, unit_code: str, year: int) -> bool:
    """Whether the unit issued its yearly results report for the (calendar or reporting) year."""
    found = session.execute(
        select(Report.id)
        .where(
            Report.unit_code == unit_code,
            Report.template == ANNUAL_REPORT,
            Report.status == "issued",
            Report.deleted_at.is_(None),
            Report.period.in_((str(year), f"{year}r")),
        )
        .limit(1)
    ).first()
    return found is not None


def load_history(
    session: Session, unit_code: str | None, years: tuple[int, ...], today: dt.date
) -> History:
    """The chart's values: each indicator per calendar year, and the phase targets."""
    by_year = indicators.compute_by_year(session, unit_code, years, until=today)
    return History(unit_code, by_year, indicators.phase_targets(session, unit_code))
