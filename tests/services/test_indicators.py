"""Every indicator against hand-counted fixtures (tests/services/indicator_data.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Target
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.services import indicators as svc
from tests.services import indicator_data as data
from tests.services.indicator_data import A, B, P


@pytest.fixture
def built(engine: Engine) -> Engine:
    data.build(engine)
    return engine


def test_the_fixture_covers_every_indicator() -> None:
    assert set(data.EXPECTED_2025) == set(reg.CODES)


@pytest.mark.parametrize("code", reg.CODES)
def test_each_indicator_for_the_province_and_each_commune(built: Engine, code: str) -> None:
    with session_scope(built) as s:
        province = svc.compute(s, P, "2025")
        commune_a = svc.compute(s, A, "2025")
    expected = data.EXPECTED_2025[code]
    for unit, values in ((P, province.values), (A, commune_a.values), (B, province.by_child[B])):
        num, den = expected[unit]
        got = values[code]
        assert (got.numerator, got.denominator) == (
            Decimal(num),
            None if den is None else Decimal(den),
        ), f"{code} for {unit}"
        assert got.value == data.expected_value(num, den)
    # the province's child A equals A computed on its own
    assert province.by_child[A][code].value == commune_a.values[code].value


def test_percentages_add_numerators_and_denominators_not_percentages(built: Engine) -> None:
    with session_scope(built) as s:
        result = svc.compute(s, P, "2025")
    a = result.by_child[A]["coops_consolidated_pct"].value
    b = result.by_child[B]["coops_consolidated_pct"].value
    assert a is not None and b is not None
    assert round(a, 1) == Decimal("33.3") and b == 100
    province = result.values["coops_consolidated_pct"].value
    assert province == 50  # 2 of 4, not (33.3 + 100) / 2 = 66.7
    assert province != (a + b) / 2


def test_children_of_a_province_are_its_communes(built: Engine) -> None:
    with session_scope(built) as s:
        result = svc.compute(s, P, "2025")
    codes = [code for code, _name in result.scope.children]
    assert {A, B} <= set(codes) and codes == sorted(codes)  # the official code order
    # communes without records are there with zeros
    assert all(
        v["comm_events"].numerator == 0 for c, v in result.by_child.items() if c not in (A, B)
    )
    assert result.scope.level == "province"


def test_breakdowns_by_fund_and_source(built: Engine) -> None:
    with session_scope(built) as s:
        values = svc.compute(s, P, "2025").values
    assert values["support_amount"].breakdown == {
        "womens_development_fund": 50_000_000,
        "vbsp": 30_000_000,
    }
    assert values["support_count"].breakdown == {"womens_development_fund": 1, "vbsp": 1}
    assert values["budget_spent"].breakdown == {"state_budget": 12_000_000, "mtqg_rural": 7_000_000}


def test_period_boundaries_move_records_between_periods(built: Engine) -> None:
    with session_scope(built) as s:
        y2024 = svc.compute(s, P, "2024").values
        y2026 = svc.compute(s, P, "2026").values
        r2026 = svc.compute(s, P, "2026r").values  # 15/11/2025 .. 14/11/2026
        phase1 = svc.compute(s, P, "phase1").values
        everything = svc.compute(s, P, "all").values
    assert y2024["comm_events"].numerator == 1  # 31/12/2024
    assert y2026["comm_events"].numerator == 0
    assert r2026["comm_events"].numerator == 1  # 31/12/2025 is in reporting year 2026
    # 2024: managers Lan, Mai and Đào (A3 dissolved 30/06/2024); only Lan trained by then
    assert (
        y2024["women_managers_trained_pct"].numerator,
        y2024["women_managers_trained_pct"].denominator,
    ) == (1, 3)
    assert y2024["htx_women_managed"].numerator == 3
    # 2026: A4 founded on 01/01/2026; Thu upskilled on 01/01/2026
    assert y2026["new_tht_programme"].numerator == 1
    assert y2026["officers_upskilled_pct"].value == 100
    assert y2026["support_amount"].numerator == 10_000_000
    # yearly figures: the reporting year 2026 counts the 2026 figures only
    assert r2026["female_workers_htx"].numerator == 20  # B1 2026 (A1, A2 have none in 2026)
    # stock figures take each cooperative's latest year inside the period, never a sum of years
    assert phase1["female_workers_htx"].numerator == 15  # A1 2025 (8) + A2 3 + B1 4
    assert everything["female_workers_htx"].numerator == 8 + 3 + 20
    assert phase1["new_jobs_women"].numerator == 1 + 2 + 3 + 0 + 1  # flows add up over years
    assert everything["budget_planned"].numerator == 35_000_000


def test_whole_country_is_the_sum_of_its_provinces(built: Engine) -> None:
    with session_scope(built) as s:
        country = svc.compute(s, None, "2025")
    assert country.scope.level == "national"
    assert country.values["comm_reach"].numerator == 140
    assert country.by_child[P]["comm_reach"].numerator == 140
    for code, (num, den) in ((c, e[P]) for c, e in data.EXPECTED_2025.items()):
        value = country.values[code]  # the national queries take other paths: same numbers
        assert (value.numerator, value.denominator) == (num, den), code


def test_a_commit_is_seen_at_once_despite_the_cache(built: Engine) -> None:
    from tests.services.indicator_data import Maker

    with session_scope(built) as s:
        first = svc.compute(s, P, "2025").values["comm_events"].numerator
        again = svc.compute(s, P, "2025").values["comm_events"].numerator
    with session_scope(built) as s:
        Maker(s).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
        s.flush()
        inside = svc.compute(s, P, "2025").values["comm_events"].numerator  # uncommitted
    with session_scope(built) as s:
        after = svc.compute(s, P, "2025").values["comm_events"].numerator
    assert (first, again, inside, after) == (2, 2, 3, 3)


def test_unknown_unit_is_a_clear_error(built: Engine) -> None:
    with session_scope(built) as s, pytest.raises(svc.UnknownUnit, match="99999"):
        svc.compute(s, "99999", "2025")


def _target(s, unit: str, code: str, period: str, value: int, comparison: str = ">=") -> None:
    s.add(
        Target(
            unit_code=unit,
            target_unit_code=unit,
            indicator_code=code,
            period=period,
            value=Decimal(value),
            comparison=comparison,
        )
    )


def test_targets_match_the_exact_period_and_give_a_status(built: Engine) -> None:
    with session_scope(built) as s:
        _target(s, P, "htx_women_managed", "2025", 2)
        _target(s, P, "comm_reach", "2025", 1000)
        _target(s, P, "new_jobs_women", "2025", 6, "about")
        _target(s, P, "htx_women_managed", "phase1", 5)
        _target(s, P, "women_managers_trained_pct", "phase1", 1)  # 1 = 100 %
    with session_scope(built) as s:
        done = svc.compute(s, P, "2025", today=dt.date(2026, 1, 10))
        midway = svc.compute(s, P, "2025", today=dt.date(2025, 1, 20))
        phase = svc.compute(s, P, "phase1", today=dt.date(2026, 1, 10))
        phases = svc.phase_targets(s, P)
    assert set(done.targets) == {"htx_women_managed", "comm_reach", "new_jobs_women"}
    assert done.status("htx_women_managed") is reg.Status.ON_TRACK
    assert done.status("comm_reach") is reg.Status.BEHIND
    assert done.status("new_jobs_women") is reg.Status.ON_TRACK
    assert done.status("budget_spent") is reg.Status.NO_TARGET
    assert midway.status("comm_reach") is reg.Status.ON_TRACK  # 140 ≥ 1000 × 20/365 × 0.9
    assert phase.targets["htx_women_managed"].value == 5
    assert phase.targets["women_managers_trained_pct"].value == 100
    assert phase.status("htx_women_managed") is reg.Status.BEHIND  # 2 of 5, phase over
    assert set(phases) == {"htx_women_managed", "women_managers_trained_pct"}


def test_records_behind_name_what_was_counted(built: Engine) -> None:
    with session_scope(built) as s:
        htx = svc.records_behind(s, "htx_women_managed", P, "2025")
        managers = svc.records_behind(s, "women_managers_trained_pct", P, "2024")
        people = svc.records_behind(s, "people_trained", A, "2025")
        support = svc.records_behind(s, "support_amount", P, Period.parse("2025"))
        consolidated = svc.records_behind(s, "coops_consolidated_pct", P, "2025")
    assert [(r[0], r[1]) for r in htx.rows] == [
        ("Phường Tân Phong", "HTX Chè Tân Phong"),
        ("Xã Bản Giang", "HTX Gạo Bản Giang"),
    ]
    assert htx.columns[:2] == ["Đơn vị", "Hợp tác xã"]
    trained = {r[1]: r[3] for r in managers.rows}
    assert trained == {"Nguyễn Thị Lan": "có", "Lò Thị Mai": "không", "Trần Thị Đào": "không"}
    assert sorted((r[1], r[2]) for r in people.rows) == [("Nguyễn Thị Lan", 1), ("Đỗ Thị Hoà", 2)]
    assert sum(r[4] for r in support.rows) == 80_000_000
    assert len(consolidated.rows) == 4
    assert sum(r[-1] == "có" for r in consolidated.rows) == 2


@pytest.mark.parametrize("code", reg.CODES)
def test_records_behind_agree_with_the_numbers(built: Engine, code: str) -> None:
    with session_scope(built) as s:
        value = svc.compute(s, P, "2025").values[code]
        behind = svc.records_behind(s, code, P, "2025")
    ind = reg.get(code)
    if ind.is_ratio:
        assert len(behind.rows) == value.denominator
        assert sum(r[-1] == "có" for r in behind.rows) == value.numerator
    elif code in ("comm_reach", "comm_reach_women", "support_amount") or code.startswith(
        ("budget_", "female_workers", "new_jobs")
    ):
        col = {
            "comm_reach": 4,
            "comm_reach_women": 5,
            "support_amount": 4,
            "budget_planned": 3,
            "budget_allocated": 4,
            "budget_spent": 5,
            "female_workers_htx": 3,
            "female_workers_tht": 3,
            "new_jobs_women": 4,
        }[code]
        assert sum(r[col] for r in behind.rows) == value.numerator
    elif code == "training_participations":
        assert len(behind.rows) == value.numerator
    else:
        assert len(behind.rows) == value.numerator
