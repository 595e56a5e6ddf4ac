"""A plan (kế hoạch) with its targets and assignments, saved in one go:
`save_plan(session, draft, actor)`.

A target row: "indicator_code", "period" ("2026", "phase1", "2026r"…), "comparison"
(">=", "=", "about"), "value" and "target_unit_code" (the plan's unit, or for a province's
plan one of its communes). An assignment row: "task", "responsible_body",
"coordinating_bodies", "deadline", "status", "evidence". The rules about targets and
assignments live in `coopdesk.services.plans`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment, Plan, Target
from coopdesk.domain.periods import Period
from coopdesk.domain.validation import Problem, ValidationFailed, validate
from coopdesk.i18n import _
from coopdesk.services import plans, records
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    PartSpec,
    Saved,
    check_record,
    differs,
    in_part,
    main_values,
    raise_on_errors,
    save_main,
    stored,
    unknown_rows,
    values_of,
)

FIELDS = (
    "unit_code", "title", "issuer", "number", "issued_on", "period_start", "period_end",
    "legal_bases", "purpose", "requirements", "general_goal", "target_groups", "tasks",
    "budget_text", "reporting",
    # as real plans are written, and the plan's own issuer and signature (0020)
    "bases", "opening", "specific_goals", "timing", "closing",
    "heading_groups", "heading_tasks", "heading_own", "issuer_header", "parent_body", "symbol",
    "place", "signer_authority", "signer_title", "signer_name", "recipients",
)  # fmt: skip
TARGET_KEYS = ("indicator_code", "period", "comparison", "value", "target_unit_code", "note")
ASSIGNMENT_KEYS = (
    "task", "responsible_body", "coordinating_bodies", "deadline", "status", "evidence",
    "own_level",
)  # fmt: skip


@dataclass
class PlanDraft(Draft):
    MODEL = Plan
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {
        "targets": PartSpec(Target, TARGET_KEYS),
        "assignments": PartSpec(Assignment, ASSIGNMENT_KEYS),
    }

    targets: list[dict[str, Any]] | None = None
    assignments: list[dict[str, Any]] | None = None


def new_plan() -> PlanDraft:
    return PlanDraft(targets=[], assignments=[])


def load_plan(session: Session, plan_id: str) -> PlanDraft:
    plan = records.get_live(session, Plan, plan_id)
    return PlanDraft(
        id=plan.id,
        fields=values_of(plan, FIELDS),
        targets=[
            {"id": t.id, **values_of(t, TARGET_KEYS)} for t in plans.targets_of(session, plan.id)
        ],
        assignments=[
            {"id": a.id, **values_of(a, ASSIGNMENT_KEYS)}
            for a in plans.assignments_of(session, plan.id)
        ],
    )


# --- checking --------------------------------------------------------------------------------


def target_problems(row: dict[str, Any]) -> list[Problem]:
    """The problems of one target as typed (the editor's Add checks this too)."""
    if row.get("value") is None:
        return [Problem("value", _("Enter the target as a number."))]
    return plans.check_target({**row, "comparison": row.get("comparison") or ">="})


def assignment_problems(row: dict[str, Any]) -> list[Problem]:
    """The problems of one assignment as typed."""
    problems = validate("Assignment", {"plan_id": "-", **row})
    try:
        plans.check_status(row)
    except ValidationFailed as exc:
        problems += exc.problems
    return problems


def target_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """What makes a target one of a plan's: unit × indicator × period."""
    period: Any = row.get("period")
    with contextlib.suppress(ValueError):
        period = Period.parse(str(period or "")).key
    return (row.get("target_unit_code"), row.get("indicator_code"), period)


def check_plan(session: Session, draft: PlanDraft) -> list[Problem]:
    try:
        plan = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    data = main_values(session, draft)
    problems = check_record(session, Plan, data, plan)
    unit = data.get("unit_code") or (plan.unit_code if plan else "")
    if draft.targets is not None:
        problems += _target_problems(session, draft.targets, plan, unit)
    if draft.assignments is not None:
        existing = {a.id: a for a in plans.assignments_of(session, plan.id)} if plan else {}
        problems += unknown_rows("assignments", draft.assignments, existing, lambda n: n)
        for n, row in enumerate(draft.assignments):
            found = assignment_problems({k: row.get(k) for k in ASSIGNMENT_KEYS if k in row})
            problems += in_part("assignments", n, found)
    return problems


def _target_problems(
    session: Session, rows: list[dict[str, Any]], plan: Any, unit: str
) -> list[Problem]:
    existing = {t.id: t for t in plans.targets_of(session, plan.id)} if plan else {}
    problems = unknown_rows("targets", rows, existing, lambda n: n)
    allowed = {code for code, _name in plans.target_units(session, unit)} if unit else set()
    seen: set[tuple[Any, ...]] = set()
    for n, row in enumerate(rows):
        values = {"target_unit_code": unit, **{k: row.get(k) for k in TARGET_KEYS if k in row}}
        found = target_problems(values)
        code = values.get("target_unit_code")
        if code and allowed and code not in allowed:
            message = _("A plan sets targets for its own unit or the units below it.")
            found.append(Problem("target_unit_code", message))
        key = target_key(values)
        if key in seen:
            found.append(Problem("period", _("This target is already in the plan.")))
        seen.add(key)
        problems += in_part("targets", n, found)
    return problems


# --- saving ----------------------------------------------------------------------------------


def save_plan(session: Session, draft: PlanDraft, actor: str) -> Saved:
    """Create or update the plan, its targets and its assignments, in the caller's
    transaction; ValidationFailed (nothing written) when a field or a row is wrong."""
    raise_on_errors(check_plan(session, draft))
    plan = save_main(session, draft, actor)
    if draft.targets is not None:
        _save_targets(session, plan, draft.targets, actor)
    if draft.assignments is not None:
        _save_assignments(session, plan, draft.assignments, actor)
    return Saved.of(plan)


def _save_targets(session: Session, plan: Plan, rows: list[dict[str, Any]], actor: str) -> None:
    """Delete the targets left out (or moved to another unit, indicator or period), then set
    the new and changed ones (services.plans.set_target: one per unit × indicator × period)."""
    existing = {t.id: t for t in plans.targets_of(session, plan.id)}
    typed = [
        (row.get("id"), {"target_unit_code": plan.unit_code, "comparison": ">=", **row})
        for row in rows
    ]
    kept = {
        rid
        for rid, values in typed
        if rid in existing
        and target_key(values) == target_key(values_of(existing[rid], TARGET_KEYS))
    }
    for stored_id, target in existing.items():
        if stored_id not in kept:
            plans.delete_target(session, target, actor)
    for rid, values in typed:
        old = existing.get(rid or "")
        if rid in kept and old is not None and not _target_changed(old, values):
            continue
        plans.set_target(
            session,
            owner_unit=plan.unit_code,
            target_unit=values["target_unit_code"],
            indicator_code=values["indicator_code"],
            period=values["period"],
            value=values["value"],
            comparison=values["comparison"] or ">=",
            plan_id=plan.id,
            note=values.get("note") or "",
            actor=actor,
        )


def _target_changed(old: Target, values: dict[str, Any]) -> bool:
    return (
        Decimal(str(values["value"])) != old.value
        or (values["comparison"] or ">=") != old.comparison
        or (values.get("note") or "") != (old.note or "")
    )


def _save_assignments(session: Session, plan: Plan, rows: list[dict[str, Any]], actor: str) -> None:
    existing = {a.id: a for a in plans.assignments_of(session, plan.id)}
    kept = {row.get("id") for row in rows}
    for rid, assignment in existing.items():
        if rid not in kept:
            plans.delete_assignment(session, assignment, actor)
    for position, row in enumerate(rows, start=1):
        data = {k: row.get(k) for k in ASSIGNMENT_KEYS if k in row}
        data["status"] = data.get("status") or "open"
        data["own_level"] = bool(data.get("own_level"))
        data["position"] = position  # the plan prints them in the order entered
        old = existing.get(row.get("id") or "")
        if old is None:
            plans.add_assignment(session, plan, data, actor)
        elif differs(old, data):
            plans.update_assignment(session, old, data, actor)


def delete_plan(session: Session, plan_id: str, actor: str) -> None:
    """Delete the plan with its targets and assignments (soft delete, audited)."""
    plans.delete_plan(session, records.get_live(session, Plan, plan_id), actor)


AREA = Area(
    kind="plans",
    entity="plans",
    draft=PlanDraft,
    new=new_plan,
    load=load_plan,
    check=check_plan,
    save=save_plan,
    delete=delete_plan,
)
