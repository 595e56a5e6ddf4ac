"""Plans (kế hoạch), their targets and assignments; whether communes' targets cover the
province's; and the deadlines coming up.

Every change goes through `coopdesk.services.records` (validation + audit); these functions add
the rules that are about plans: a target names a known indicator, a period CoopDesk
understands and a comparison (≥, =, about), and one plan sets one target per unit ×
indicator × period (setting it again updates it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment, Plan, Target, Unit
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.domain.validation import Problem, ValidationFailed
from coopdesk.i18n import _
from coopdesk.services import records

ASSIGNMENT_STATUSES = ("open", "in_progress", "done", "late")


# --- plans ---------------------------------------------------------------------------------


def create_plan(session: Session, data: dict[str, Any], actor: str) -> Plan:
    plan: Plan = records.create(session, Plan, data, actor)
    return plan


def update_plan(session: Session, plan: Plan, data: dict[str, Any], actor: str) -> Plan:
    updated: Plan = records.update(session, plan, data, actor)
    return updated


def delete_plan(session: Session, plan: Plan, actor: str) -> None:
    """Delete a plan with its targets and assignments (soft delete, audited)."""
    for target in targets_of(session, plan.id):
        records.delete(session, target, actor)
    for assignment in assignments_of(session, plan.id):
        records.delete(session, assignment, actor)
    records.delete(session, plan, actor)


def plans_for(session: Session, unit_code: str, *, with_parent: bool = False) -> list[Plan]:
    """The unit's plans (and its province's, if asked), newest first."""
    owners = [unit_code]
    if with_parent:
        unit = session.get(Unit, unit_code)
        if unit is not None and unit.parent_code:
            owners.append(unit.parent_code)
    return list(
        session.scalars(
            select(Plan)
            .where(Plan.deleted_at.is_(None), Plan.unit_code.in_(owners))
            .order_by(Plan.period_start.desc(), Plan.issued_on.desc(), Plan.title)
        )
    )


# --- targets -------------------------------------------------------------------------------


def check_target(data: dict[str, Any]) -> list[Problem]:
    """The target-specific rules, as named problems."""
    problems: list[Problem] = []
    code = data.get("indicator_code")
    if code not in reg.BY_CODE:
        problems.append(
            Problem(
                "indicator_code",
                _("Choose an indicator from the list (unknown code “{code}”).").format(code=code),
            )
        )
    try:
        Period.parse(str(data.get("period") or ""))
    except ValueError as exc:
        problems.append(Problem("period", str(exc)))
    if data.get("comparison", ">=") not in reg.COMPARISONS:
        problems.append(Problem("comparison", _("The comparison must be “≥”, “=” or “about”.")))
    value = data.get("value")
    try:
        number = Decimal(str(value))
        if number < 0:
            problems.append(Problem("value", _("A target cannot be negative.")))
        elif code in reg.BY_CODE and reg.BY_CODE[code].unit == "%" and number > 100:
            problems.append(Problem("value", _("A percentage target cannot exceed 100 %.")))
    except (InvalidOperation, ValueError):
        problems.append(Problem("value", _("Enter the target as a number.")))
    if not data.get("target_unit_code"):
        problems.append(Problem("target_unit_code", _("Choose the unit the target is set for.")))
    return problems


def set_target(
    session: Session,
    *,
    owner_unit: str,
    target_unit: str,
    indicator_code: str,
    period: str,
    value: Decimal | int | float | str,
    comparison: str = ">=",
    plan_id: str | None = None,
    note: str = "",
    actor: str,
) -> Target:
    """Create or update the target of a plan (or a loose one) for unit × indicator × period."""
    try:
        key = Period.parse(period).key
    except ValueError:
        key = period
    data: dict[str, Any] = {
        "plan_id": plan_id,
        "target_unit_code": target_unit,
        "indicator_code": indicator_code,
        "period": key,
        "value": value,
        "comparison": comparison,
        "note": note,
    }
    problems = check_target(data)
    if problems:
        raise ValidationFailed(problems)
    data["value"] = Decimal(str(value))
    existing = session.scalars(
        select(Target).where(
            Target.deleted_at.is_(None),
            Target.plan_id.is_(None) if plan_id is None else Target.plan_id == plan_id,
            Target.target_unit_code == target_unit,
            Target.indicator_code == indicator_code,
            Target.period == key,
        )
    ).first()
    if existing is not None:
        updated: Target = records.update(session, existing, data, actor)
        return updated
    created: Target = records.create(session, Target, {"unit_code": owner_unit, **data}, actor)
    return created


def target_units(session: Session, unit_code: str) -> list[tuple[str, str]]:
    """The units a plan of `unit_code` sets targets for: its own, then a province's communes
    (or the country's provinces), as (code, name)."""
    from coopdesk.services import units

    own = units.get(session, unit_code)
    if own is None:
        return [(unit_code, unit_code)]
    below: list[Any] = []
    if own.level == "province":
        below = units.children(session, own.code)
    elif own.code == units.COUNTRY_CODE:
        below = units.children(session)
    return [(own.code, own.name), *((u.code, f"    {u.name}") for u in below)]


def delete_target(session: Session, target: Target, actor: str) -> None:
    records.delete(session, target, actor)


def targets_of(session: Session, plan_id: str) -> list[Target]:
    return list(
        session.scalars(
            select(Target)
            .where(Target.deleted_at.is_(None), Target.plan_id == plan_id)
            .order_by(Target.target_unit_code, Target.period, Target.indicator_code)
        )
    )


@dataclass
class Coverage:
    """Do the communes' targets cover the province's target?"""

    indicator_code: str
    period: str
    province_target: Decimal | None
    communes_total: Decimal  # the sum (for a percentage: the lowest commune target)
    communes_with_target: int
    communes: int
    missing: list[str]  # names of communes without a target

    @property
    def covers(self) -> bool | None:
        if self.province_target is None:
            return None
        if self.communes_with_target == 0:
            return False
        if reg.BY_CODE[self.indicator_code].is_ratio and self.missing:
            return False
        return self.communes_total >= self.province_target

    @property
    def gap(self) -> Decimal:
        if self.province_target is None:
            return Decimal(0)
        return max(Decimal(0), self.province_target - self.communes_total)


def coverage(session: Session, province_code: str, indicator_code: str, period: str) -> Coverage:
    """The province's target against its communes' targets for the same indicator and period.

    Counts and money add up: the communes cover the province when their sum reaches it. A
    percentage does not add up: every commune must aim at least as high as the province.
    """
    ind = reg.get(indicator_code)
    key = Period.parse(period).key
    communes = list(
        session.execute(
            select(Unit.code, Unit.name)
            .where(Unit.parent_code == province_code, Unit.legacy.is_(False))
            .order_by(Unit.code)
        )
    )
    codes = [province_code, *(c.code for c in communes)]
    rows = session.scalars(
        select(Target)
        .where(
            Target.deleted_at.is_(None),
            Target.indicator_code == indicator_code,
            Target.period == key,
            Target.target_unit_code.in_(codes),
        )
        .order_by(Target.updated_at)
    ).all()
    latest: dict[str, Decimal] = {}
    for t in rows:
        latest[t.target_unit_code] = reg.normalize_target(ind, t.value)
    commune_values = [latest[c.code] for c in communes if c.code in latest]
    if ind.is_ratio:
        total = min(commune_values, default=Decimal(0))
    else:
        total = sum(commune_values, Decimal(0))
    return Coverage(
        indicator_code=indicator_code,
        period=key,
        province_target=latest.get(province_code),
        communes_total=total,
        communes_with_target=len(commune_values),
        communes=len(communes),
        missing=[c.name for c in communes if c.code not in latest],
    )


def coverage_all(session: Session, province_code: str) -> list[Coverage]:
    """Coverage for every target the province has set for itself."""
    rows = session.execute(
        select(Target.indicator_code, Target.period)
        .where(Target.deleted_at.is_(None), Target.target_unit_code == province_code)
        .distinct()
        .order_by(Target.period, Target.indicator_code)
    ).all()
    return [
        coverage(session, province_code, code, period)
        for code, period in rows
        if code in reg.BY_CODE
    ]


# --- assignments ---------------------------------------------------------------------------


def add_assignment(session: Session, plan: Plan, data: dict[str, Any], actor: str) -> Assignment:
    check_status(data)
    row = {"unit_code": plan.unit_code, "plan_id": plan.id, **data}
    created: Assignment = records.create(session, Assignment, row, actor)
    return created


def update_assignment(
    session: Session, assignment: Assignment, data: dict[str, Any], actor: str
) -> Assignment:
    check_status(data)
    updated: Assignment = records.update(session, assignment, data, actor)
    return updated


def delete_assignment(session: Session, assignment: Assignment, actor: str) -> None:
    records.delete(session, assignment, actor)


def check_status(data: dict[str, Any]) -> None:
    status = data.get("status")
    if status is not None and status not in ASSIGNMENT_STATUSES:
        raise ValidationFailed(
            [
                Problem(
                    "status",
                    _("Choose a status: open, in progress, done or late (not “{status}”).").format(
                        status=status
                    ),
                )
            ]
        )


def assignments_of(session: Session, plan_id: str) -> list[Assignment]:
    """The plan's assignments in the plan's order (as section VI prints them)."""
    return list(
        session.scalars(
            select(Assignment)
            .where(Assignment.deleted_at.is_(None), Assignment.plan_id == plan_id)
            .order_by(Assignment.position, Assignment.created_at, Assignment.id)
        )
    )


# --- deadlines -----------------------------------------------------------------------------


@dataclass
class Deadline:
    due: dt.date
    title: str
    kind: str  # report | assignment
    days_left: int  # negative when overdue
    responsible: str = ""
    plan_title: str = ""
    status: str = ""


def next_report_date(deadline: str, today: dt.date) -> dt.date:
    """The next yearly report date ("15/11") on or after today."""
    try:
        day, month = (int(p) for p in deadline.strip().split("/")[:2])
        due = dt.date(today.year, month, day)
    except (ValueError, TypeError):
        due = dt.date(today.year, 11, 15)
    if due < today:
        due = due.replace(year=today.year + 1)
    return due


def upcoming_deadlines(
    session: Session,
    unit_code: str,
    today: dt.date,
    *,
    horizon_days: int = 120,
    overdue_days: int = 365,
) -> list[Deadline]:
    """The yearly report date (from the unit's document settings) and the open assignments of
    the unit's and its province's plans due within the horizon (overdue ones too), soonest
    first."""
    from coopdesk.services import settings

    deadlines: list[Deadline] = []
    try:
        report_deadline = settings.get_document_settings(session, unit_code).report_deadline
    except LookupError:
        report_deadline = "15/11"
    due = next_report_date(report_deadline, today)
    period = Period.reporting_year(due.year)
    deadlines.append(
        Deadline(
            due,
            _("Yearly report on the Project ({period})").format(period=period.label()),
            "report",
            (due - today).days,
        )
    )
    owners = [unit_code]
    unit = session.get(Unit, unit_code)
    if unit is not None and unit.parent_code:
        owners.append(unit.parent_code)
    rows = session.execute(
        select(Assignment, Plan.title)
        .join(Plan, Plan.id == Assignment.plan_id)
        .where(
            Assignment.deleted_at.is_(None),
            Plan.deleted_at.is_(None),
            Plan.unit_code.in_(owners),
            Assignment.deadline.is_not(None),
            or_(Assignment.status.is_(None), Assignment.status != "done"),
            Assignment.deadline <= today + dt.timedelta(days=horizon_days),
            Assignment.deadline >= today - dt.timedelta(days=overdue_days),
        )
    ).all()
    for assignment, plan_title in rows:
        assert assignment.deadline is not None
        deadlines.append(
            Deadline(
                assignment.deadline,
                assignment.task,
                "assignment",
                (assignment.deadline - today).days,
                assignment.responsible_body,
                plan_title,
                assignment.status,
            )
        )
    deadlines.sort(key=lambda d: (d.due, d.kind, d.title))
    return deadlines
