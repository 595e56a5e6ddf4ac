"""A plan with its targets and assignments, saved in one go without the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment, Plan, Target
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services.registry import plans
from tests.services.registry.conftest import OFFICER


def _plan(**parts) -> plans.PlanDraft:
    return plans.PlanDraft(
        fields={
            "title": "Kế hoạch thực hiện Đề án 01 năm 2026",
            "issuer": "Hội LHPN phường Tân Phong",
            "period_start": dt.date(2026, 1, 1),
            "period_end": dt.date(2026, 12, 31),
        },
        **parts,
    )


def _live(session: Session) -> list[tuple[str, str, int]]:
    rows = session.execute(
        select(Target.indicator_code, Target.period, Target.value)
        .where(Target.deleted_at.is_(None))
        .order_by(Target.indicator_code)
    )
    return [(c, p, int(v)) for c, p, v in rows]


def test_targets_set_changed_and_removed_through_the_plan(session: Session) -> None:
    draft = _plan(
        targets=[
            {"indicator_code": "htx_women_managed", "period": "2026", "value": 3},
            {"indicator_code": "new_jobs_women", "period": "2026", "value": 20},
        ],
        assignments=[{"task": "Tuyên truyền", "responsible_body": "Ban Tuyên giáo"}],
    )
    saved = plans.save_plan(session, draft, OFFICER)
    assert _live(session) == [("htx_women_managed", "2026", 3), ("new_jobs_women", "2026", 20)]
    loaded = plans.load_plan(session, saved.id)
    assert loaded.targets is not None and loaded.assignments is not None
    assert loaded.targets[0]["target_unit_code"] == "03408"
    loaded.targets = [t | {"value": 5} for t in loaded.targets if t["value"] == 3]
    loaded.assignments[0]["status"] = "done"
    plans.save_plan(session, loaded, OFFICER)
    assert _live(session) == [("htx_women_managed", "2026", 5)]
    assert session.scalars(select(Assignment.status)).all() == ["done"]


def test_a_wrong_target_is_named_and_nothing_is_saved(session: Session) -> None:
    draft = _plan(
        targets=[
            {"indicator_code": "htx_women_managed", "period": "2026", "value": 3},
            {"indicator_code": "coops_consolidated_pct", "period": "2026", "value": 120},
            {"indicator_code": "htx_women_managed", "period": "năm sau", "value": 1},
        ],
        assignments=[{"task": "Tuyên truyền", "status": "sắp xong"}],
    )
    problems = {p.field: p.message for p in plans.check_plan(session, draft)}
    assert problems["targets[1].value"] == "Chỉ tiêu tỷ lệ không thể vượt quá 100 %."
    assert "targets[2].period" in problems
    assert {"assignments[0].responsible_body", "assignments[0].status"} <= set(problems)
    with pytest.raises(ValidationFailed):
        plans.save_plan(session, draft, OFFICER)
    assert session.scalars(select(Plan)).all() == []
    assert session.scalars(select(Target)).all() == []


def test_a_target_twice_or_for_another_commune(session: Session) -> None:
    twice = {"indicator_code": "htx_women_managed", "period": "2026", "value": 3}
    other = {**twice, "period": "2027", "target_unit_code": "12"}  # the province, above
    problems = plans.check_plan(session, _plan(targets=[twice, dict(twice), other]))
    assert [(p.field, p.message) for p in problems] == [
        ("targets[1].period", "Chỉ tiêu này đã có trong kế hoạch."),
        (
            "targets[2].target_unit_code",
            "Kế hoạch chỉ giao chỉ tiêu cho đơn vị ban hành hoặc các đơn vị trực thuộc.",
        ),
    ]
