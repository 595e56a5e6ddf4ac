"""What the Hội of one commune did in 2023–2026: trainings with their participants,
communication, fairs, study tours, inspections, advice, support given and budget by source."""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.db.models import (
    Activity,
    ActivityCooperative,
    Budget,
    Participation,
    Support,
    Training,
)
from coopdesk.demo import vocab
from coopdesk.demo.context import AS_OF, YEARS, Commune, CommuneResult, CoopInfo
from coopdesk.demo.writer import Writer
from coopdesk.i18n import fold

_REACH = {
    "meeting": (40, 160, 0.75),
    "club": (15, 45, 0.95),
    "radio": (500, 3000, 0.55),
    "tv": (2000, 12000, 0.55),
    "facebook": (300, 6000, 0.7),
    "zalo": (40, 300, 0.85),
    "contest": (80, 900, 0.8),
    "leaflet": (100, 600, 0.75),
}
_CHANNEL_WEIGHTS = {
    "meeting": 30,
    "club": 20,
    "radio": 8,
    "tv": 3,
    "facebook": 15,
    "zalo": 15,
    "contest": 4,
    "leaflet": 5,
}


def _day(rng: random.Random, year: int, first_month: int = 1, last_month: int = 12) -> dt.date:
    start = dt.date(year, first_month, 1)
    end = min(dt.date(year, last_month, 28), AS_OF - dt.timedelta(days=1))
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _money(rng: random.Random, low_millions: int, high_millions: int) -> int:
    return rng.randint(low_millions, high_millions) * 1_000_000


