"""The plans of the demo: the city plan (targets for the demo's commune), the province's
2024 plan (targets for its province) and, at national scale, Đề án 01 itself with the national
targets, set on the country unit ("VN").
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from coopdesk.db.models import Assignment, Plan, Target
from coopdesk.demo import seed_plans
from coopdesk.demo.writer import Writer

_PLAN_TEXT_FIELDS = (
    "issuer", "number", "issued_on", "title", "period_start", "period_end", "legal_bases",
    "purpose", "requirements", "general_goal", "target_groups", "tasks", "budget_text",
    "reporting",
)  # fmt: skip


def _plan(
    w: Writer,
    rng: random.Random,
    owner: str,
    spec: dict[str, Any],
    targets: list[tuple[str, str, str, int, str]],
    target_unit: str | None,
    assignments: list[tuple[str, str, str, Any, str]],
    fmt: dict[str, str],
) -> str:
    plan_id = w.new_id(rng)
    row: dict[str, Any] = {"id": plan_id, "unit_code": owner}
    for key in _PLAN_TEXT_FIELDS:
        if key in spec:
            value = spec[key]
            row[key] = value.format(**fmt) if isinstance(value, str) else value
    w.add(Plan, row)
    for indicator, period, comparison, value, note in targets if target_unit else ():
        w.add(
            Target,
            {
                "id": w.new_id(rng),
                "unit_code": owner,
                "plan_id": plan_id,
                "target_unit_code": target_unit,
                "indicator_code": indicator,
                "period": period,
                "value": Decimal(value),
                "comparison": comparison,
                "note": note,
            },
        )
    for body, task, coordinating, deadline, status in assignments:
        w.add(
            Assignment,
            {
                "id": w.new_id(rng),
                "unit_code": owner,
                "plan_id": plan_id,
                "task": task,
                "responsible_body": body,
                "coordinating_bodies": coordinating,
                "deadline": deadline,
                "status": status,
                "evidence": "Đã có báo cáo kết quả" if status == "done" else "",
            },
        )
    return plan_id


def write_plans(
    w: Writer,
    seed: int,
    home_commune: str,
    province_code: str,
    province_label: str,
    *,
    national: bool = False,
) -> None:
    """Both seed plans with their targets and assignments (and the national one if asked)."""
    rng = random.Random(f"coopdesk-demo:{seed}:plans")
    fmt = {"province": province_label}
    _plan(
        w,
        rng,
        home_commune,
        seed_plans.CITY_PLAN,
        seed_plans.CITY_TARGETS,
        home_commune,
        seed_plans.CITY_ASSIGNMENTS,
        fmt,
    )
    _plan(
        w,
        rng,
        province_code,
        seed_plans.PROVINCE_PLAN,
        seed_plans.PROVINCE_TARGETS,
        province_code,
        seed_plans.PROVINCE_ASSIGNMENTS,
        fmt,
    )
    if national:
        from coopdesk.services.units import COUNTRY_CODE

        _plan(
            w,
            rng,
            COUNTRY_CODE,
            seed_plans.NATIONAL_PLAN,
            seed_plans.NATIONAL_TARGETS,
            COUNTRY_CODE,
            [],
            fmt,
        )
