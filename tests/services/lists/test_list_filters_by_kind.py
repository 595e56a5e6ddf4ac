"""Each list's named filters, as the GUI's widgets and `coopdesk list` flags pass them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import (
    Activity,
    Budget,
    Officer,
    Participation,
    Plan,
    Sector,
    Support,
    Target,
    Training,
)
from coopdesk.i18n import fold
from coopdesk.services import lists
from coopdesk.services.lists import Scope
from tests.services.lists.data import HOME, cooperative, last_year, person, role, year


@pytest.fixture
def s(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as session:
        yield session


def shown(
    s: Session, list_kind: str, column: str = "", /, search: str = "", **filters: Any
) -> list[Any]:
    """One column (default: the first) of the rows the list shows with these filters."""
    query = lists.query(s, list_kind, Scope(HOME), filters, search)
    place = 1 + [c.key for c in query.columns].index(column) if column else 1
    return [row[place] for row in query.all_rows(s)]


def test_cooperatives_kind_status_and_sector(s: Session) -> None:
    sector = s.scalars(select(Sector).order_by(Sector.code)).first()
    assert sector is not None
    cooperative(s, "HTX Chè", sector_code=sector.code)
    cooperative(s, "THT Dệt", kind="THT", status="suspended")
    assert shown(s, "cooperatives", kind="THT") == ["THT Dệt"]
    assert shown(s, "cooperatives", status="suspended") == ["THT Dệt"]
    assert shown(s, "cooperatives", sector=sector.code) == ["HTX Chè"]
    assert shown(s, "cooperatives", "sector", sector=sector.code) == [sector.code]


def test_women_in_management(s: Session) -> None:
    woman, man, former = (
        person(s, "Lò", "Thị", "Mai"),
        person(s, "Trần", "Văn", "An", "M"),
        person(s, "Vàng", "Thị", "Hoa"),
    )
    led = cooperative(s, "HTX Phụ nữ làm chủ")
    role(s, woman, led, "director")
    by_man = cooperative(s, "HTX Nam làm chủ")
    role(s, man, by_man, "chair")
    role(s, woman, by_man, "member")  # a member is not management
    before = cooperative(s, "HTX Từng có nữ giám đốc")
    role(s, former, before, "director", end_on=last_year())
    assert shown(s, "cooperatives", women_managed=True) == ["HTX Phụ nữ làm chủ"]
    assert len(shown(s, "cooperatives", women_managed=False)) == 3  # off: every cooperative


def test_more_than_half_of_the_workers_women_in_the_latest_year(s: Session) -> None:
    now = cooperative(s, "HTX Nữ đông")
    year(s, now, 2024, 10, 4)
    year(s, now, 2025, 10, 6)
    fewer = cooperative(s, "HTX Nữ ít dần")
    year(s, fewer, 2024, 10, 6)
    year(s, fewer, 2025, 10, 5)  # exactly half is not more than half
    cooperative(s, "HTX Chưa có số liệu")
    assert shown(s, "cooperatives", majority_female=True) == ["HTX Nữ đông"]


def test_founded_under_the_programme(s: Session) -> None:
    cooperative(s, "HTX Mới", founded_on=dt.date(2024, 3, 1), founded_with_hoi_support=True)
    cooperative(s, "HTX Cũ", founded_on=dt.date(2020, 3, 1), founded_with_hoi_support=True)
    cooperative(s, "HTX Tự lập", founded_on=dt.date(2024, 3, 1))
    assert shown(s, "cooperatives", founded_under_programme=True) == ["HTX Mới"]


def _training(s: Session, title: str, day: dt.date, **kw: Any) -> Training:
    row = Training(unit_code=HOME, title=title, title_folded=fold(title), start_on=day, **kw)
    s.add(row)
    s.flush()
    return row


def test_people_gender_trained_and_managers(s: Session) -> None:
    trained, untrained, man = (
        person(s, "Lò", "Thị", "Ánh"),
        person(s, "Vàng", "Thị", "Bích"),
        person(s, "Trần", "Văn", "Cường", "M"),
    )
    course = _training(s, "Quản trị HTX", dt.date(2025, 5, 1))
    s.add(Participation(unit_code=HOME, training_id=course.id, person_id=trained.id))
    role(s, untrained, cooperative(s, "HTX Chè"), "chair")
    s.flush()
    assert shown(s, "people", gender="M") == ["Trần Văn Cường"]
    assert shown(s, "people", trained=True) == ["Lò Thị Ánh"]
    assert shown(s, "people", trained=False) == ["Vàng Thị Bích", "Trần Văn Cường"]
    assert shown(s, "people", managers=True) == ["Vàng Thị Bích"]
    assert man.gender == "M" and "Trần Văn Cường" not in shown(s, "people", gender="F")


def test_officers_trained_and_current(s: Session) -> None:
    mai, hoa = person(s, "Lò", "Thị", "Mai"), person(s, "Vàng", "Thị", "Hoa")
    s.add(Officer(unit_code=HOME, person_id=mai.id, position="Chủ tịch"))
    s.add(Officer(unit_code=HOME, person_id=hoa.id, position="Phó", end_on=last_year()))
    course = _training(s, "Nghiệp vụ Hội", dt.date(2025, 5, 1), audience="officers")
    s.add(Participation(unit_code=HOME, training_id=course.id, person_id=hoa.id))
    s.flush()
    assert shown(s, "officers", trained=True) == ["Vàng Thị Hoa"]
    assert shown(s, "officers", trained=False) == ["Lò Thị Mai"]
    assert shown(s, "officers", current=True) == ["Lò Thị Mai"]


def test_trainings_kind_audience_year_and_participants(s: Session) -> None:
    old = _training(s, "Khởi nghiệp 2024", dt.date(2024, 12, 31), kind="formal")
    _training(s, "Kế toán 2025", dt.date(2025, 1, 1), audience="members")
    for given in ("An", "Bình"):
        s.add(
            Participation(
                unit_code=HOME, training_id=old.id, person_id=person(s, "Lò", "Thị", given).id
            )
        )
    s.flush()
    assert shown(s, "trainings", "title", year=2025) == ["Kế toán 2025"]
    assert shown(s, "trainings", "title", kind="formal") == ["Khởi nghiệp 2024"]
    assert shown(s, "trainings", "title", audience="members") == ["Kế toán 2025"]
    assert shown(s, "trainings", "participants", year=2024) == [2]
    assert shown(s, "trainings", "title", search="ke toan") == ["Kế toán 2025"]


def test_activities_kind_channel_and_year(s: Session) -> None:
    for title, kind, channel, day in (
        ("Phát thanh về HTX", "communication", "radio", dt.date(2025, 3, 1)),
        ("Hội chợ nông sản", "fair", None, dt.date(2024, 9, 1)),
    ):
        s.add(Activity(unit_code=HOME, title=title, title_folded=fold(title), kind=kind,
                       channel=channel, held_on=day))  # fmt: skip
    s.flush()
    assert shown(s, "activities", "title", kind="fair") == ["Hội chợ nông sản"]
    assert shown(s, "activities", "title", channel="radio") == ["Phát thanh về HTX"]
    assert shown(s, "activities", "title", year=2024) == ["Hội chợ nông sản"]


def test_support_kind_fund_year_and_recipient_search(s: Session) -> None:
    coop, who = cooperative(s, "HTX Chè Tân Phong"), person(s, "Lò", "Thị", "Mai")
    s.add(Support(unit_code=HOME, kind="loan", fund="vbsp", amount=50_000_000,
                  given_on=dt.date(2025, 4, 1), cooperative_id=coop.id))  # fmt: skip
    s.add(Support(unit_code=HOME, kind="grant", fund="project", amount=2_000_000,
                  given_on=dt.date(2024, 4, 1), person_id=who.id))  # fmt: skip
    s.flush()
    assert shown(s, "support", "recipient", kind="loan") == ["HTX Chè Tân Phong"]
    assert shown(s, "support", "recipient", fund="project") == ["Lò Thị Mai"]
    assert shown(s, "support", "recipient", year=2025) == ["HTX Chè Tân Phong"]
    assert shown(s, "support", "recipient", search="lo thi") == ["Lò Thị Mai"]
    assert shown(s, "support", "amount", kind="loan") == [50_000_000]


def test_budget_source_and_year(s: Session) -> None:
    s.add(Budget(unit_code=HOME, year=2025, source="state_budget", planned=100))
    s.add(Budget(unit_code=HOME, year=2026, source="mtqg_rural", planned=200))
    s.flush()
    assert shown(s, "budget", "planned", year=2026) == [200]
    assert shown(s, "budget", "planned", source="state_budget") == [100]


def test_plans_count_their_live_targets(s: Session) -> None:
    plan = Plan(unit_code=HOME, issuer="UBND", title="Kế hoạch 2026",
                period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31))  # fmt: skip
    s.add(plan)
    s.flush()
    for value, deleted in ((10, None), (20, dt.datetime(2026, 2, 1, tzinfo=dt.UTC))):
        s.add(Target(unit_code=HOME, plan_id=plan.id, target_unit_code=HOME, period="2026",
                     indicator_code="x", value=value, deleted_at=deleted))  # fmt: skip
    s.flush()
    assert shown(s, "plans", "targets") == [1]
    assert lists.query(s, "plans", Scope(HOME)).column("targets").fmt(1) == "1"
