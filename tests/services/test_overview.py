"""What the overview reads: the targets that apply to a period, an overdue yearly report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.services import overview, plans
from tests.ui.conftest import ensure_home_units

UNIT = "03408"


def _target(s, code: str, period: str, value: int) -> None:
    plans.set_target(
        s,
        owner_unit=UNIT,
        target_unit=UNIT,
        indicator_code=code,
        period=period,
        value=value,
        actor="test",
    )


def test_the_most_specific_applicable_target_wins(engine: Engine) -> None:
    ensure_home_units(engine)
    with session_scope(engine) as s:
        _target(s, "women_managers_trained_pct", "phase2", 100)
        _target(s, "new_htx_programme", "all", 2)
        _target(s, "new_jobs_women", "2026", 7)
        _target(s, "new_jobs_women", "2026r", 5)
        on_reporting_year = overview.applicable_targets(s, UNIT, Period.parse("2026r"))
        on_calendar_year = overview.applicable_targets(s, UNIT, Period.parse("2026"))
    assert on_reporting_year["new_jobs_women"].value == 5  # written for exactly this period
    assert on_calendar_year["new_jobs_women"].value == 7
    assert on_reporting_year["women_managers_trained_pct"].period == "phase2"
    assert "new_htx_programme" not in on_reporting_year  # a flow's 2030 target, not a year's


def test_a_phase_target_on_a_year_is_judged_over_the_phase(engine: Engine) -> None:
    ensure_home_units(engine)
    with session_scope(engine) as s:
        _target(s, "women_managers_trained_pct", "phase2", 100)
        shown = overview.load_overview(s, UNIT, Period.parse("2026r"), dt.date(2026, 12, 2))
    code = "women_managers_trained_pct"
    # no manager trained yet; a fifth of phase 2 has passed, not the whole reporting year
    assert shown.targets[code].value == Decimal(100)
    assert shown.result.elapsed == 1.0
    assert shown.statuses[code] == reg.target_status(
        shown.result.values[code].value,
        100,
        ">=",
        Period.parse("phase2").fraction_elapsed(dt.date(2026, 12, 2)),
    )


def test_the_yearly_report_is_overdue_until_issued_for_its_year(engine: Engine) -> None:
    ensure_home_units(engine)
    with session_scope(engine) as s:
        s.add(
            Report(
                unit_code=UNIT, doc_type="BC", template="annual", year=2025, status="issued",
                period="2025",
            )
        )  # fmt: skip
        s.add(
            Report(
                unit_code=UNIT, doc_type="BC", template="annual", year=2026, status="draft",
                period="2026",
            )
        )  # fmt: skip
        s.flush()
        assert overview.overdue_report(s, UNIT, dt.date(2026, 11, 10)) is None  # not due yet
        assert overview.overdue_report(s, UNIT, dt.date(2026, 11, 15)) is None  # due today
        late = overview.overdue_report(s, UNIT, dt.date(2026, 11, 16))  # only a draft
        assert late is not None and (late.due, late.days_left) == (dt.date(2026, 11, 15), -1)
        s.add(
            Report(
                unit_code=UNIT,
                doc_type="BC",
                template="annual",
                year=2026,
                period="2026r",
                status="issued",
            )
        )
        s.flush()
        assert overview.overdue_report(s, UNIT, dt.date(2026, 11, 16)) is None
        # a year never reported stays overdue until the next year's report is due
        missing = overview.overdue_report(s, UNIT, dt.date(2024, 11, 10))
    assert missing is not None and missing.due == dt.date(2023, 11, 15)
