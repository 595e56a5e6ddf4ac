"""The province office's own records: its Hội officers, the yearly training it holds for the
officers of its communes, its own communication and its budget."""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.db.models import Activity, Officer, Participation, Person, Training, Unit
from coopdesk.demo import vocab
from coopdesk.demo.activities import budget_rows
from coopdesk.demo.context import YEARS, CommuneResult, in_sentence
from coopdesk.demo.people import PersonMaker
from coopdesk.demo.writer import Writer
from coopdesk.i18n import fold


class ProvinceMaker:
    def __init__(self, writer: Writer, seed: int, province: Unit) -> None:
        self.w = writer
        self.rng = random.Random(f"coopdesk-demo:{seed}:{province.code}")
        self.province = province
        self.label = in_sentence(province.name)  # "tỉnh Lai Châu", "thành phố Hà Nội"
        self.commune_officers: list[str] = []
        self.chair: tuple[str, str] = ("", "")  # (name, position) of the province Hội's chair

    def collect(self, made: CommuneResult) -> None:
        """Remember a commune's officers: the province trains some of them each year."""
        self.commune_officers.extend(made.officer_ids[:3])

    def write(self) -> None:
        own = self._officers()
        self._trainings(own)
        self._communication()
        budget_rows(self.w, self.rng, self.province.code, mountain=False, scale=8)

    def _officers(self) -> list[str]:
        rng, code = self.rng, self.province.code
        people = PersonMaker(rng, mountain=code in vocab.MOUNTAIN_PROVINCES)
        ids: list[str] = []
        unit = self.label
        for template in vocab.PROVINCE_OFFICER_POSITIONS:
            pid = self.w.new_id(rng)
            position = template.format(unit=unit)
            row = people.row(pid, code, "F", (1970, 1994), f"Trụ sở Hội LHPN {unit}")
            self.w.add(Person, row)
            if not ids:
                self.chair = (row["full_name"], position)
            self.w.add(
                Officer,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": code,
                    "person_id": pid,
                    "position": position,
                    "collective_economy_work": True,
                    "start_on": dt.date(2018 + rng.randint(0, 4), 1, 1 + rng.randint(0, 27)),
                },
            )
            ids.append(pid)
        return ids

    def _trainings(self, own: list[str]) -> None:
        rng, code = self.rng, self.province.code
        for year in YEARS:
            title = f"Tập huấn cán bộ Hội làm công tác kinh tế tập thể {self.label} năm {year}"
            start = dt.date(year, rng.randint(3, 10), rng.randint(1, 28))
            tid = self.w.new_id(rng)
            self.w.add(
                Training,
                {
                    "id": tid,
                    "unit_code": code,
                    "title": title,
                    "title_folded": fold(title),
                    "kind": "upskilling" if year > 2023 else "short",
                    "topic": "governance",
                    "audience": "officers",
                    "start_on": start,
                    "end_on": start + dt.timedelta(days=1),
                    "location": f"Hội trường Hội LHPN {self.label}",
                    "organiser": f"Hội LHPN {self.label}",
                    "cost": rng.randint(40, 120) * 1_000_000,
                    "funding_source": "state_budget",
                },
            )
            share = min(len(self.commune_officers), rng.randint(20, 60))
            for pid in own + rng.sample(self.commune_officers, share):
                self.w.add(
                    Participation,
                    {
                        "id": self.w.new_id(rng),
                        "unit_code": code,
                        "training_id": tid,
                        "person_id": pid,
                        "completed": True,
                    },
                )

    def _communication(self) -> None:
        rng, code = self.rng, self.province.code
        for year in YEARS:
            for channel in ("tv", "facebook", "radio"):
                title = vocab.COMMUNICATION[channel].format(place=f"{self.label}")
                total = rng.randint(3000, 30000)
                held = dt.date(year, rng.randint(2, 10), rng.randint(1, 28))
                self.w.add(
                    Activity,
                    {
                        "id": self.w.new_id(rng),
                        "unit_code": code,
                        "kind": "communication",
                        "channel": channel,
                        "title": title,
                        "title_folded": fold(title),
                        "held_on": held,
                        "reach_total": total,
                        "reach_women": round(total * rng.uniform(0.5, 0.7)),
                    },
                )
