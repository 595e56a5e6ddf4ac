"""Periods the programme counts in: a calendar year, a reporting year, the two phases, the
whole programme, or any date range.

`Period.parse("2026")`, `"2026r"` (reporting year: with the default cut-off 15/11 it runs from
15/11/2025 to 14/11/2026), `"phase1"` (2023–2025), `"phase2"` (2026–2030), `"all"` (2023–2030),
`"2026-01-01..2026-06-30"`.

The programme has one start date, `PROGRAMME_START`: Quyết định 01/QĐ-TTg of 03/01/2023. Rules
that ask "since the programme started" (founded under the programme, trained since the start)
count from it. Periods count whole calendar years, so phase 1 and the whole programme begin on
1 January of the start's year (`FIRST_DAY`), and the year 2023 lies wholly inside them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from coopdesk.i18n import _, current_language, translate_in

PROGRAMME_START = dt.date(2023, 1, 3)  # Quyết định 01/QĐ-TTg approved Đề án 01
PROGRAMME_END = dt.date(2030, 12, 31)
FIRST_DAY = dt.date(PROGRAMME_START.year, 1, 1)  # periods count whole calendar years
PHASES = {
    "phase1": (FIRST_DAY, dt.date(2025, 12, 31)),
    "phase2": (dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
}
DEFAULT_CUTOFF = (11, 15)  # reporting year starts on 15/11 of the previous year
MIN_YEAR, MAX_YEAR = 2000, 2100

_YEAR = re.compile(r"^(\d{4})$")
_REPORTING = re.compile(r"^(\d{4})r$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


def parse_cutoff(text: str | tuple[int, int] | None) -> tuple[int, int]:
    """A cut-off as (month, day) from "11-15" (settings), "15/11" (as people write it) or None."""
    if text is None or text == "":
        return DEFAULT_CUTOFF
    if isinstance(text, tuple):
        month, day = text
    else:
        cleaned = text.strip()
        if "/" in cleaned:  # dd/mm
            parts = cleaned.split("/")
            if len(parts) != 2 or not all(p.isdigit() for p in parts):
                raise ValueError(
                    _(
                        "Reporting cut-off “{text}”: write it as day/month, for example 15/11"
                    ).format(text=text)
                )
            day, month = int(parts[0]), int(parts[1])
        else:  # mm-dd
            parts = cleaned.split("-")
            if len(parts) != 2 or not all(p.isdigit() for p in parts):
                raise ValueError(
                    _(
                        "Reporting cut-off “{text}”: write it as month-day, for example 11-15"
                    ).format(text=text)
                )
            month, day = int(parts[0]), int(parts[1])
    try:
        dt.date(2001, month, day)  # a non-leap year: 29/02 is refused
    except ValueError:
        raise ValueError(
            _("Reporting cut-off “{text}” is not a day of the year").format(text=text)
        ) from None
    return month, day


@dataclass(frozen=True)
class Period:
    """A closed date interval with the text it was parsed from (`key`)."""

    key: str
    kind: str  # year | reporting_year | phase1 | phase2 | all | range
    start: dt.date
    end: dt.date
    year: int | None = None  # for year and reporting_year

    @classmethod
    def parse(cls, text: str, cutoff: str | tuple[int, int] | None = None) -> Period:
        """Parse a period string; raise ValueError saying what is wrong and what is accepted."""
        raw = (text or "").strip().lower()
        if not raw:
            raise ValueError(_("The period is empty: {accepted}").format(accepted=_accepted()))
        if raw in PHASES:
            start, end = PHASES[raw]
            return cls(raw, raw, start, end)
        if raw in ("all", "programme"):
            return cls("all", "all", FIRST_DAY, PROGRAMME_END)
        if m := _YEAR.match(raw):
            year = _check_year(int(m.group(1)), text)
            return cls(str(year), "year", dt.date(year, 1, 1), dt.date(year, 12, 31), year)
        if m := _REPORTING.match(raw):
            year = _check_year(int(m.group(1)), text)
            return cls.reporting_year(year, cutoff)
        if m := _RANGE.match(raw):
            try:
                start = dt.date.fromisoformat(m.group(1))
                end = dt.date.fromisoformat(m.group(2))
            except ValueError:
                raise ValueError(
                    _("Period “{text}”: a date does not exist (write dates as YYYY-MM-DD)").format(
                        text=text
                    )
                ) from None
            if end < start:
                raise ValueError(
                    _("Period “{text}”: the end date is before the start date").format(text=text)
                )
            return cls(f"{start.isoformat()}..{end.isoformat()}", "range", start, end)
        raise ValueError(
            _("Period “{text}” is not understood: {accepted}").format(
                text=text, accepted=_accepted()
            )
        )

    @classmethod
    def reporting_year(cls, year: int, cutoff: str | tuple[int, int] | None = None) -> Period:
        month, day = parse_cutoff(cutoff)
        start = dt.date(year - 1, month, day)
        end = dt.date(year, month, day) - dt.timedelta(days=1)
        if (month, day) == (1, 1):  # a cut-off on 1 January is simply the calendar year
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return cls(f"{year}r", "reporting_year", start, end, year)

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls.parse(str(year))

    @classmethod
    def day(cls, day: dt.date) -> Period:
        """One day as a period: a rule asked "on this day" is the rule asked for it."""
        return cls(f"{day.isoformat()}..{day.isoformat()}", "range", day, day)

    # --- questions ---------------------------------------------------------------------

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def years(self) -> tuple[int, ...]:
        """The years whose yearly figures (CooperativeYear, Budget) belong to this period.

        A reporting year counts its own year's figures (2026r → 2026), not the six weeks of
        the previous year it starts in; any other period counts every year it touches.
        """
        if self.kind == "reporting_year" and self.year is not None:
            return (self.year,)
        return tuple(range(self.start.year, self.end.year + 1))

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def within(self, other: Period) -> bool:
        return other.start <= self.start and self.end <= other.end

    def fraction_elapsed(self, today: dt.date) -> float:
        """0.0 before the period starts, 1.0 from its last day on, linear in between."""
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        return ((today - self.start).days + 1) / self.days

    def phase(self) -> str | None:
        """'phase1' or 'phase2' if the period lies wholly inside one phase."""
        for key, (start, end) in PHASES.items():
            if start <= self.start and self.end <= end:
                return key
        return None

    # --- labels ------------------------------------------------------------------------

    def label(self, lang: str | None = None) -> str:
        """'Năm 2026', 'Năm báo cáo 2026 (15/11/2025 – 14/11/2026)', 'Giai đoạn 1 (2023–2025)'…"""
        lang = lang or current_language()
        span = f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"
        if self.kind == "year":
            return translate_in(lang, "Year {year}").format(year=self.year)
        if self.kind == "reporting_year":
            text = translate_in(lang, "Reporting year {year}").format(year=self.year)
            return f"{text} ({span})"
        if self.kind == "phase1":
            return translate_in(lang, "Phase 1 (2023–2025)")
        if self.kind == "phase2":
            return translate_in(lang, "Phase 2 (2026–2030)")
        if self.kind == "all":
            return translate_in(lang, "Whole programme (2023–2030)")
        return span

    def __str__(self) -> str:
        return self.key


def as_period(when: Period | dt.date | None) -> Period:
    """A period from a period, a day, or None (today)."""
    if isinstance(when, Period):
        return when
    return Period.day(when or dt.date.today())


def _accepted() -> str:
    return _(
        "use a year (2026), a reporting year (2026r), phase1, phase2, all, "
        "or a date range (2026-01-01..2026-06-30)"
    )


def _check_year(year: int, text: str) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            _("Period “{text}”: the year must be between {first} and {last}").format(
                text=text, first=MIN_YEAR, last=MAX_YEAR
            )
        )
    return year


def programme_years() -> list[int]:
    return list(range(PROGRAMME_START.year, PROGRAMME_END.year + 1))


def current_reporting_year(today: dt.date, cutoff: str | tuple[int, int] | None = None) -> Period:
    """The reporting year containing today."""
    current = Period.reporting_year(today.year, cutoff)
    if today > current.end:
        current = Period.reporting_year(today.year + 1, cutoff)
    return current


def default_period(today: dt.date, cutoff: str | tuple[int, int] | None = None) -> Period:
    """What the overview opens on: the current reporting year, except in its first weeks
    (less than a tenth gone), when the year just closed — the one being reported — matters
    more."""
    current = current_reporting_year(today, cutoff)
    assert current.year is not None
    if current.fraction_elapsed(today) < 0.1:
        return Period.reporting_year(current.year - 1, cutoff)
    return current


def standard_choices(today: dt.date, cutoff: str | tuple[int, int] | None = None) -> list[Period]:
    """The periods a selector offers: this and previous reporting years, calendar years of the
    programme, both phases and the whole programme."""
    current = current_reporting_year(today, cutoff)
    assert current.year is not None
    reporting = [Period.reporting_year(current.year - n, cutoff) for n in range(2)]
    calendar = [Period.calendar_year(y) for y in programme_years()]
    return [
        *reporting,
        *calendar,
        Period.parse("phase1"),
        Period.parse("phase2"),
        Period.parse("all"),
    ]
