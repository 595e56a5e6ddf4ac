"""What the demo generator knows about a commune while it fills it, and what it made there."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from coopdesk.demo import vocab

# The demo's "today": records reach up to here, deadlines are counted from here.
AS_OF = dt.date(2026, 11, 15)
YEARS = (2023, 2024, 2025, 2026)

_DIVISION_WORDS = ("Thành phố ", "Thị trấn ", "Đặc khu ", "Phường ", "Tỉnh ", "Xã ")


def short_name(name: str) -> str:
    """'Phường Tân Phong' → 'Tân Phong', 'Thành phố Hà Nội' → 'Hà Nội'."""
    for word in _DIVISION_WORDS:
        if name.startswith(word):
            return name[len(word) :]
    return name


def in_sentence(name: str) -> str:
    """'Phường Tân Phong' → 'phường Tân Phong', 'Lai Châu' (a province) → 'tỉnh Lai Châu'."""
    for word in _DIVISION_WORDS:
        if name.startswith(word):
            return word.lower() + name[len(word) :]
    return f"tỉnh {name}"


@dataclass
class Commune:
    code: str
    name: str  # "Phường Tân Phong"
    division_type: str  # "phường", "xã", "đặc khu"
    province_code: str
    province_name: str  # "Lai Châu", "Hà Nội"
    province_label: str  # "tỉnh Lai Châu", "thành phố Hà Nội"
    home: bool = False  # the demo's own commune: the seed plan's targets are set for it
    villages: list[str] = field(default_factory=list)

    @property
    def short(self) -> str:
        return short_name(self.name)

    @property
    def in_sentence(self) -> str:
        """'phường Tân Phong': the name as written inside a sentence."""
        return in_sentence(self.name)

    @property
    def mountain(self) -> bool:
        return self.province_code in vocab.MOUNTAIN_PROVINCES

    @property
    def urban(self) -> bool:
        return self.division_type.lower().startswith("phường")

    def make_villages(self, rng: random.Random) -> None:
        """Hamlets of the commune: bản in the mountains, thôn in the plains, tổ in a phường."""
        count = rng.randint(6, 14)
        if self.urban:
            self.villages = [f"tổ dân phố số {n}" for n in range(1, count + 1)]
            return
        names: list[str] = []
        while len(names) < count:
            if self.mountain:
                name = f"bản {rng.choice(vocab.VILLAGE_FIRST)} {rng.choice(vocab.VILLAGE_SECOND)}"
            else:
                name = f"thôn {rng.choice(vocab.HAMLET_LOWLAND)}"
            if name not in names:
                names.append(name)
            elif not self.mountain and len(names) >= len(vocab.HAMLET_LOWLAND) // 2:
                break
        self.villages = names

    def address(self, village: str) -> str:
        return f"{village[0].upper()}{village[1:]}, {self.name}, {self.province_name}"


@dataclass
class CoopInfo:
    """A cooperative as later steps need it (trainings, activities, support)."""

    id: str
    kind: str
    name: str
    founded_on: dt.date
    hoi_supported: bool
    programme: bool
    active: bool
    ocop: bool
    manager_ids: list[str] = field(default_factory=list)
    women_manager_ids: list[str] = field(default_factory=list)
    female_member_ids: list[str] = field(default_factory=list)


@dataclass
class CommuneResult:
    coops: list[CoopInfo] = field(default_factory=list)
    officer_ids: list[str] = field(default_factory=list)
    officer_names: list[tuple[str, str]] = field(default_factory=list)  # (name, position)
