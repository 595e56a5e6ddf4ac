"""Which targets apply to a period, and over which span a target is judged.

A plan sets a target for a year ("2026", or "2026r" for its reporting year), a phase
("phase1", "phase2") or the whole programme ("all"). The rule, written once here:

- A yearly target is the plan's target for that year: a target set for year Y applies to the
  calendar year Y and to the reporting year Y alike (the one written for exactly the period
  shown wins when both exist).
- A target for a phase or the whole programme also applies to a year inside it when the
  indicator is a level (`Indicator.stock`: how many HTX are women-managed, a percentage), since
  a level can be compared at any moment. A flow (new HTX, people trained) adds up over the
  phase, so its phase target is not set against one year's figure (the chart shows the
  running total against it instead).
- A target is judged over its own span: a phase target shown on a year expects the share of
  the phase that has passed, not the share of the year.
"""

from __future__ import annotations

from coopdesk.domain.indicators import Indicator
from coopdesk.domain.periods import PHASES, Period

SPANS = ("phase1", "phase2", "all")  # targets that cover more than a year


def applicable_keys(period: Period, indicator: Indicator) -> tuple[str, ...]:
    """The target periods that apply to `period` for this indicator, the most specific first."""
    if period.kind in ("year", "reporting_year") and period.year is not None:
        year = str(period.year)
        yearly = (year, f"{year}r") if period.kind == "year" else (f"{year}r", year)
        if not indicator.stock:
            return yearly
        return (*yearly, *(key for key in SPANS if _year_within(period.year, key)))
    if period.kind in PHASES and indicator.stock:
        return (period.kind, "all")
    return (period.key,)


def judged_over(shown: Period, target_key: str) -> Period:
    """The span a target is judged over when it is shown for `shown`: its own span when it
    covers more than a year, else the period shown."""
    if target_key in SPANS and target_key != shown.key:
        return Period.parse(target_key)
    return shown


def _year_within(year: int, key: str) -> bool:
    span = Period.parse(key)
    return span.start.year <= year <= span.end.year
