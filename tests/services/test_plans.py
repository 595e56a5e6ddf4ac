"""Plans, targets and assignments through the records service; coverage; deadlines."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import AuditEvent, Target
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services import indicators as svc
from coopdesk.services import plans
from tests.services import indicator_data as data
from tests.services.indicator_data import A, B, P

PLAN = {
    "issuer": "UBND thành phố Lai Châu",
    "number": "123/KH-UBND",
    "issued_on": dt.date(2023, 6, 1),
    "title": "Kế hoạch thực hiện Đề án 01 trên địa bàn thành phố",
    "period_start": dt.date(2023, 1, 1),
    "period_end": dt.date(2030, 12, 31),
}


@pytest.fixture
def units(engine: Engine) -> Engine:
    data.units(engine)
    return engine


def test_a_plan_with_targets_and_assignments_is_audited(units: Engine) -> None:
    with session_scope(units) as s:
        plan = plans.create_plan(s, {"unit_code": P, **PLAN}, "Lò Thị Mai")
        plans.set_target(
            s,
            owner_unit=P,
            target_unit=P,
            indicator_code="new_htx_programme",
            period="phase1",
            value=3,
            plan_id=plan.id,
            actor="Lò Thị Mai",
        )
        plans.add_assignment(
            s,
            plan,
            {
                "task": "Tư vấn thành lập mới HTX",
                "responsible_body": "Hội LHPN tỉnh",
                "coordinating_bodies": "Liên minh HTX tỉnh",
                "deadline": dt.date(2025, 12, 31),
                "status": "in_progress",
            },
            "Lò Thị Mai",
        )
        plan_id = plan.id
    with session_scope(units) as s:
        (target,) = plans.targets_of(s, plan_id)
        (assignment,) = plans.assignments_of(s, plan_id)
        assert (target.indicator_code, target.period, target.value) == (
            "new_htx_programme",
            "phase1",
            Decimal(3),
        )
        assert assignment.coordinating_bodies == "Liên minh HTX tỉnh"
        assert [p.title for p in plans.plans_for(s, P)] == [PLAN["title"]]
        entities = [e.entity for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert {"plans", "targets", "assignments"} <= set(entities) or len(entities) == 3
        # setting the same target again updates it
        plans.set_target(
            s,
            owner_unit=P,
            target_unit=P,
            indicator_code="new_htx_programme",
            period="phase1",
            value=4,
            plan_id=plan_id,
            actor="Lò Thị Mai",
        )
    with session_scope(units) as s:
        (target,) = plans.targets_of(s, plan_id)
        assert target.value == 4
        result = svc.compute(s, P, "phase1")
        assert result.targets["new_htx_programme"].value == 4
        plan = plans.plans_for(s, P)[0]
        plans.delete_plan(s, plan, "Lò Thị Mai")
    with session_scope(units) as s:
        assert plans.plans_for(s, P) == []
        assert plans.targets_of(s, plan_id) == []
        after = [json.loads(e.after or "{}") for e in s.scalars(select(AuditEvent))]
        assert len(after) >= 5


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"indicator_code": "htx_magic"}, "indicator_code", "htx_magic"),
        ({"period": "2026q"}, "period", "2026q"),
        ({"comparison": "<"}, "comparison", "≥"),
        ({"value": -1}, "value", "âm"),
        ({"value": "nhiều"}, "value", "bằng số"),
        ({"indicator_code": "officers_trained_pct", "value": 120}, "value", "100"),
    ],
)
def test_a_wrong_target_is_refused_with_a_named_problem(
    units: Engine, change: dict, field: str, words: str
) -> None:
    args = {
        "owner_unit": P,
        "target_unit": P,
        "indicator_code": "comm_reach",
        "period": "2026",
        "value": 10,
        "comparison": ">=",
        "actor": "x",
        **change,
    }
    with session_scope(units) as s:
        with pytest.raises(ValidationFailed) as info:
            plans.set_target(s, **args)
        assert [p.field for p in info.value.errors] == [field]
        assert words in str(info.value)
        assert s.scalars(select(Target)).all() == []


def _set(s, unit: str, code: str, period: str, value: int) -> None:
    plans.set_target(
        s,
        owner_unit=P,
        target_unit=unit,
        indicator_code=code,
        period=period,
        value=value,
        actor="x",
    )


def test_communes_targets_cover_the_province_or_not(units: Engine) -> None:
    with session_scope(units) as s:
        _set(s, P, "comm_reach", "2026", 1000)
        _set(s, A, "comm_reach", "2026", 600)
        _set(s, B, "comm_reach", "2026", 300)
        _set(s, P, "new_htx_programme", "2026", 2)
        _set(s, A, "new_htx_programme", "2026", 1)
        _set(s, B, "new_htx_programme", "2026", 1)
        _set(s, P, "officers_trained_pct", "2026", 90)
        _set(s, A, "officers_trained_pct", "2026", 100)
        _set(s, B, "officers_trained_pct", "2026", 80)
    with session_scope(units) as s:
        reach = plans.coverage(s, P, "comm_reach", "2026")
        htx = plans.coverage(s, P, "new_htx_programme", "2026")
        pct = plans.coverage(s, P, "officers_trained_pct", "2026")
        everything = plans.coverage_all(s, P)
    assert (reach.communes_total, reach.covers, reach.gap) == (900, False, 100)
    assert (htx.communes_total, htx.covers, htx.gap) == (2, True, 0)
    # a percentage is not added up: the lowest commune target (80 %) is below 90 %
    assert (pct.communes_total, pct.covers) == (80, False)
    assert len(everything) == 3 and reach.communes_with_target == 2
    # other communes of the catalogue (if loaded) have no target yet and are named
    assert not {"Phường Tân Phong", "Xã Bản Giang"} & set(reach.missing)
    assert len(reach.missing) == reach.communes - 2


def test_a_province_target_without_commune_targets_is_not_covered(units: Engine) -> None:
    with session_scope(units) as s:
        _set(s, P, "comm_reach", "2026", 1000)
        _set(s, A, "comm_reach", "2026", 2000)
        cov = plans.coverage(s, P, "comm_reach", "2026")
    assert cov.covers is True and "Xã Bản Giang" in cov.missing
    assert "Phường Tân Phong" not in cov.missing
    with session_scope(units) as s:
        _set(s, P, "officers_trained_pct", "2026", 90)
        _set(s, A, "officers_trained_pct", "2026", 95)
        cov = plans.coverage(s, P, "officers_trained_pct", "2026")
    assert cov.covers is False  # Bản Giang has no target at all


def test_upcoming_deadlines_with_days_left(units: Engine) -> None:
    today = dt.date(2026, 11, 1)
    with session_scope(units) as s:
        plan = plans.create_plan(s, {"unit_code": P, **PLAN}, "x")
        for task, deadline, status in (
            ("Kiểm tra, giám sát", dt.date(2026, 11, 20), "open"),
            ("Sơ kết giai đoạn 1", dt.date(2026, 10, 30), "late"),
            ("Đã làm xong", dt.date(2026, 11, 5), "done"),
            ("Xa quá", dt.date(2027, 12, 31), "open"),
        ):
            plans.add_assignment(
                s,
                plan,
                {
                    "task": task,
                    "responsible_body": "Hội LHPN tỉnh",
                    "deadline": deadline,
                    "status": status,
                },
                "x",
            )
    with session_scope(units) as s:
        commune = plans.upcoming_deadlines(s, A, today)  # the province's plan concerns A too
        province = plans.upcoming_deadlines(s, P, today)
    assert [(d.title, d.days_left) for d in commune] == [
        ("Sơ kết giai đoạn 1", -2),
        (
            "Báo cáo kết quả thực hiện Đề án hằng năm (Năm báo cáo 2026 (15/11/2025 – 14/11/2026))",
            14,
        ),
        ("Kiểm tra, giám sát", 19),
    ]
    assert [d.kind for d in province] == ["assignment", "report", "assignment"]


def test_the_report_date_comes_from_the_document_settings(units: Engine) -> None:
    from coopdesk.services import settings

    with session_scope(units) as s:
        settings.save_document_settings(s, P, {"report_deadline": "30/11"})
    with session_scope(units) as s:
        (report,) = plans.upcoming_deadlines(s, P, dt.date(2026, 11, 16))
    assert (report.due, report.days_left) == (dt.date(2026, 11, 30), 14)


def test_the_report_date_rolls_over_to_next_year() -> None:
    assert plans.next_report_date("15/11", dt.date(2026, 11, 16)) == dt.date(2027, 11, 15)
    assert plans.next_report_date("15/11", dt.date(2026, 11, 15)) == dt.date(2026, 11, 15)
    assert plans.next_report_date("nonsense", dt.date(2026, 1, 1)) == dt.date(2026, 11, 15)
