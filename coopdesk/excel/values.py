"""A cell's value read as a field's type, strictly: text, a year, a whole number, an amount,
a date (a real Excel date, or text dd/mm/yyyy, d/m/yy) or one of a list of choices.

Each reader returns the value (None for an empty cell) or raises ValueError with what is wrong
in the officer's words; numbers typed as text go through `coopdesk.i18n.parse_number`, the
editors' strict rule ("1.5" is refused, not read as 15).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from coopdesk.i18n import _, fold, normalize, parse_date, parse_number

EARLIEST_YEAR = 1900


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value: Any) -> str | None:
    if _empty(value):
        return None
    if isinstance(value, float) and value == int(value):
        value = int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return normalize(str(value))


def as_number(value: Any) -> Decimal | None:
    if _empty(value):
        return None
    if isinstance(value, bool):
        raise ValueError(_("{value} is not a number").format(value=value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, dt.date):
        raise ValueError(_("{value} is not a number").format(value=as_text(value)))
    return parse_number(str(value))


def as_whole(value: Any) -> int | None:
    number = as_number(value)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise ValueError(_("{value} is not a whole number").format(value=as_text(value)))
    return int(number)


def as_year(value: Any) -> int | None:
    if isinstance(value, dt.date):
        return value.year
    try:
        year = as_whole(value)
    except ValueError:
        year = None
    else:
        if year is None:
            return None
        if EARLIEST_YEAR <= year <= dt.date.today().year:
            return year
    raise ValueError(_("{value} is not a valid year").format(value=as_text(value)))


def as_date(value: Any) -> dt.date | None:
    if _empty(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except ValueError as exc:
        raise ValueError(f"{as_text(value)}: {exc}") from None


def as_bool(value: Any) -> bool | None:
    if _empty(value):
        return None
    if isinstance(value, bool):
        return value
    word = fold(str(value))
    if word in ("co", "x", "1", "yes", "true", "dung"):
        return True
    if word in ("khong", "0", "no", "false", "sai"):
        return False
    raise ValueError(_("write “Có” or “Không” (not “{value}”)").format(value=as_text(value)))


def choice_reader(
    labels: Mapping[str, str], also: Mapping[str, str] | None = None
) -> Callable[[Any], str | None]:
    """A reader of one of `labels` (code → label shown), by its label, its code or its label
    in `also` (another language), folded."""
    by_name = {fold(label): code for code, label in (also or {}).items()}
    by_name.update({fold(label): code for code, label in labels.items()})
    by_name.update({fold(code): code for code in labels})

    def read(value: Any) -> str | None:
        if _empty(value):
            return None
        code = by_name.get(fold(str(value)))
        if code is None:
            raise ValueError(
                _("“{value}” is not in the list ({choices})").format(
                    value=as_text(value), choices=", ".join(labels.values())
                )
            )
        return code

    return read
