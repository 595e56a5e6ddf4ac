"""The registry of one commune: HTX and THT, their boards and members, yearly figures,
Hội officers, and sensitive facts (with consent) for a few women."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from coopdesk.db.models import (
    Consent,
    Cooperative,
    CooperativeYear,
    Officer,
    Person,
    PersonSensitive,
    Role,
)
from coopdesk.demo import vocab
from coopdesk.demo.context import AS_OF, YEARS, Commune, CommuneResult, CoopInfo
from coopdesk.demo.people import PersonMaker
from coopdesk.demo.writer import Writer
from coopdesk.domain.choices import SENSITIVE_CATEGORIES
from coopdesk.i18n import collation_key, fold, normalize

MANAGEMENT = {"chair", "board_member", "director", "supervisor_head", "supervisor", "controller"}

_ETHNIC_BY_FAMILY = {
    **dict.fromkeys(("Lò", "Lường", "Tòng", "Quàng", "Cầm", "Điêu", "Lù"), "Thái"),
    **dict.fromkeys(("Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Vừ", "Lầu"), "Mông"),
    **dict.fromkeys(("Tẩn", "Chảo", "Phàn"), "Dao"),
    "Pờ": "Hà Nhì",
}
CONSENT_PURPOSE = "Theo dõi, hỗ trợ phụ nữ thuộc nhóm ưu tiên của Đề án 01 (chỉ dùng trong Hội)"


def _date_in(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _mst(rng: random.Random, province_code: str) -> str:
    """A 10-digit tax code with a valid check digit (python-stdnum vn.mst accepts it)."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    while True:
        body = f"{province_code[-2:]:0>2}{rng.randint(0, 9_999_999):07d}"
        check = 10 - sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        if check < 10:
            return body + str(check)


