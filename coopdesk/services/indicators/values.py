"""An indicator's value for one unit (numerator, denominator of a ratio, parts by fund or
source) and how the values of several units add up (ratios: Σ numerators / Σ denominators)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from coopdesk.domain import indicators as reg

ZERO = Decimal(0)


@dataclass
class Value:
    """One indicator for one unit: the numerator, the denominator of a ratio, and parts."""

    code: str
    numerator: Decimal = Decimal(0)
    denominator: Decimal | None = None
    breakdown: dict[str, Decimal] = field(default_factory=dict)  # by fund / source

    @property
    def indicator(self) -> reg.Indicator:
        return reg.BY_CODE[self.code]

    @property
    def value(self) -> Decimal | None:
        if self.indicator.is_ratio:
            return reg.ratio_value(self.numerator, self.denominator or 0)
        return self.numerator

    def add(self, other: Value) -> None:
        if other.numerator:
            self.numerator += other.numerator
        if other.denominator is not None:
            self.denominator = (self.denominator or ZERO) + other.denominator
        for key, amount in other.breakdown.items():
            self.breakdown[key] = self.breakdown.get(key, ZERO) + amount


Partials = dict[str, dict[str, Value]]  # leaf unit → code → value (codes never counted: absent)


def empty() -> dict[str, Value]:
    """Every indicator at zero (ratios with a zero denominator)."""
    return {
        ind.code: Value(ind.code, denominator=Decimal(0) if ind.is_ratio else None)
        for ind in reg.INDICATORS
    }


def new_partials() -> Partials:
    return defaultdict(dict)


def put(
    partials: Partials,
    unit: str,
    code: str,
    num: Any,
    den: Any = None,
    part: str | None = None,
) -> None:
    """Add a counted amount (and a ratio's denominator, or a part) to a unit's value.
    Nothing counted is nothing to add (an absent value is zero), unless it names a part."""
    if not num and not den and part is None:
        return
    values = partials[unit]
    value = values.get(code)
    if value is None:
        value = values[code] = Value(code, denominator=None if den is None else ZERO)
    amount = Decimal(num) if num else ZERO
    value.numerator += amount
    if den is not None:
        value.denominator = (value.denominator or ZERO) + (Decimal(den) if den else ZERO)
    if part is not None:
        value.breakdown[part] = value.breakdown.get(part, ZERO) + amount


def fold(partials: Iterable[dict[str, Value]]) -> dict[str, Value]:
    """The sum of several units' values (ratios: sums of numerators over sums of denominators)."""
    total = empty()
    for values in partials:
        for code, value in values.items():
            total[code].add(value)
    return total
