"""The pieces validators are made of: `Problem`, `ValidationFailed`, `Context` and small
rules (required, choice, not negative, part of a whole, date in range, dates in order, MST).
`coopdesk.domain.validation` holds the rules per entity and re-exports these names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from coopdesk.i18n import _, format_date

ERROR, WARNING = "error", "warning"
EARLIEST = dt.date(1950, 1, 1)


class Problem(NamedTuple):
    """A named problem: unpacks as (field, message, severity) too."""

    field: str
    message: str
    severity: str = ERROR  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class ValidationFailed(ValueError):
    """A save refused because of errors; `problems` holds all problems found (warnings too)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def __str__(self) -> str:
        return " ".join(p.message for p in self.errors) or " ".join(
            p.message for p in self.problems
        )


@dataclass(frozen=True)
class Context:
    """Facts from outside the record that some rules need."""

    today: dt.date = field(default_factory=dt.date.today)
    cooperative_kind: str | None = None
    cooperative_founded: dt.date | None = None
    cooperative_dissolved: dt.date | None = None
    consents: frozenset[str] = frozenset()  # categories with a consent in force


# --- small rules -------------------------------------------------------------------------------


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def required(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    if blank(data.get(name)):
        return [Problem(name, _("{field} is required.").format(field=label))]
    return []


def choice(data: Mapping[str, Any], name: str, label: str, allowed: Iterable[str]) -> list[Problem]:
    value = data.get(name)
    allowed = tuple(allowed)
    if value is None or value in allowed:
        return []
    return [
        Problem(
            name,
            _("{field}: “{value}” is not one of {allowed}.").format(
                field=label, value=value, allowed=", ".join(allowed)
            ),
        )
    ]


def not_negative(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    value = data.get(name)
    if value is not None and value < 0:
        return [Problem(name, _("{field} cannot be negative.").format(field=label))]
    return []


def part_of(
    data: Mapping[str, Any], part: str, whole: str, part_label: str, whole_label: str
) -> list[Problem]:
    p, w = data.get(part), data.get(whole)
    if p is not None and w is not None and p > w:
        return [
            Problem(
                part,
                _("{part} ({p}) cannot be more than {whole} ({w}).").format(
                    part=part_label, p=p, whole=whole_label, w=w
                ),
            )
        ]
    return []


def date_in_range(
    data: Mapping[str, Any], name: str, label: str, ctx: Context, *, past_only: bool = True
) -> list[Problem]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, dt.date):
        return [Problem(name, _("{field} is not a date.").format(field=label))]
    if value < EARLIEST:
        return [
            Problem(
                name,
                _("{field} ({date}) is before {earliest}; check the year.").format(
                    field=label, date=format_date(value), earliest=format_date(EARLIEST)
                ),
            )
        ]
    if past_only and value > ctx.today:
        return [
            Problem(
                name,
                _("{field} ({date}) is in the future.").format(
                    field=label, date=format_date(value)
                ),
            )
        ]
    return []


def dates_in_order(
    data: Mapping[str, Any], start: str, end: str, start_label: str, end_label: str
) -> list[Problem]:
    a, b = data.get(start), data.get(end)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
        return [
            Problem(
                end,
                _("{end} ({b}) is before {start} ({a}).").format(
                    end=end_label, b=format_date(b), start=start_label, a=format_date(a)
                ),
            )
        ]
    return []


def looks_like_mst(number: str) -> bool:
    digits = number.replace("-", "").replace(" ", "").replace(".", "")
    return digits.isdigit() and len(digits) in (10, 13)


def mst_check(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    from stdnum.vn import mst

    value = str(data.get(name) or "").strip()
    if not value or not looks_like_mst(value) or mst.is_valid(value):
        return []
    return [
        Problem(
            name,
            _(
                "{field} {value} looks like a tax code (MST) but its check digit does not "
                "match; check the number."
            ).format(field=label, value=value),
            WARNING,
        )
    ]
