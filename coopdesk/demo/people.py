"""Fictional Vietnamese people: names with all their diacritics, gender, birth year.

The stored name columns are filled the way the records service fills them (NFC text,
`fold()` for search, `person_sort_key()` for lists), cached per distinct name because a
national demo repeats the same few thousand names a million times.

Most people have a mobile number, written the way officers type them ("0912345678",
"0912 345 678", "091.234.5678"…) and stored as typed, as the person editor stores it: the
search index and the duplicate check read its digits (`db.models.search`).
"""

from __future__ import annotations

import bisect
import itertools
import random
from functools import cache
from typing import Any

from coopdesk.demo import vocab
from coopdesk.domain import names
from coopdesk.i18n import fold, person_sort_key


class WeightedChoice:
    """Fast weighted choice over a fixed list (random.choices rebuilds its table every call)."""

    def __init__(self, items: list[tuple[str, int]]) -> None:
        self.values = [value for value, _ in items]
        self.cumulative = list(itertools.accumulate(weight for _, weight in items))

    def pick(self, rng: random.Random) -> str:
        point = rng.random() * self.cumulative[-1]
        return self.values[bisect.bisect_right(self.cumulative, point)]


_COMMON = WeightedChoice(vocab.FAMILY_COMMON)
_MIXED = WeightedChoice(
    [(n, w * 2) for n, w in vocab.FAMILY_MOUNTAIN] + [(n, w) for n, w in vocab.FAMILY_COMMON]
)
_MIDDLE = {"F": WeightedChoice(vocab.MIDDLE_FEMALE), "M": WeightedChoice(vocab.MIDDLE_MALE)}
_GIVEN = {"F": vocab.GIVEN_FEMALE, "M": vocab.GIVEN_MALE}

# Vietnamese mobile prefixes (10 digits since 2018): Viettel, Vinaphone, MobiFone,
# Vietnamobile, Gmobile.
MOBILE_PREFIXES = (
    "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
    "081", "082", "083", "084", "085", "088", "091", "094",
    "070", "076", "077", "078", "079", "089", "090", "093",
    "052", "056", "058", "092", "059", "099",
)  # fmt: skip
# How the ten digits are grouped when typed, with how often each way is seen.
PHONE_GROUPS = WeightedChoice(
    [("4 3 3", 35), ("", 30), ("4.3.3", 15), ("3.3.4", 10), ("3 3 4", 10)]
)
WITH_PHONE = 0.7  # the share of people with a number


def phone_number(rng: random.Random) -> str:
    """A mobile number as an officer types it: '0912345678', '0912 345 678', '091.234.5678'."""
    digits = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**7):07d}"
    grouping = PHONE_GROUPS.pick(rng)
    if not grouping:
        return digits
    sep = grouping[1]
    sizes = [int(n) for n in grouping.split(sep)]
    parts, start = [], 0
    for size in sizes:
        parts.append(digits[start : start + size])
        start += size
    return sep.join(parts)


@cache
def name_columns(family: str, middle: str, given: str) -> tuple[str, str, str]:
    """(full_name, name_folded, sort_key) exactly as the records service stores them."""
    full = names.full_name(family, middle, given)
    return full, fold(full), person_sort_key(family, middle, given)


class PersonMaker:
    """Makes person rows for one commune; mountain communes mix in ethnic-minority names."""

    def __init__(self, rng: random.Random, mountain: bool) -> None:
        self._rng = rng
        self._family = _MIXED if mountain else _COMMON
        # Phones come from a generator of their own, seeded from the commune's without drawing
        # from it: every other value of the demo stays what it was before people had phones.
        self._phones = random.Random(repr(rng.getstate()[1][:8]))

    def row(
        self,
        person_id: str,
        unit_code: str,
        gender: str,
        birth_years: tuple[int, int],
        address: str,
    ) -> dict[str, Any]:
        rng = self._rng
        family = self._family.pick(rng)
        middle = _MIDDLE[gender].pick(rng)
        if family in vocab.MOUNTAIN_FAMILIES and rng.random() < 0.85:
            middle = "Thị" if gender == "F" else "Văn"
            if gender == "M" and family in vocab.MONG_FAMILIES and rng.random() < 0.5:
                middle = "A"
        elif middle == "A":
            middle = "Văn"
        given = rng.choice(_GIVEN[gender])
        full, folded, key = name_columns(family, middle, given)
        phones = self._phones
        return {
            "id": person_id,
            "unit_code": unit_code,
            "family_name": family,
            "middle_name": middle,
            "given_name": given,
            "full_name": full,
            "name_folded": folded,
            "sort_key": key,
            "gender": gender,
            "birth_year": rng.randint(*birth_years),
            "address": address,
            "phone": phone_number(phones) if phones.random() < WITH_PHONE else "",
        }
