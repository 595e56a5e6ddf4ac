"""Classification is computed from roles, labour figures and founding facts."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as Obj

from coopdesk.domain.classification import (
    alive,
    female_worker_share,
    founded_under_programme,
    latest_figures,
    majority_female_workers,
    majority_female_workers_in,
    manages,
    trained,
    women_in_management,
)
from coopdesk.domain.periods import Period

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


def test_a_role_counts_for_a_period_it_overlaps() -> None:
    later = role("mai", "director", dt.date(2025, 11, 1))
    assert not women_in_management([later], PEOPLE, DAY)
    assert women_in_management([later], PEOPLE, Period.parse("2025"))
    assert not women_in_management([later], PEOPLE, Period.parse("2024"))


def test_a_deleted_woman_does_not_count() -> None:
    gone = {"lan": Obj(id="lan", gender="F", deleted_at=dt.datetime(2025, 1, 1))}
    assert not women_in_management([role("lan", "chair")], gone, DAY)


def test_a_cooperative_alive_in_a_period() -> None:
    coop = Obj(founded_on=dt.date(2024, 5, 1), dissolved_on=dt.date(2025, 3, 1), status="dissolved")
    assert alive(coop, Period.parse("2025")) and alive(coop, Period.parse("2024"))
    assert not alive(coop, Period.parse("2023")) and not alive(coop, Period.parse("2026"))
    assert not alive(Obj(founded_on=None, dissolved_on=None, status="dissolved"), DAY)
    assert not alive(Obj(founded_on=None, deleted_at=dt.datetime(2025, 1, 1)), DAY)


def test_a_manager_holds_a_role_in_a_living_cooperative() -> None:
    coops = {"c1": Obj(kind="HTX", status="active"), "c2": Obj(kind="THT", status="dissolved")}
    chair = Obj(cooperative_id="c1", role="chair", start_on=None, end_on=None)
    leader = Obj(cooperative_id="c2", role="group_leader", start_on=None, end_on=None)
    assert manages([chair], coops, DAY) and manages([chair], coops, DAY, ("HTX", "LHHTX"))
    assert not manages([leader], coops, DAY)  # the group is dissolved
    assert not manages([chair], coops, DAY, ("THT",))


def test_the_female_worker_rule_reads_the_latest_figures_of_the_period() -> None:
    years = [
        Obj(year=2024, workers=10, female_workers=8),
        Obj(year=2025, workers=10, female_workers=4),
        Obj(year=2026, workers=10, female_workers=9, deleted_at=dt.datetime(2026, 5, 1)),
    ]
    assert latest_figures(years).year == 2025  # the deleted 2026 figures do not count
    assert not majority_female_workers_in(years)
    assert majority_female_workers_in(years, Period.parse("2024"))
    assert not majority_female_workers_in(years, Period.parse("phase1"))
    assert not majority_female_workers_in(years, Period.parse("2023"))  # no figures


def test_founded_under_the_programme_within_a_period_and_not_after_2030() -> None:
    coop = Obj(founded_on=dt.date(2024, 5, 1), founded_with_hoi_support=True)
    assert founded_under_programme(coop, Period.parse("2024"))
    assert not founded_under_programme(coop, Period.parse("2025"))
    assert not founded_under_programme(
        Obj(founded_on=dt.date(2031, 1, 1), founded_with_hoi_support=True)
    )


def test_trained_by_the_end_of_a_period_since_the_programme_began() -> None:
    trainings = {
        "t22": Obj(start_on=dt.date(2022, 6, 1)),
        "t24": Obj(start_on=dt.date(2024, 6, 1)),
        "gone": Obj(start_on=dt.date(2024, 6, 1), deleted_at=dt.datetime(2024, 7, 1)),
    }

    def took(training: str, completed: bool = True) -> Obj:
        return Obj(training_id=training, completed=completed)

    assert trained([took("t24")], trainings, Period.parse("2025"))
    assert not trained([took("t24")], trainings, Period.parse("2023"))
    assert not trained([took("t22")], trainings, Period.parse("2025"))  # before the programme
    assert trained([took("t22")], trainings)  # with no period, any training
    assert not trained([took("t24", completed=False), took("gone")], trainings)
