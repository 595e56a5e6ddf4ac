"""Which targets apply to a period: a yearly target for both the calendar and the reporting
year, a phase target for the years inside it when the indicator is a level."""

from __future__ import annotations

from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.domain.targets import applicable_keys, judged_over

LEVEL = reg.BY_CODE["women_managers_trained_pct"]  # a percentage: a level
FLOW = reg.BY_CODE["new_htx_programme"]  # new HTX add up over the years


def test_a_yearly_target_applies_to_the_calendar_and_the_reporting_year() -> None:
    assert applicable_keys(Period.parse("2026"), FLOW) == ("2026", "2026r")
    assert applicable_keys(Period.parse("2026r"), FLOW) == ("2026r", "2026")


def test_a_phase_target_applies_to_a_year_inside_it_only_for_a_level() -> None:
    assert applicable_keys(Period.parse("2026r"), LEVEL) == ("2026r", "2026", "phase2", "all")
    assert applicable_keys(Period.parse("2024"), LEVEL) == ("2024", "2024r", "phase1", "all")
    assert applicable_keys(Period.parse("2031"), LEVEL) == ("2031", "2031r")
    assert applicable_keys(Period.parse("phase1"), LEVEL) == ("phase1", "all")
    assert applicable_keys(Period.parse("phase1"), FLOW) == ("phase1",)
    assert applicable_keys(Period.parse("2026-01-01..2026-06-30"), LEVEL) == (
        "2026-01-01..2026-06-30",
    )


def test_a_phase_target_is_judged_over_the_phase() -> None:
    year = Period.parse("2026r")
    assert judged_over(year, "phase2") == Period.parse("phase2")
    assert judged_over(year, "2026") == year
    assert judged_over(Period.parse("phase2"), "phase2") == Period.parse("phase2")
