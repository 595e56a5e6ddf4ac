"""Classification is computed from roles, labour figures and founding facts."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as Obj

from coopdesk.domain.classification import (
    female_worker_share,
    founded_under_programme,
    majority_female_workers,
    women_in_management,
)

DAY = dt.date(2025, 6, 30)
PEOPLE = {
    "lan": Obj(id="lan", full_name="Lò Thị Lan", gender="F"),
    "hung": Obj(id="hung", full_name="Vàng A Hùng", gender="M"),
    "mai": Obj(id="mai", full_name="Nguyễn Thị Mai", gender="F"),
}


def role(person: str, name: str, start: dt.date | None = None, end: dt.date | None = None):
    return Obj(person_id=person, role=name, start_on=start, end_on=end, deleted_at=None)


def test_a_woman_director_makes_it_women_managed() -> None:
    roles = [role("hung", "chair"), role("lan", "director", dt.date(2024, 1, 1))]
    assert women_in_management(roles, PEOPLE, DAY)


def test_a_woman_who_is_only_a_member_or_accountant_does_not() -> None:
    roles = [role("hung", "director"), role("lan", "member"), role("mai", "accountant")]
    assert not women_in_management(roles, PEOPLE, DAY)


def test_supervisory_board_and_controller_count() -> None:
    assert women_in_management([role("mai", "supervisor")], PEOPLE, DAY)
    assert women_in_management([role("mai", "controller")], list(PEOPLE.values()), DAY)


def test_the_role_must_be_held_on_the_day() -> None:
    ended = role("lan", "chair", dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    future = role("mai", "director", dt.date(2026, 1, 1))
    assert not women_in_management([ended, future], PEOPLE, DAY)
    assert women_in_management([ended], PEOPLE, dt.date(2024, 12, 31))
    deleted = role("lan", "chair")
    deleted.deleted_at = dt.datetime(2025, 1, 1)
    assert not women_in_management([deleted], PEOPLE, DAY)


def test_group_leader_counts_for_a_tht_only() -> None:
    leader = [role("lan", "group_leader")]
    assert women_in_management(leader, PEOPLE, DAY, kind="THT")
    assert not women_in_management(leader, PEOPLE, DAY, kind="HTX")


def test_more_than_half_female_workers() -> None:
    assert majority_female_workers(Obj(workers=12, female_workers=7))
    assert not majority_female_workers(Obj(workers=12, female_workers=6))  # exactly 50 %
    assert not majority_female_workers({"workers": 0, "female_workers": 0})
    assert not majority_female_workers({"workers": None, "female_workers": 3})
    assert female_worker_share({"workers": 8, "female_workers": 6}) == 0.75


def test_founded_under_the_programme() -> None:
    assert founded_under_programme(
        Obj(founded_on=dt.date(2023, 1, 3), founded_with_hoi_support=True)
    )
    assert not founded_under_programme(
        Obj(founded_on=dt.date(2023, 1, 2), founded_with_hoi_support=True)
    )
    assert not founded_under_programme(
        Obj(founded_on=dt.date(2024, 5, 1), founded_with_hoi_support=False)
    )
    assert not founded_under_programme(Obj(founded_on=None, founded_with_hoi_support=True))
