"""Two records of one woman and two of one cooperative, each with what hangs on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, CooperativeYear, Participation, Role, Support, Training
from coopdesk.services import people, records

OFFICER = "Lò Thị Mai"
DAY = dt.date(2025, 3, 1)


@dataclass
class Pair:
    kept: str
    other: str


def _coop(session: Session, name: str, mst: str = "", unit_code: str | None = None) -> str:
    data = {
        "name": name,
        "kind": "HTX",
        "registration_no": mst,
        "founded_on": DAY,
        "founded_with_hoi_support": True,
    }
    if unit_code:
        data["unit_code"] = unit_code
    return records.create(session, Cooperative, data, OFFICER).id


def _training(session: Session, title: str) -> str:
    return records.create(session, Training, {"title": title, "start_on": DAY}, OFFICER).id


def two_hoas(session: Session) -> tuple[Pair, dict[str, str]]:
    """Hoa entered twice: the first with a role and a training, the second (with a phone) with
    another role, the same training, a second training, support, a consent and details."""
    kept = people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985)
    other = people.create_person(
        session, "Nguyễn Thị Hoà", actor=OFFICER, birth_year=1985, phone="0912 345 678"
    )
    che, lua = _coop(session, "HTX Chè Tân Phong"), _coop(session, "HTX Lúa Bản Giang")
    both, second = _training(session, "Quản trị HTX"), _training(session, "Kế toán HTX")
    made = {"che": che, "lua": lua, "both": both, "second": second}
    made["kept_role"] = records.create(
        session, Role, {"person_id": kept.id, "cooperative_id": che, "role": "chair"}, OFFICER
    ).id
    made["other_role"] = records.create(
        session, Role, {"person_id": other.id, "cooperative_id": lua, "role": "member"}, OFFICER
    ).id
    for person, training in ((kept, both), (other, both), (other, second)):
        records.create(
            session, Participation, {"training_id": training, "person_id": person.id}, OFFICER
        )
    made["support"] = records.create(
        session,
        Support,
        {
            "person_id": other.id,
            "kind": "loan",
            "fund": "vbsp",
            "given_on": DAY,
            "amount": 5_000_000,
        },
        OFFICER,
    ).id
    made["consent"] = people.record_consent(
        session, other, "disability", "Hỗ trợ sinh kế", recorded_by=OFFICER, given_on=DAY
    ).id
    made["details"] = people.set_sensitive(session, other, {"disability": True}, OFFICER).id
    return Pair(kept.id, other.id), made


def two_coops(session: Session) -> tuple[Pair, dict[str, str]]:
    """HTX Chè Tân Phong entered twice: yearly figures for 2024 on both, 2025 on the second,
    and a board member on the second."""
    kept = _coop(session, "HTX Chè Tân Phong")
    other = _coop(session, "Hợp tác xã Chè Tân Phong", mst="0101234567")
    for coop, year, members in ((kept, 2024, 20), (other, 2024, 21), (other, 2025, 25)):
        records.create(
            session,
            CooperativeYear,
            {"cooperative_id": coop, "year": year, "members": members},
            OFFICER,
        )
    lan = people.create_person(session, "Lò Thị Lan", actor=OFFICER, birth_year=1990)
    role = records.create(
        session, Role, {"person_id": lan.id, "cooperative_id": other, "role": "director"}, OFFICER
    ).id
    return Pair(kept, other), {"lan": lan.id, "role": role}
