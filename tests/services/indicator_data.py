"""A tiny province with two communes whose every indicator is counted by hand.

Province "12" (Lai Châu) with communes A = "03408" and B = "03409" (names set here). Records
sit on both sides of the 2025 boundaries (31/12/2024, 01/01/2025, 31/12/2025, 01/01/2026).
The expected values for the calendar year 2025 are in EXPECTED_2025 with the reasoning beside
each record below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine

from coopdesk.db.engine import session_scope
from coopdesk.db.models import (
    Activity,
    Budget,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Person,
    Role,
    Support,
    Training,
    Unit,
)
from coopdesk.i18n import collation_key, fold

P, A, B = "12", "03408", "03409"
D = dt.date


def units(engine: Engine) -> None:
    with session_scope(engine) as s:
        for code, name, level, parent in (
            (P, "Tỉnh Lai Châu", "province", None),
            (A, "Phường Tân Phong", "commune", P),
            (B, "Xã Bản Giang", "commune", P),
        ):
            s.merge(
                Unit(
                    code=code,
                    name=name,
                    name_folded=fold(name),
                    division_type=level,
                    level=level,
                    parent_code=parent,
                    province_code=P if parent else None,
                    legacy=False,
                    sort_key=collation_key(name),
                )
            )


class Maker:
    def __init__(self, session: Any) -> None:
        self.s = session

    def person(self, unit: str, full_name: str, gender: str = "F", **kw: Any) -> Person:
        family, *middle, given = full_name.split()
        p = Person(
            unit_code=unit,
            family_name=family,
            middle_name=" ".join(middle),
            given_name=given,
            full_name=full_name,
            name_folded=fold(full_name),
            gender=gender,
            **kw,
        )
        self.s.add(p)
        self.s.flush()
        return p

    def coop(self, unit: str, kind: str, name: str, founded: dt.date, **kw: Any) -> Cooperative:
        c = Cooperative(
            unit_code=unit,
            kind=kind,
            name=name,
            name_folded=fold(name),
            sort_key=collation_key(name),
            founded_on=founded,
            **kw,
        )
        self.s.add(c)
        self.s.flush()
        return c

    def role(self, person: Person, coop: Cooperative, role: str, start: dt.date, **kw: Any) -> None:
        self.s.add(
            Role(
                unit_code=coop.unit_code,
                person_id=person.id,
                cooperative_id=coop.id,
                role=role,
                start_on=start,
                **kw,
            )
        )

    def year(self, coop: Cooperative, year: int, **kw: Any) -> None:
        self.s.add(
            CooperativeYear(unit_code=coop.unit_code, cooperative_id=coop.id, year=year, **kw)
        )

    def training(self, unit: str, title: str, start: dt.date, **kw: Any) -> Training:
        t = Training(unit_code=unit, title=title, title_folded=fold(title), start_on=start, **kw)
        self.s.add(t)
        self.s.flush()
        return t

    def attend(self, training: Training, person: Person, completed: bool = True) -> None:
        self.s.add(
            Participation(
                unit_code=training.unit_code,
                training_id=training.id,
                person_id=person.id,
                completed=completed,
            )
        )

    def officer(self, person: Person, **kw: Any) -> None:
        self.s.add(Officer(unit_code=person.unit_code, person_id=person.id, **kw))

    def activity(self, unit: str, kind: str, held: dt.date, total: int, women: int) -> None:
        self.s.add(
            Activity(
                unit_code=unit,
                kind=kind,
                channel="meeting",
                title=f"{kind} {held}",
                title_folded=fold(f"{kind} {held}"),
                held_on=held,
                reach_total=total,
                reach_women=women,
            )
        )


def build(engine: Engine) -> None:
    units(engine)
    with session_scope(engine) as s:
        m = Maker(s)
        lan = m.person(A, "Nguyễn Thị Lan")
        mai = m.person(B, "Lò Thị Mai")
        dao = m.person(A, "Trần Thị Đào")
        hung = m.person(A, "Phạm Văn Hùng", "M")
        tung = m.person(B, "Vàng A Tùng", "M")
        cuc = m.person(B, "Giàng Thị Cúc")
        nga = m.person(A, "Lê Thị Nga")
        hoa = m.person(A, "Đỗ Thị Hoà")
        huong = m.person(A, "Vũ Thị Hương")
        phuong = m.person(A, "Bùi Thị Phượng")
        thu = m.person(B, "Tẩn Thị Thu")
        ghost = m.person(B, "Chảo Thị Ma", deleted_at=dt.datetime(2025, 2, 1))

        # A1: HTX, women-managed (Lan chairs), Hội-supported, consolidated in 2025.
        a1 = m.coop(A, "HTX", "HTX Chè Tân Phong", D(2020, 5, 1), hoi_supported=True)
        m.role(lan, a1, "chair", D(2020, 5, 1))
        m.year(a1, 2024, workers=8, female_workers=6, new_jobs_women=1)
        m.year(a1, 2025, workers=10, female_workers=8, new_jobs_women=2, consolidated=True)
        # A2: HTX founded 01/01/2025 with the Hội's help; a man directs, a woman only keeps
        # the books → not women-managed; Hội-supported, not consolidated.
        a2 = m.coop(
            A,
            "HTX",
            "HTX Dệt Thổ Cẩm",
            D(2025, 1, 1),
            hoi_supported=True,
            founded_with_hoi_support=True,
        )
        m.role(hung, a2, "director", D(2025, 1, 1))
        m.role(nga, a2, "accountant", D(2025, 1, 1))
        m.year(a2, 2025, workers=5, female_workers=3, new_jobs_women=3)
        # A3: HTX dissolved 30/06/2024 (woman chair): gone before 2025.
        a3 = m.coop(
            A,
            "HTX",
            "HTX Rau Sạch",
            D(2018, 1, 1),
            status="dissolved",
            dissolved_on=D(2024, 6, 30),
            hoi_supported=True,
        )
        m.role(dao, a3, "chair", D(2018, 1, 1), end_on=D(2024, 6, 30))
        # A4: THT founded 01/01/2026 under the programme: not in 2025.
        a4 = m.coop(
            A,
            "THT",
            "Tổ hợp tác Mây Tre",
            D(2026, 1, 1),
            hoi_supported=True,
            founded_with_hoi_support=True,
        )
        m.role(nga, a4, "group_leader", D(2026, 1, 1))
        # A5: THT founded 31/12/2025 under the programme, a woman leads it.
        a5 = m.coop(
            A,
            "THT",
            "Tổ hợp tác Nấm",
            D(2025, 12, 31),
            hoi_supported=True,
            founded_with_hoi_support=True,
        )
        m.role(nga, a5, "group_leader", D(2025, 12, 31))
        # B1: HTX, Mai directs; consolidated in 2025; 2026 figures lie outside 2025.
        b1 = m.coop(B, "HTX", "HTX Gạo Bản Giang", D(2019, 3, 1), hoi_supported=True)
        m.role(mai, b1, "director", D(2019, 3, 1))
        m.year(b1, 2025, workers=9, female_workers=4, new_jobs_women=0, consolidated=True)
        m.year(b1, 2026, workers=25, female_workers=20, new_jobs_women=16, consolidated=True)
        # B2: deleted HTX with a woman chair: never counted.
        b2 = m.coop(B, "HTX", "HTX Đã Xoá", D(2019, 1, 1), deleted_at=dt.datetime(2025, 3, 1))
        m.role(cuc, b2, "chair", D(2019, 1, 1))
        # B3: THT led by a man, a woman is only a member; not Hội-supported.
        b3 = m.coop(B, "THT", "Tổ hợp tác Dệt", D(2021, 1, 1))
        m.role(tung, b3, "group_leader", D(2021, 1, 1))
        m.role(cuc, b3, "member", D(2021, 1, 1))
        m.role(ghost, b3, "group_leader", D(2021, 1, 1))  # a deleted person is not counted
        m.year(b3, 2025, workers=7, female_workers=5, new_jobs_women=1)

        # Officers: Hoà (A, collective economy work), Hương (A, other work: excluded),
        # Phượng (A, left 31/12/2024: excluded from 2025), Thu (B).
        m.officer(hoa, collective_economy_work=True, start_on=D(2020, 1, 1))
        m.officer(huong, collective_economy_work=False, start_on=D(2020, 1, 1))
        m.officer(phuong, start_on=D(2020, 1, 1), end_on=D(2024, 12, 31))
        m.officer(thu, start_on=D(2021, 1, 1))

        # Trainings.
        t1 = m.training(A, "Quản trị HTX", D(2024, 3, 1), audience="managers")
        m.attend(t1, lan)  # Lan: trained in 2024
        t2 = m.training(B, "Thương mại điện tử", D(2025, 6, 1), audience="managers")
        m.attend(t2, mai, completed=False)  # did not finish
        m.attend(t2, lan)
        t3 = m.training(A, "Chuyển đổi số", D(2025, 12, 31), audience="managers")
        m.attend(t3, mai)  # Mai (B) trained at A's course: counted for B
        m.attend(t3, hoa)
        t4 = m.training(A, "Tuyên truyền KTTT", D(2023, 5, 1), audience="officers")
        m.attend(t4, hoa)
        t5 = m.training(
            B, "Kỹ năng vận động", D(2026, 1, 1), audience="officers", kind="upskilling"
        )
        m.attend(t5, thu)  # after 2025
        t6 = m.training(
            A, "Bồi dưỡng kỹ năng", D(2025, 7, 1), audience="officers", kind="upskilling"
        )
        m.attend(t6, hoa)
        t7 = m.training(A, "Lớp đã xoá", D(2025, 8, 1), deleted_at=dt.datetime(2025, 9, 1))
        m.attend(t7, thu)

        # Communication.
        m.activity(A, "communication", D(2025, 1, 1), 100, 80)
        m.activity(A, "communication", D(2024, 12, 31), 50, 40)  # before 2025
        m.activity(A, "fair", D(2025, 5, 5), 300, 200)  # not communication
        m.activity(B, "communication", D(2025, 12, 31), 40, 30)

        # Support.
        s.add_all(
            [
                Support(
                    unit_code=A,
                    kind="loan",
                    fund="womens_development_fund",
                    amount=50_000_000,
                    given_on=D(2025, 3, 1),
                    cooperative_id=a1.id,
                ),
                Support(
                    unit_code=A,
                    kind="grant",
                    fund="state_budget",
                    amount=10_000_000,
                    given_on=D(2026, 1, 1),
                    cooperative_id=a1.id,
                ),
                Support(
                    unit_code=B,
                    kind="loan",
                    fund="vbsp",
                    amount=30_000_000,
                    given_on=D(2025, 12, 31),
                    person_id=mai.id,
                ),
            ]
        )
        # Budget.
        s.add_all(
            [
                Budget(
                    unit_code=A,
                    year=2025,
                    source="state_budget",
                    planned=20_000_000,
                    allocated=15_000_000,
                    spent=12_000_000,
                ),
                Budget(
                    unit_code=A,
                    year=2024,
                    source="state_budget",
                    planned=5_000_000,
                    allocated=5_000_000,
                    spent=5_000_000,
                ),
                Budget(
                    unit_code=B,
                    year=2025,
                    source="mtqg_rural",
                    planned=10_000_000,
                    allocated=8_000_000,
                    spent=7_000_000,
                ),
            ]
        )


# Province 12, calendar year 2025: (numerator, denominator or None) per indicator, and the
# same for each commune.
EXPECTED_2025: dict[str, dict[str, tuple[int, int | None]]] = {
    # A1, B1 (A2 has no woman manager, A3 dissolved in 2024, B2 deleted)
    "htx_women_managed": {P: (2, None), A: (1, None), B: (1, None)},
    # A5 (founded and led by Nga on 31/12/2025); B3 is led by a man; A4 starts in 2026
    "tht_women_managed": {P: (1, None), A: (1, None), B: (0, None)},
    # latest 2025 figures with more than half women: A1 (8 of 10), A2 (3 of 5); B1 4 of 9
    "htx_majority_female": {P: (2, None), A: (2, None), B: (0, None)},
    # Hội-supported and existing in 2025: A1, A2, A5 | B1; consolidated: A1 | B1
    "coops_consolidated_pct": {P: (2, 4), A: (1, 3), B: (1, 1)},
    # women HTX managers in 2025: Lan (A), Mai (B); trained in 2025: Mai (course of 31/12/2025)
    # and Lan (course of 01/06/2025)
    "women_managers_trained": {P: (2, None), A: (1, None), B: (1, None)},
    # trained since the programme start: both
    "women_managers_trained_pct": {P: (2, 2), A: (1, 1), B: (1, 1)},
    "new_htx_programme": {P: (1, None), A: (1, None), B: (0, None)},  # A2
    "new_tht_programme": {P: (1, None), A: (1, None), B: (0, None)},  # A5 (A4 is 2026)
    # 2025 figures of HTX and THT: A1 2 + A2 3 | B1 0 + B3 1
    "new_jobs_women": {P: (6, None), A: (5, None), B: (1, None)},
    "female_workers_htx": {P: (15, None), A: (11, None), B: (4, None)},  # A1 8 + A2 3 | B1 4
    "female_workers_tht": {P: (5, None), A: (0, None), B: (5, None)},  # B3
    # officers in 2025: Hoà (A), Thu (B); Hoà trained (2023 officers' course, 2025 upskilling);
    # Thu's course starts in 2026
    "officers_trained_pct": {P: (1, 2), A: (1, 1), B: (0, 1)},
    "officers_upskilled_pct": {P: (1, 2), A: (1, 1), B: (0, 1)},
    "comm_events": {P: (2, None), A: (1, None), B: (1, None)},
    "comm_reach": {P: (140, None), A: (100, None), B: (40, None)},
    "comm_reach_women": {P: (110, None), A: (80, None), B: (30, None)},
    # courses started in 2025: t3, t6 (A), t2 (B); t7 is deleted
    "training_courses": {P: (3, None), A: (2, None), B: (1, None)},
    # completed, by the person's unit: A: Lan (t2), Hoà (t3, t6) | B: Mai (t3)
    "people_trained": {P: (3, None), A: (2, None), B: (1, None)},
    "training_participations": {P: (4, None), A: (3, None), B: (1, None)},
    "support_count": {P: (2, None), A: (1, None), B: (1, None)},
    "support_amount": {P: (80_000_000, None), A: (50_000_000, None), B: (30_000_000, None)},
    "budget_planned": {P: (30_000_000, None), A: (20_000_000, None), B: (10_000_000, None)},
    "budget_allocated": {P: (23_000_000, None), A: (15_000_000, None), B: (8_000_000, None)},
    "budget_spent": {P: (19_000_000, None), A: (12_000_000, None), B: (7_000_000, None)},
}


def expected_value(num: int, den: int | None) -> Decimal | None:
    if den is None:
        return Decimal(num)
    return Decimal(num) * 100 / Decimal(den) if den else None
