"""Periods: parsing, boundaries, reporting years with a cut-off, labels, elapsed fraction."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk import i18n
from coopdesk.domain.periods import (
    PROGRAMME_START,
    Period,
    as_period,
    default_period,
    parse_cutoff,
    standard_choices,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "years"),
    [
        ("2026", D(2026, 1, 1), D(2026, 12, 31), (2026,)),
        ("2026r", D(2025, 11, 15), D(2026, 11, 14), (2026,)),
        ("phase1", D(2023, 1, 1), D(2025, 12, 31), (2023, 2024, 2025)),
        ("phase2", D(2026, 1, 1), D(2030, 12, 31), (2026, 2027, 2028, 2029, 2030)),
        ("all", D(2023, 1, 1), D(2030, 12, 31), tuple(range(2023, 2031))),
        (" PHASE1 ", D(2023, 1, 1), D(2025, 12, 31), (2023, 2024, 2025)),
        ("2026-01-01..2026-06-30", D(2026, 1, 1), D(2026, 6, 30), (2026,)),
        ("2025-12-01 .. 2026-01-31", D(2025, 12, 1), D(2026, 1, 31), (2025, 2026)),
    ],
)
def test_parse(text: str, start: dt.date, end: dt.date, years: tuple[int, ...]) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.years) == (start, end, years)
    assert Period.parse(period.key) == period  # the key parses back to the same period


def test_reporting_year_with_another_cutoff() -> None:
    p = Period.parse("2026r", "12-01")
    assert (p.start, p.end) == (D(2025, 12, 1), D(2026, 11, 30))
    assert Period.parse("2026r", "1/12") == p  # as people write it: day/month
    assert Period.parse("2026r", (1, 1)).end == D(2026, 12, 31)
    assert Period.parse("2024r").end == D(2024, 11, 14)  # 2024 is a leap year: no effect


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Chưa nhập kỳ"),
        ("2026q", "Không hiểu kỳ “2026q”"),
        ("1899", "năm phải trong khoảng 2000 đến 2100"),
        ("2026-02-30..2026-03-01", "có ngày không tồn tại"),
        ("2026-06-30..2026-01-01", "ngày kết thúc trước ngày bắt đầu"),
        ("26", "Không hiểu kỳ"),
    ],
)
def test_errors_name_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        Period.parse(text)


def test_bad_cutoffs() -> None:
    with pytest.raises(ValueError, match="không phải là một ngày"):
        parse_cutoff("02-30")
    with pytest.raises(ValueError, match="ngày/tháng"):
        parse_cutoff("15/xi")
    assert parse_cutoff(None) == (11, 15)


def test_fraction_elapsed() -> None:
    year = Period.parse("2026")
    assert year.fraction_elapsed(D(2025, 12, 31)) == 0.0
    assert year.fraction_elapsed(D(2026, 1, 1)) == pytest.approx(1 / 365)
    assert year.fraction_elapsed(D(2026, 7, 2)) == pytest.approx(183 / 365)
    assert year.fraction_elapsed(D(2026, 12, 31)) == 1.0
    assert year.fraction_elapsed(D(2027, 3, 1)) == 1.0


def test_phase_containment() -> None:
    assert Period.parse("2024").phase() == "phase1"
    assert Period.parse("2026r").phase() is None  # starts in November 2025
    assert Period.parse("2027").within(Period.parse("phase2"))


def test_labels_in_both_languages() -> None:
    assert Period.parse("2026").label() == "Năm 2026"
    assert Period.parse("2026r").label() == "Năm báo cáo 2026 (15/11/2025 – 14/11/2026)"
    assert Period.parse("phase1").label() == "Giai đoạn 1 (2023–2025)"
    assert Period.parse("all").label() == "Cả Đề án (2023–2030)"
    assert Period.parse("2026-01-01..2026-06-30").label() == "01/01/2026 – 30/06/2026"
    assert Period.parse("phase2").label("en") == "Phase 2 (2026–2030)"
    i18n.set_language("en")
    assert Period.parse("2026r").label() == "Reporting year 2026 (15/11/2025 – 14/11/2026)"


def test_standard_choices_start_with_the_current_reporting_year() -> None:
    choices = standard_choices(D(2026, 11, 20))
    assert [p.key for p in choices[:2]] == ["2027r", "2026r"]  # 20/11 is past the cut-off
    assert [p.key for p in standard_choices(D(2026, 6, 1))[:2]] == ["2026r", "2025r"]
    assert {"phase1", "phase2", "all", "2023", "2030"} <= {p.key for p in choices}


def test_the_default_period_is_the_year_being_reported_right_after_the_cutoff() -> None:
    assert default_period(D(2026, 11, 23)).key == "2026r"  # 2027r has barely started
    assert default_period(D(2027, 1, 10)).key == "2027r"
    assert default_period(D(2026, 6, 1)).key == "2026r"


def test_a_day_is_a_period_of_one_day() -> None:
    day = dt.date(2026, 3, 8)
    assert as_period(day) == Period.day(day) == Period.parse("2026-03-08..2026-03-08")
    assert Period.day(day).years == (2026,)
    assert as_period(None).start == as_period(None).end == dt.date.today()


def test_the_programme_periods_count_the_whole_first_year() -> None:
    """The programme starts on 03/01/2023 (QĐ 01/QĐ-TTg); its periods hold all of 2023."""
    assert dt.date(2023, 1, 3) == PROGRAMME_START
    assert Period.parse("all").start == Period.parse("phase1").start == dt.date(2023, 1, 1)