class RegistryMaker:
    """Fills one commune's registry; `sectors` maps a line of business to a sector code."""

    def __init__(
        self,
        writer: Writer,
        rng: random.Random,
        commune: Commune,
        sectors: dict[str, str | None],
        ethnicities: dict[str, str],
    ) -> None:
        self.w = writer
        self.rng = rng
        self.c = commune
        self.sectors = sectors
        self.ethnicities = ethnicities
        self.people = PersonMaker(rng, commune.mountain)
        self.result = CommuneResult()
        self._names: set[str] = set()
        self._lines = [line for line in vocab.LINES if commune.mountain or not line.mountain_only]
        # A phường has more workshops and services, fewer farms.
        urban = vocab.URBAN_LINES if commune.urban else set()
        self._weights = [line.weight * (3 if line.key in urban else 1) for line in self._lines]

    # --- people ------------------------------------------------------------------------

    def person(
        self, gender: str, village: str, years: tuple[int, int] = (1962, 2002)
    ) -> dict[str, Any]:
        pid = self.w.new_id(self.rng)
        row = self.people.row(pid, self.c.code, gender, years, self.c.address(village))
        self.w.add(Person, row)
        if self.rng.random() < (0.05 if self.c.mountain else 0.02) and gender == "F":
            self._sensitive(pid, row["family_name"])
        return row

    def _sensitive(self, person_id: str, family: str) -> None:
        rng = self.rng
        facts: dict[str, Any] = {}
        ethnic = self.ethnicities.get(_ETHNIC_BY_FAMILY.get(family, "Kinh"))
        if ethnic:
            facts["ethnicity_code"] = ethnic
        if rng.random() < 0.5:
            facts["poverty_status"] = rng.choice(("poor", "near_poor", "near_poor"))
        if rng.random() < 0.08:
            facts["disability"] = True
        if rng.random() < 0.04:
            facts["violence_victim"] = True
        if rng.random() < 0.05:
            facts["laid_off_worker"] = True
        if not facts:
            facts["poverty_status"] = "near_poor"
        self.w.add(
            PersonSensitive,
            {"id": self.w.new_id(rng), "unit_code": self.c.code, "person_id": person_id, **facts},
        )
        given_on = _date_in(rng, dt.date(2023, 3, 1), AS_OF)
        recorder = self.result.officer_names[0][0] if self.result.officer_names else "demo"
        for key in facts:
            self.w.add(
                Consent,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": self.c.code,
                    "person_id": person_id,
                    "category": SENSITIVE_CATEGORIES[key],
                    "purpose": CONSENT_PURPOSE,
                    "recorded_by": recorder,
                    "given_on": given_on,
                },
            )

    # --- officers ----------------------------------------------------------------------

    def officers(self) -> None:
        rng = self.rng
        count = rng.randint(4, len(vocab.OFFICER_POSITIONS))
        for template in vocab.OFFICER_POSITIONS[:count]:
            village = rng.choice(self.c.villages)
            person = self.person("F", village, (1968, 1995))
            position = template.format(unit=self.c.in_sentence, village=village)
            group_level = "{village}" in template
            self.w.add(
                Officer,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": self.c.code,
                    "person_id": person["id"],
                    "position": position,
                    "collective_economy_work": not group_level or rng.random() < 0.6,
                    "start_on": _date_in(rng, dt.date(2016, 1, 1), dt.date(2023, 1, 1)),
                },
            )
            self.result.officer_ids.append(person["id"])
            self.result.officer_names.append((person["full_name"], position))

    # --- cooperatives ------------------------------------------------------------------

    def cooperatives(self) -> None:
        rng = self.rng
        n_htx, n_tht = rng.randint(6, 15), rng.randint(18, 42)
        programme_years: list[int] = []
        if self.c.home:  # the seed plan's commune: one new HTX in 2024, another in 2026
            programme_years = [2024, 2026]
        for n in range(n_htx):
            forced = programme_years[n] if n < len(programme_years) else None
            self._cooperative("HTX", forced, allow_programme=not self.c.home)
        for _ in range(n_tht):
            self._cooperative("THT", None, allow_programme=True)

    def _founding(self, forced_year: int | None, allow_programme: bool) -> tuple[dt.date, bool]:
        rng = self.rng
        if forced_year is not None:
            start = dt.date(forced_year, 3, 1)
            end = min(dt.date(forced_year, 10, 31), AS_OF - dt.timedelta(days=60))
            return _date_in(rng, start, end), True
        year = min(2026, 2005 + int(22 * rng.random() ** 0.85))
        founded = _date_in(rng, dt.date(year, 1, 1), dt.date(year, 12, 28))
        founded = min(founded, AS_OF - dt.timedelta(days=30))
        programme = allow_programme and year >= 2023 and rng.random() < 0.5
        if not allow_programme and year >= 2023:
            founded = _date_in(rng, dt.date(2012, 1, 1), dt.date(2022, 12, 28))
        return founded, programme

    def _name(self, kind: str, line: vocab.Line) -> tuple[str, str]:
        """A name not used yet in the commune, and the village the cooperative is in."""
        rng, c = self.rng, self.c
        village = rng.choice(c.villages)
        name = ""
        for attempt in range(12):
            if kind == "HTX":
                place = c.short
                if attempt and rng.random() < 0.5:
                    rural = not c.urban and rng.random() < 0.6
                    place = village.split(" ", 1)[1] if rural else rng.choice(vocab.BRANDS)
                name = rng.choice(line.htx).format(place=place)
            else:
                where = village if attempt < 4 else f"{rng.choice(vocab.BRANDS)} {village}"
                name = rng.choice(line.tht).format(village=where)
            if name not in self._names:
                break
            village = rng.choice(c.villages)
        else:
            name = f"{name} số {len(self._names) + 1}"
        self._names.add(name)
        return normalize(name), village

    def _cooperative(self, kind: str, forced_year: int | None, allow_programme: bool) -> None:
        rng = self.rng
        line = rng.choices(self._lines, weights=self._weights)[0]
        name, village = self._name(kind, line)
        founded, programme = self._founding(forced_year, allow_programme)
        hoi_supported = programme or rng.random() < 0.45
        status, dissolved_on = self._status(founded, programme)
        ocop_product, stars = self._ocop(kind, line)
        coop_id = self.w.new_id(rng)
        self.w.add(
            Cooperative,
            {
                **self._registration(coop_id, kind, name, village, line, founded),
                "ocop_product": ocop_product,
                "ocop_stars": stars,
                "status": status,
                "founded_on": founded,
                "dissolved_on": dissolved_on,
                "hoi_supported": hoi_supported,
                "founded_with_hoi_support": programme,
                **self._features(line, founded, stars),
            },
        )
        info = CoopInfo(
            id=coop_id,
            kind=kind,
            name=name,
            founded_on=founded,
            hoi_supported=hoi_supported,
            programme=programme,
            active=status == "active",
            ocop=stars is not None,
        )
        roster = self._roster(info, village, dissolved_on, female_bias=line.key == "weaving")
        self._years(info, roster, dissolved_on, forced_year is not None)
        self.result.coops.append(info)

    def _status(self, founded: dt.date, programme: bool) -> tuple[str, dt.date | None]:
        """A few older cooperatives dissolved or suspended; none founded under the programme."""
        rng = self.rng
        status, dissolved_on = "active", None
        roll = rng.random()
        if not programme and roll < 0.04 and founded.year < 2022:
            status = "dissolved"
            dissolved_on = _date_in(rng, dt.date(founded.year + 2, 1, 1), dt.date(2025, 12, 1))
        elif not programme and roll < 0.09:
            status = "suspended"
        return status, dissolved_on

    def _ocop(self, kind: str, line: vocab.Line) -> tuple[str, int | None]:
        """An OCOP product and its stars, for some cooperatives of a line that has them."""
        rng = self.rng
        ocop_product, stars = "", None
        ocop_chance = 0.3 if kind == "HTX" else 0.05
        if line.ocop and rng.random() < ocop_chance:
            ocop_product = rng.choice(line.ocop).format(place=self.c.short)
            stars = 3 if kind == "THT" else rng.choices((3, 4, 5), weights=(65, 30, 5))[0]
        return ocop_product, stars

    def _registration(
        self, coop_id: str, kind: str, name: str, village: str, line: vocab.Line, founded: dt.date
    ) -> dict[str, Any]:
        """Who the cooperative is: name, registration, sector, address, products."""
        rng, c = self.rng, self.c
        return {
            "id": coop_id,
            "unit_code": c.code,
            "kind": kind,
            "name": name,
            "name_folded": fold(name),
            "sort_key": collation_key(name),
            "registration_no": _mst(rng, c.province_code) if kind == "HTX" else "",
            "registered_on": founded,
            "sector_code": self.sectors.get(line.key),
            "address": c.address(village),
            "products": ", ".join(rng.sample(line.products, min(2, len(line.products)))),
        }

    def _features(self, line: vocab.Line, founded: dt.date, stars: int | None) -> dict[str, Any]:
        """The development facts the indicators count (value chain, e-commerce, trademark…)."""
        rng, c = self.rng, self.c
        return {
            "value_chain": rng.random() < 0.3,
            "traditional_craft": line.key in {"weaving", "bamboo"},
            "community_tourism": line.key == "tourism",
            "ecommerce": rng.random() < (0.45 if founded.year >= 2023 else 0.2),
            "trademark": rng.random() < 0.15 or stars is not None,
            "traceability": rng.random() < 0.15,
            "growing_area_code": (
                f"VN-{c.code}-{rng.randint(1, 999):03d}"
                if line.key in {"tea", "fruit", "vegetables"} and rng.random() < 0.25
                else ""
            ),
        }

    def _roster(
        self, info: CoopInfo, village: str, end_on: dt.date | None, female_bias: bool
    ) -> dict[str, int]:
        """People and roles; returns member counts for the yearly figures."""
        rng = self.rng
        women_managed = rng.random() < (0.85 if info.kind == "HTX" else 0.8) or info.programme
        p_female = 0.85 if female_bias else 0.64
        officials, associates, board = self._board(info.kind)
        board = board[:officials]
        genders = [("F" if rng.random() < 0.55 else "M") if women_managed else "M" for _ in board]
        if women_managed and "F" not in genders[:-1]:
            genders[0] = "F"
        counts = {"members": officials + associates, "female": 0, "associates": associates}
        for n in range(officials + associates):
            on_board = n < len(board)
            role = board[n] if on_board else "member"
            gender = genders[n] if on_board else ("F" if rng.random() < p_female else "M")
            home = village if rng.random() < 0.7 else rng.choice(self.c.villages)
            pid = self.person(gender, home)["id"]
            counts["female"] += gender == "F"
            self._add_roles(info, pid, role, board, on_board, n < officials, end_on)
            self._note_member(info, pid, role, gender)
        return counts

    def _board(self, kind: str) -> tuple[int, int, list[str]]:
        """How many official and associate members, and the board's roles (first members)."""
        rng = self.rng
        if kind != "HTX":
            return rng.randint(3, 15), 0, ["group_leader"]
        officials = rng.randint(5, 28) if rng.random() > 0.03 else rng.randint(3, 4)
        associates = rng.randint(0, 6)
        if officials >= 9 and rng.random() < 0.6:
            board = ["chair", *["board_member"] * rng.randint(2, 4)]
            board += ["supervisor_head", *["supervisor"] * rng.randint(1, 2)]
            board += ["director"] if rng.random() < 0.5 else []  # else the chair directs
        else:
            board = ["director", "controller"]
        board.append("accountant")
        return officials, associates, board

    def _add_roles(
        self,
        info: CoopInfo,
        pid: str,
        role: str,
        board: list[str],
        on_board: bool,
        official: bool,
        end_on: dt.date | None,
    ) -> None:
        """A member's role rows (a chair with no director directs too), from when they joined."""
        rng, start = self.rng, info.founded_on
        roles = [role]
        if role == "chair" and "director" not in board:
            roles.append("director")
        joined = start if on_board or rng.random() < 0.6 else _date_in(rng, start, end_on or AS_OF)
        kind = None
        if role == "member" and info.kind == "HTX":
            kind = (
                "official"
                if official
                else rng.choice(("associate_capital", "associate_no_capital"))
            )
        for r in roles:
            self.w.add(
                Role,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": self.c.code,
                    "person_id": pid,
                    "cooperative_id": info.id,
                    "role": r,
                    "member_kind": kind,
                    "start_on": joined,
                    "end_on": end_on,
                },
            )

    @staticmethod
    def _note_member(info: CoopInfo, pid: str, role: str, gender: str) -> None:
        """Remember the cooperative's managers, women managers and other women members."""
        if role in MANAGEMENT or role == "group_leader":
            info.manager_ids.append(pid)
            if gender == "F":
                info.women_manager_ids.append(pid)
        elif gender == "F" and role != "accountant":
            info.female_member_ids.append(pid)

    def _years(
        self, info: CoopInfo, roster: dict[str, int], end_on: dt.date | None, showcase: bool
    ) -> None:
        rng = self.rng
        years = [
            y for y in YEARS if info.founded_on.year <= y and (end_on is None or end_on.year >= y)
        ]
        members, female = roster["members"], roster["female"]
        if info.kind == "HTX":
            workers = max(3, members // 2 + rng.randint(0, 25))
        else:
            workers = members + rng.randint(0, 4)
        majority = rng.random() < 0.8 or info.programme
        share = rng.uniform(0.55, 0.92) if majority else rng.uniform(0.25, 0.5)
        if showcase:  # the seed plan's new HTX: about 7 new jobs for women in its first year
            workers, share = rng.randint(9, 11), 0.75
        base_revenue = members * rng.randint(15, 120) * 1_000_000
        income = rng.randint(30, 70) * 100_000
        growth = rng.uniform(0.0, 0.04)
        previous: int | None = None
        for y in years:
            age = 2026 - y
            factor = max(0.5, 1 - age * growth)
            m = max(2, round(members * factor))
            wk = max(2, round(workers * factor))
            fw = min(wk, round(wk * share))
            if previous is None:
                new_jobs = fw if info.founded_on.year == y and y >= 2023 else 0
            else:
                new_jobs = max(0, fw - previous)
            previous = fw
            self.w.add(
                CooperativeYear,
                {
                    "id": self.w.new_id(rng),
                    "unit_code": self.c.code,
                    "cooperative_id": info.id,
                    "year": y,
                    "members": m,
                    "official_members": m - round(roster["associates"] * factor),
                    "female_members": min(m, round(female * factor)),
                    "workers": wk,
                    "female_workers": fw,
                    "new_jobs_women": new_jobs,
                    "revenue": round(base_revenue * factor / 1_000_000) * 1_000_000,
                    "average_income": round(income * (0.85 + 0.05 * (3 - age)) / 1e5) * 100_000,
                    "consolidated": info.hoi_supported
                    and y >= 2024
                    and rng.random() < (0.92 if self.c.home else 0.7),
                },
            )