class ActivityMaker:
    def __init__(
        self, writer: Writer, rng: random.Random, commune: Commune, made: CommuneResult
    ) -> None:
        self.w = writer
        self.rng = rng
        self.c = commune
        self.made = made
        self.women_managers = [p for coop in made.coops for p in coop.women_manager_ids]
        # Managers' courses are for women managing an HTX; THT leaders join the members' ones.
        self.htx_women_managers = [
            p for coop in made.coops if coop.kind == "HTX" for p in coop.women_manager_ids
        ]
        self.female_members = [p for coop in made.coops for p in coop.female_member_ids] + [
            p for coop in made.coops if coop.kind == "THT" for p in coop.women_manager_ids
        ]

    def all(self) -> None:
        self.trainings()
        self.activities()
        self.support()
        self.budgets()

    # --- trainings ---------------------------------------------------------------------

    def _training(
        self, year: int, topic: str, audience: str, kind: str, people: list[str], days: int = 1
    ) -> None:
        rng, c = self.rng, self.c
        if not people:
            return
        titles = vocab.OFFICER_TRAININGS if audience == "officers" else vocab.TRAINING_TOPICS[topic]
        title = rng.choice(titles)
        start = _day(rng, year, 3, 11)
        organiser = rng.choice(vocab.ORGANISERS).format(
            unit=c.in_sentence, province=c.province_label
        )
        own = organiser.endswith(c.in_sentence)
        tid = self.w.new_id(rng)
        self.w.add(
            Training,
            {
                "id": tid,
                "unit_code": c.code,
                "title": f"{title} năm {year}",
                "title_folded": fold(f"{title} năm {year}"),
                "kind": kind,
                "topic": topic,
                "audience": audience,
                "start_on": start,
                "end_on": start + dt.timedelta(days=days - 1),
                "location": f"Hội trường UBND {c.in_sentence}",
                "organiser": organiser,
                "cost": _money(rng, 3, 25) if own else None,
                "funding_source": "state_budget" if own else None,
            },
        )
        for pid in dict.fromkeys(people):
            self.w.add(
                Participation,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": c.code,
                    "training_id": tid,
                    "person_id": pid,
                    "completed": rng.random() < 0.96,
                },
            )

    def _sample(self, pool: list[str], low: int, high: int) -> list[str]:
        return self.rng.sample(pool, min(len(pool), self.rng.randint(low, high)))

    def trainings(self) -> None:
        rng = self.rng
        officers = self.made.officer_ids
        trained: set[str] = set()
        for year in YEARS:
            managers = self._sample(self.htx_women_managers, 4, 10)
            if year == 2025 and (self.c.home or rng.random() < 0.6):  # catch up before 2026
                missing = [p for p in self.htx_women_managers if p not in trained]
                # The demo's own commune misses one, so its dashboard shows a target at risk.
                managers += missing[1:] if self.c.home else missing
            trained.update(managers)
            topic = rng.choice(("governance", "ecommerce", "digital", "it", "law", "startup"))
            self._training(year, topic, "managers", "short", managers, days=rng.randint(1, 3))
            for _ in range(rng.randint(0, 2)):
                topic = rng.choice(("vocational", "ecommerce", "law", "startup"))
                audience = rng.choice(("members", "members", "workers"))
                kind = "formal" if topic == "vocational" and rng.random() < 0.2 else "short"
                people = self._sample(self.female_members, 6, 14)
                self._training(year, topic, audience, kind, people, days=rng.randint(1, 5))
            if year == 2023:
                self._training(year, "governance", "officers", "short", officers)
            elif year in (2024, 2025) or rng.random() < 0.5:
                share = 0.9 if self.c.home else rng.uniform(0.7, 1.0)
                chosen = [p for p in officers if rng.random() < share]
                self._training(year, "governance", "officers", "upskilling", chosen, days=2)

    # --- activities --------------------------------------------------------------------

    def _activity(
        self,
        kind: str,
        title: str,
        held_on: dt.date,
        channel: str | None = None,
        coops: list[CoopInfo] | tuple[CoopInfo, ...] = (),
        reach: tuple[int, int, float] | None = None,
        cost: int | None = None,
    ) -> None:
        rng, c = self.rng, self.c
        total = women = None
        if reach is not None:
            total = rng.randint(reach[0], reach[1])
            women = min(total, round(total * rng.uniform(reach[2] - 0.1, reach[2] + 0.05)))
        aid = self.w.new_id(rng)
        self.w.add(
            Activity,
            {
                "id": aid,
                "unit_code": c.code,
                "kind": kind,
                "channel": channel,
                "title": title,
                "title_folded": fold(title),
                "held_on": held_on,
                "reach_total": total,
                "reach_women": women,
                "cost": cost,
                "funding_source": "state_budget" if cost else None,
            },
        )
        for coop in {coop.id: coop for coop in coops}.values():
            self.w.add(
                ActivityCooperative,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": c.code,
                    "activity_id": aid,
                    "cooperative_id": coop.id,
                },
            )

    def activities(self) -> None:
        rng, c = self.rng, self.c
        fmt = {"place": c.in_sentence, "province": c.province_label}
        channels = list(_CHANNEL_WEIGHTS)
        weights = list(_CHANNEL_WEIGHTS.values())
        active = [coop for coop in self.made.coops if coop.active]
        supported = [coop for coop in active if coop.hoi_supported] or active
        showcase = [coop for coop in active if coop.ocop] or active
        for year in YEARS:
            for _ in range(rng.randint(3, 7)):
                channel = rng.choices(channels, weights)[0]
                title = vocab.COMMUNICATION[channel].format(**fmt)
                if channel != "contest":
                    title = f"{title}: {rng.choice(vocab.THEMES)}"
                cost = _money(rng, 1, 5) if channel in {"meeting", "contest"} else None
                self._activity(
                    "communication", title, _day(rng, year), channel, (), _REACH[channel], cost
                )
            if rng.random() < 0.5 and showcase:
                title = rng.choice(vocab.FAIRS).format(**fmt)
                coops = rng.sample(showcase, min(len(showcase), rng.randint(1, 3)))
                self._activity("fair", title, _day(rng, year, 4, 12), None, coops, (200, 3000, 0.6))
            if rng.random() < 0.25 and supported:
                coops = rng.sample(supported, min(len(supported), rng.randint(1, 3)))
                title = rng.choice(vocab.STUDY_TOURS)
                self._activity("study_tour", title, _day(rng, year, 5, 10), None, coops, None)
            if rng.random() < 0.6 and supported:
                title = rng.choice(vocab.INSPECTIONS).format(**fmt)
                coops = rng.sample(supported, min(len(supported), rng.randint(1, 2)))
                self._activity("inspection", title, _day(rng, year, 6, 11), None, coops)
            if rng.random() < 0.5 and supported:
                coops = rng.sample(supported, min(len(supported), rng.randint(1, 3)))
                title = vocab.ADVICE["consolidation_advice"]
                self._activity("consolidation_advice", title, _day(rng, year), None, coops)
            if year == 2025:
                title = vocab.ADVICE["meeting"].format(year=year)
                self._activity("meeting", title, _day(rng, year, 10, 11), "meeting", (),
                               (30, 80, 0.8), _money(rng, 2, 6))  # fmt: skip
        for coop in self.made.coops:
            if coop.programme:
                held = max(dt.date(2023, 1, 15), coop.founded_on - dt.timedelta(days=45))
                title = vocab.ADVICE["founding_advice"].format(**fmt)
                self._activity("founding_advice", title, held, None, [coop])

    # --- support and budget ------------------------------------------------------------

    def support(self) -> None:
        rng, c = self.rng, self.c
        coops = [coop for coop in self.made.coops if coop.active and coop.hoi_supported]
        for year in YEARS:
            for _ in range(rng.randint(1, 3)):
                fund = rng.choices(
                    ("womens_development_fund", "vbsp", "agribank", "state_budget", "project"),
                    weights=(35, 35, 10, 12, 8),
                )[0]
                kind = "loan" if fund in {"womens_development_fund", "vbsp", "agribank"} else None
                kind = kind or rng.choice(("grant", "grant", "in_kind"))
                to_coop = coops and (fund != "vbsp" and rng.random() < 0.6)
                coop = rng.choice(coops) if to_coop else None
                people = (coop.women_manager_ids if coop else None) or self.women_managers
                person = None if coop or not people else rng.choice(people)
                if coop is None and person is None:
                    continue
                amount = _money(rng, 30, 300) if kind == "loan" else _money(rng, 5, 60)
                text = vocab.SUPPORT_TEXT[fund]
                if kind == "in_kind":
                    text = "Hỗ trợ máy móc, giống cây con cho sản xuất"
                self.w.add(
                    Support,
                    {
                        "id": self.w.new_id(rng),
                        "unit_code": c.code,
                        "kind": kind,
                        "fund": fund,
                        "amount": amount,
                        "given_on": _day(rng, year),
                        "cooperative_id": coop.id if coop else None,
                        "person_id": person,
                        "description": text,
                    },
                )

    def budgets(self) -> None:
        budget_rows(self.w, self.rng, self.c.code, mountain=self.c.mountain, scale=1)


def budget_rows(
    w: Writer, rng: random.Random, unit_code: str, *, mountain: bool, scale: int
) -> None:
    """Planned/allocated/spent by source for 2023–2026 (2026 is still being spent)."""
    chances = {
        "state_budget": 1.0,
        "mtqg_poverty": 0.5 if mountain else 0.2,
        "mtqg_ethnic": 0.5 if mountain else 0.0,
        "mtqg_rural": 0.3,
        "extension": 0.2,
        "social": 0.2,
        "international": 0.03 * scale,
    }
    for year in YEARS:
        for source, chance in chances.items():
            if rng.random() >= chance:
                continue
            planned = _money(rng, 8, 40) * scale
            allocated = round(planned * rng.uniform(0.7, 1.0) / 1e6) * 1_000_000
            used = rng.uniform(0.55, 0.85) if year == 2026 else rng.uniform(0.85, 1.0)
            w.add(
                Budget,
                {
                    "id": w.new_id(rng),
                    "unit_code": unit_code,
                    "year": year,
                    "source": source,
                    "planned": planned,
                    "allocated": allocated,
                    "spent": round(allocated * used / 1e5) * 100_000,
                },
            )
