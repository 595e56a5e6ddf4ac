"""The plans of the demo: the city plan (targets for the demo's commune), the province's
2024 plan (targets for its province) and, at national scale, Đề án 01 itself with the national
targets, set on the country unit ("VN").

A plan of a unit above the commune is written as it reaches a commune in real work: made once
by that unit's office and sent down. Its records have the same ids and the same version in
every demo of the same seed (a commune's, its province's, the country's): ids drawn from a
generator seeded by (seed, owner) alone, and the version of a fixed replica of the owner's
office (`office_version`), which the database records as known (as an import would). So the
commune demos of one province merge into the province without conflicts, holding its plan once.
(They used to take ids from the writer's counter, the same in every commune demo but moved on
by each commune's records: two communes with as many records shared their plans' ids.) A
commune's own plan draws its ids from (seed, commune).
"""

from __future__ import annotations

import random
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment, Plan, Target
from coopdesk.demo import seed_plans
from coopdesk.demo.writer import Writer
from coopdesk.domain import citations
from coopdesk.domain.unit_catalogue import COUNTRY_CODE
from coopdesk.sync import state, versions

_PLAN_TEXT_FIELDS = (
    "issuer", "number", "issued_on", "title", "period_start", "period_end", "legal_bases",
    "purpose", "requirements", "general_goal", "target_groups", "tasks", "budget_text",
    "reporting", "opening", "specific_goals", "timing", "closing", "heading_groups",
    "heading_tasks", "heading_own", "issuer_header", "parent_body", "symbol", "place",
    "signer_authority", "signer_title", "signer_name", "recipients",
)  # fmt: skip


def office_replica(seed: int, unit_code: str) -> str:
    """The replica id of the office of `unit_code` that made the demo's plans of that unit."""
    return uuid.uuid5(versions.NAMESPACE, f"coopdesk-demo:{seed}:office:{unit_code}").hex


def office_version(seed: int, unit_code: str) -> str:
    """The version of a record made by that office (its first change)."""
    replica = office_replica(seed, unit_code)
    return versions.Version.make(replica, {replica: 1}).text()


def _new_id(rng: random.Random) -> str:
    """A UUID-4 from `rng` alone (not the writer's counter, which depends on what came first)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _plan(
    w: Writer,
    owner: str,
    spec: dict[str, Any],
    targets: list[tuple[str, str, str, int, str]],
    target_unit: str | None,
    assignments: list[tuple[Any, ...]],
    fmt: dict[str, str],
    *,
    seed: int,
    version: str | None,
) -> str:
    """The plan of `owner` with its records, stamped with `version` (None: the writer's)."""
    rng = random.Random(f"coopdesk-demo:{seed}:plans:{owner}")
    stamp = {} if version is None else {"version": version}
    plan_id = _new_id(rng)
    row: dict[str, Any] = {"id": plan_id, "unit_code": owner, **stamp}
    for key in _PLAN_TEXT_FIELDS:
        if key in spec:
            value = spec[key]
            row[key] = value.format(**fmt) if isinstance(value, str) else value
    row["bases"] = citations.dump(spec.get("bases", []))
    w.add(Plan, row)
    for indicator, period, comparison, value, note in targets if target_unit else ():
        w.add(
            Target,
            {  # the writer gives it the id sync derives from its natural key
                "unit_code": owner,
                **stamp,
                "plan_id": plan_id,
                "target_unit_code": target_unit,
                "indicator_code": indicator,
                "period": period,
                "value": Decimal(value),
                "comparison": comparison,
                "note": note,
            },
        )
    for position, (body, task, coordinating, deadline, status, *own) in enumerate(
        assignments, start=1
    ):
        w.add(
            Assignment,
            {
                "id": _new_id(rng),
                "unit_code": owner,
                **stamp,
                "plan_id": plan_id,
                "task": task,
                "responsible_body": body,
                "coordinating_bodies": coordinating,
                "deadline": deadline,
                "status": status,
                "evidence": "Đã có báo cáo kết quả" if status == "done" else "",
                "own_level": bool(own and own[0]),
                "position": position,
            },
        )
    return plan_id


def write_plans(
    session: Session,
    w: Writer,
    seed: int,
    home_commune: str,
    province_code: str,
    province_label: str,
    *,
    national: bool = False,
) -> None:
    """Both seed plans with their targets and assignments (and the national one if asked)."""
    _plan(
        w,
        home_commune,
        seed_plans.CITY_PLAN,
        seed_plans.CITY_TARGETS,
        home_commune,
        seed_plans.CITY_ASSIGNMENTS,
        {"province": province_label},
        seed=seed,
        version=None,
    )
    write_office_plan(session, w, seed, province_code, province_label)
    if national:
        write_office_plan(session, w, seed, COUNTRY_CODE, province_label)


def write_office_plan(
    session: Session, w: Writer, seed: int, unit_code: str, province_label: str
) -> None:
    """The plan of a province (or of the country, "VN") as its office made it, and that this
    database holds that office's change (what an import of its bundle records)."""
    spec: dict[str, Any] = seed_plans.PROVINCE_PLAN
    targets, assignments = seed_plans.PROVINCE_TARGETS, seed_plans.PROVINCE_ASSIGNMENTS
    if unit_code == COUNTRY_CODE:
        spec, targets, assignments = seed_plans.NATIONAL_PLAN, seed_plans.NATIONAL_TARGETS, []
    version = office_version(seed, unit_code)
    fmt = {"province": province_label}
    _plan(w, unit_code, spec, targets, unit_code, assignments, fmt, seed=seed, version=version)
    knowledge = state.load_knowledge(session)
    knowledge.setdefault(office_replica(seed, unit_code), {})[unit_code] = 1
    state.save_knowledge(session, knowledge)
