"""The years a list can be filtered by: the programme's years up to next year."""

from __future__ import annotations

import datetime as dt


def year_choices() -> list[tuple[int, str]]:
    last = max(dt.date.today().year + 1, 2026)
    return [(y, str(y)) for y in range(last, 2022, -1)]
