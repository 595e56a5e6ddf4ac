"""Every SQL twin of `coopdesk.services.rules` says what its Python rule in
`coopdesk.domain.classification` says, on the same records: generated cooperatives, people,
roles, yearly figures, trainings, dates and deletions, asked for generated periods and days.
The counts of the indicators and the printed list are held against the rules as well.

The three disagreements found in issue 11 are explicit examples (and plain tests below):
(a) a woman director whose role starts next year, (b) a woman chair whose person record is
deleted, (c) a cooperative founded in 2031 with the Hội's support.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import (
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Role,
    Training,
)
from coopdesk.domain import classification as rule
from coopdesk.domain.periods import Period, standard_choices
from coopdesk.services import rules
from coopdesk.services.indicators.counting import compute_partials
from coopdesk.services.indicators.national import compute_by_period
from coopdesk.services.indicators.scope import Scope
from coopdesk.services.report_lists import ListFilter, list_cooperatives
from tests.services import indicator_data as data
from tests.services.indicator_data import A, Maker

TODAY = dt.date(2026, 12, 2)
D = dt.date
ROLES = ("chair", "board_member", "director", "supervisor", "controller", "group_leader")
ROLES += ("member", "accountant")

# --- the generated world -------------------------------------------------------------------


@dataclass
class World:
    coops: list[dict[str, Any]]
    people: list[dict[str, Any]]
    roles: list[dict[str, Any]] = field(default_factory=list)
    years: list[dict[str, Any]] = field(default_factory=list)
    trainings: list[dict[str, Any]] = field(default_factory=list)
    parts: list[dict[str, Any]] = field(default_factory=list)


EDGES = [D(2022, 12, 31), D(2023, 1, 1), D(2023, 1, 2), D(2023, 1, 3), D(2025, 12, 31)]
EDGES += [D(2026, 1, 1), D(2026, 12, 2), D(2026, 12, 3), D(2030, 12, 31), D(2031, 1, 1)]
days = st.one_of(st.sampled_from(EDGES), st.dates(D(2021, 1, 1), D(2032, 12, 31)))
maybe_day = st.one_of(st.none(), days)
deleted = st.booleans().map(lambda gone: dt.datetime(2026, 1, 1) if gone else None)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    coops = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(("HTX", "THT", "LHHTX")),
                    "founded_on": maybe_day,
                    "dissolved_on": maybe_day,
                    "status": st.sampled_from(("active", "suspended", "dissolved")),
                    "founded_with_hoi_support": st.booleans(),
                    "deleted_at": deleted,
                }
            ),
            min_size=1,
            max_size=4,
        )
    )
    people = draw(
        st.lists(
            st.fixed_dictionaries(
                {"gender": st.sampled_from(("F", "F", "M", "X")), "deleted_at": deleted}
            ),
            min_size=1,
            max_size=4,
        )
    )
    index = st.integers(min_value=0)
    roles = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "p": index.map(lambda n: n % len(people)),
                    "c": index.map(lambda n: n % len(coops)),
                    "role": st.sampled_from(ROLES),
                    "start_on": maybe_day,
                    "end_on": maybe_day,
                    "deleted_at": deleted,
                }
            ),
            max_size=6,
        )
    )
    figures = st.fixed_dictionaries(
        {
            "workers": st.one_of(st.none(), st.integers(0, 12)),
            "female_workers": st.one_of(st.none(), st.integers(0, 12)),
            "deleted_at": deleted,
        }
    )
    years = [
        {"c": c, "year": year, **draw(figures)}
        for c in range(len(coops))
        for year in draw(st.sets(st.integers(2021, 2032), max_size=3))
    ]
    trainings = draw(
        st.lists(st.fixed_dictionaries({"start_on": days, "deleted_at": deleted}), max_size=3)
    )
    parts = []
    if trainings:
        parts = draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "p": index.map(lambda n: n % len(people)),
                        "t": index.map(lambda n: n % len(trainings)),
                        "completed": st.booleans(),
                        "deleted_at": deleted,
                    }
                ),
                max_size=5,
                unique_by=lambda pa: (pa["p"], pa["t"]),
            )
        )
    return World(coops, people, roles, years, trainings, parts)


OFFERED = standard_choices(TODAY)
periods = st.one_of(
    st.sampled_from(OFFERED),
    days.map(Period.day),
    st.tuples(days, days).map(lambda ab: Period.parse(f"{min(ab)}..{max(ab)}")),
)

# --- writing it and reading it as the domain sees it ---------------------------------------


@dataclass
class Written:
    coops: list[SimpleNamespace]
    people: list[SimpleNamespace]
    roles: list[SimpleNamespace]
    years: list[SimpleNamespace]
    trainings: list[SimpleNamespace]
    parts: list[SimpleNamespace]


def write(session: Session, world: World) -> Written:
    for model in (Participation, Training, Role, CooperativeYear, Cooperative, Person):
        session.execute(delete(model))
    m = Maker(session)
    coops = []
    for n, c in enumerate(world.coops):
        record = m.coop(
            A, c["kind"], f"HTX số {n}", c["founded_on"], **_facts(c, "kind", "founded_on")
        )
        coops.append(SimpleNamespace(id=record.id, **c))
    people = []
    for n, p in enumerate(world.people):
        record = m.person(A, f"Nguyễn Thị Số{n}", p["gender"], deleted_at=p["deleted_at"])
        people.append(SimpleNamespace(id=record.id, **p))
    roles = []
    for r in world.roles:
        person, coop = people[r["p"]], coops[r["c"]]
        facts = {k: r[k] for k in ("role", "start_on", "end_on", "deleted_at")}
        session.add(Role(unit_code=A, person_id=person.id, cooperative_id=coop.id, **facts))
        roles.append(SimpleNamespace(person_id=person.id, cooperative_id=coop.id, **facts))
    years = []
    for y in world.years:
        coop = coops[y["c"]]
        facts = _facts(y, "c")
        session.add(CooperativeYear(unit_code=A, cooperative_id=coop.id, **facts))
        years.append(SimpleNamespace(cooperative_id=coop.id, **facts))
    trainings = []
    for n, t in enumerate(world.trainings):
        record = m.training(A, f"Lớp {n}", t["start_on"], deleted_at=t["deleted_at"])
        trainings.append(SimpleNamespace(id=record.id, **t))
    parts = []
    for pa in world.parts:
        person, training = people[pa["p"]], trainings[pa["t"]]
        facts = {"completed": pa["completed"], "deleted_at": pa["deleted_at"]}
        session.add(
            Participation(unit_code=A, person_id=person.id, training_id=training.id, **facts)
        )
        parts.append(SimpleNamespace(person_id=person.id, training_id=training.id, **facts))
    session.flush()
    return Written(coops, people, roles, years, trainings, parts)


def _facts(d: dict[str, Any], *leave: str) -> dict[str, Any]:
    return {k: v for k, v in d.items() if k not in leave}


def ids(session: Session, query: Any) -> set[str]:
    return set(session.scalars(query))


# --- each twin against its rule -------------------------------------------------------------


def check_cooperative_rules(s: Session, w: Written, when: Period | dt.date | None) -> None:
    c = Cooperative
    period = when if isinstance(when, Period) else None
    roles_of = {coop.id: [r for r in w.roles if r.cooperative_id == coop.id] for coop in w.coops}
    years_of = {coop.id: [y for y in w.years if y.cooperative_id == coop.id] for coop in w.coops}
    expected = {
        "alive": {x.id for x in w.coops if rule.alive(x, when)},
        "women": {
            x.id
            for x in w.coops
            if rule.women_in_management(roles_of[x.id], w.people, when, x.kind)
        },
        "majority": {
            x.id for x in w.coops if rule.majority_female_workers_in(years_of[x.id], period)
        },
        "founded": {x.id for x in w.coops if rule.founded_under_programme(x, period)},
    }
    got = {
        "alive": ids(s, select(c.id).where(rules.alive(c, when))),
        "women": ids(s, select(c.id).where(rules.women_in_management(when, c))),
        "majority": ids(s, select(c.id).where(rules.majority_female_workers(period, c))),
        "founded": ids(s, select(c.id).where(rules.founded_under_programme(period, c))),
    }
    assert got == expected, when


def check_people_rules(s: Session, w: Written, when: Period | dt.date | None) -> None:
    p, r = Person, Role
    period = when if isinstance(when, Period) else None
    roles_of = {x.id: [r for r in w.roles if r.person_id == x.id] for x in w.people}
    parts_of = {x.id: [pa for pa in w.parts if pa.person_id == x.id] for x in w.people}
    expected = {
        "roles": {
            (x.person_id, x.cooperative_id, x.role, x.start_on, x.end_on)
            for x in w.roles
            if rule.role_active(x, when)
        },
        "women": {x.id for x in w.people if rule.woman(x)},
        "manages": {x.id for x in w.people if rule.manages(roles_of[x.id], w.coops, when)},
        "manages_htx": {
            x.id for x in w.people if rule.manages(roles_of[x.id], w.coops, when, rules.HTX_KINDS)
        },
        "trained": {x.id for x in w.people if rule.trained(parts_of[x.id], w.trainings, period)},
    }
    active = select(r.person_id, r.cooperative_id, r.role, r.start_on, r.end_on)
    got = {
        "roles": set(s.execute(active.where(rules.role_active(r, when))).all()),
        "women": ids(s, select(p.id).where(rules.woman(p))),
        "manages": ids(s, select(p.id).where(rules.manages(p.id, when))),
        "manages_htx": ids(s, select(p.id).where(rules.manages(p.id, when, rules.HTX_KINDS))),
        "trained": ids(s, select(p.id).where(rules.trained(p.id, period))),
    }
    assert got == expected, when


def check_counts(s: Session, w: Written, period: Period) -> None:
    """The indicators and the printed list count what the rules say."""
    roles_of = {coop.id: [r for r in w.roles if r.cooperative_id == coop.id] for coop in w.coops}
    years_of = {coop.id: [y for y in w.years if y.cooperative_id == coop.id] for coop in w.coops}
    htx = [x for x in w.coops if x.kind == "HTX" and rule.alive(x, period)]
    managed = {
        x.id for x in w.coops if rule.women_in_management(roles_of[x.id], w.people, period, x.kind)
    }
    partials = compute_partials(s, Scope(A, "", "commune", [A], {}, []), period).get(A, {})

    def counted(code: str) -> int:
        value = partials.get(code)
        return int(value.numerator) if value is not None else 0

    assert counted("htx_women_managed") == sum(x.id in managed for x in htx)
    majority = [x for x in htx if rule.majority_female_workers_in(years_of[x.id], period)]
    assert counted("htx_majority_female") == len(majority)
    new_htx = [
        x
        for x in w.coops
        if x.kind == "HTX" and x.deleted_at is None and rule.founded_under_programme(x, period)
    ]
    assert counted("new_htx_programme") == len(new_htx)
    # the whole country, this period counted with the chart's years in one pass
    chart = [Period.calendar_year(year) for year in range(2023, 2031)]
    country = Scope(None, "", "national", None, {}, [])
    together = compute_by_period(s, country, [period, *chart])
    assert _nonzero(together[0].get(A, {})) == _nonzero(partials)
    for year, values in zip(chart, together[1:], strict=True):
        alone = compute_partials(s, Scope(A, "", "commune", [A], {}, []), year).get(A, {})
        assert _nonzero(values.get(A, {})) == _nonzero(alone), year
    listed = list_cooperatives(s, A, period, ListFilter(), "vi")
    on_list = {
        x.name for x in s.scalars(select(Cooperative)) if x.id in managed and rule.alive(x, period)
    }
    assert {row[0] for row in listed} == on_list


def _nonzero(values: dict[str, Any]) -> dict[str, Any]:
    return {
        code: (v.numerator, v.denominator or 0, {k: a for k, a in v.breakdown.items() if a})
        for code, v in values.items()
        if v.numerator or v.denominator or any(v.breakdown.values())
    }


@pytest.fixture
def prepared(engine: Engine) -> Iterator[Engine]:
    data.units(engine)
    yield engine


CASE_A = World(  # a woman director whose role starts next year
    coops=[{"kind": "HTX", "founded_on": D(2020, 1, 1), "dissolved_on": None}],
    people=[{"gender": "F", "deleted_at": None}],
    roles=[{"p": 0, "c": 0, "role": "director", "start_on": D(2027, 1, 1), "end_on": None}],
)
CASE_B = World(  # a woman chair whose person record is deleted
    coops=[{"kind": "HTX", "founded_on": D(2020, 1, 1), "dissolved_on": None}],
    people=[{"gender": "F", "deleted_at": dt.datetime(2026, 3, 1)}],
    roles=[{"p": 0, "c": 0, "role": "chair", "start_on": D(2020, 1, 1), "end_on": None}],
)
CASE_C = World(  # founded in 2031 with the Hội's support
    coops=[{"kind": "HTX", "founded_on": D(2031, 2, 1), "dissolved_on": None}],
    people=[{"gender": "F", "deleted_at": None}],
    roles=[{"p": 0, "c": 0, "role": "chair", "start_on": D(2031, 2, 1), "end_on": None}],
)
for case in (CASE_A, CASE_B, CASE_C):
    case.coops[0].update(status="active", founded_with_hoi_support=True, deleted_at=None)
    case.roles[0]["deleted_at"] = None


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds(), period=periods, day=maybe_day)
@example(world=CASE_A, period=Period.parse("2026"), day=TODAY)
@example(world=CASE_B, period=Period.parse("2026"), day=TODAY)
@example(world=CASE_C, period=Period.parse("all"), day=D(2031, 6, 1))
def test_every_sql_twin_says_what_its_rule_says(
    prepared: Engine, world: World, period: Period, day: dt.date | None
) -> None:
    with session_scope(prepared) as s:
        written = write(s, world)
        for when in (period, day):
            check_cooperative_rules(s, written, when)
            check_people_rules(s, written, when)
        check_counts(s, written, period)
        s.rollback()


# --- the three cases, as an officer sees them ------------------------------------------------


def _agree(engine: Engine, world: World, period: Period, when: dt.date) -> dict[str, Any]:
    """What the list filter, the editor's badge (the domain rule) and the indicator say."""
    with session_scope(engine) as s:
        w = write(s, world)
        c = Cooperative
        coop = w.coops[0]
        roles = [r for r in w.roles if r.cooperative_id == coop.id]
        partials = compute_partials(s, Scope(A, "", "commune", [A], {}, []), period).get(A, {})
        value = partials.get("htx_women_managed")
        return {
            "filter_women": bool(ids(s, select(c.id).where(rules.women_in_management(when, c)))),
            "badge_women": rule.women_in_management(roles, w.people, when, coop.kind),
            "indicator_women": int(value.numerator) if value else 0,
            "filter_founded": bool(ids(s, select(c.id).where(rules.founded_under_programme()))),
            "badge_founded": rule.founded_under_programme(coop),
        }


def test_a_woman_director_from_next_year_does_not_make_it_women_managed(prepared: Engine) -> None:
    said = _agree(prepared, CASE_A, Period.parse("2026"), TODAY)
    assert not said["filter_women"] and not said["badge_women"] and said["indicator_women"] == 0
    assert _agree(prepared, CASE_A, Period.parse("2027"), D(2027, 1, 1))["indicator_women"] == 1


def test_a_deleted_woman_chair_does_not_count(prepared: Engine) -> None:
    said = _agree(prepared, CASE_B, Period.parse("2026"), TODAY)
    assert not said["filter_women"] and not said["badge_women"] and said["indicator_women"] == 0


def test_a_cooperative_founded_after_2030_is_not_founded_under_the_programme(
    prepared: Engine,
) -> None:
    said = _agree(prepared, CASE_C, Period.parse("all"), D(2031, 6, 1))
    assert not said["filter_founded"] and not said["badge_founded"]
    assert said["filter_women"] and said["badge_women"]  # the rules themselves still work
