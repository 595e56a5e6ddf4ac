"""Stored indicator values (services/indicators/summary.py) always equal a count from the
records, whatever changed since they were stored and however it was written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from coopdesk.db.engine import open_database, session_scope
from coopdesk.db.models import (
    Budget,
    Cooperative,
    CooperativeYear,
    IndicatorSummary,
    Participation,
    Person,
    Role,
    Support,
    Training,
    Unit,
)
from coopdesk.domain.periods import Period
from coopdesk.services import indicators as svc
from coopdesk.services.indicators import summary
from coopdesk.services.indicators.scope import resolve_scope
from coopdesk.services.indicators.values import Value
from tests.services import indicator_data as data
from tests.services.indicator_data import A, B, Maker, P

PERIODS = ("2025", "phase1")
UNITS = (None, P, A, B)


def _plain(values: dict[str, Value]) -> dict[str, tuple[Any, ...]]:
    return {
        code: (v.numerator, v.denominator or 0, {k: a for k, a in v.breakdown.items() if a})
        for code, v in values.items()
    }


def _direct(engine: Engine, unit: str | None, period: str) -> Any:
    with session_scope(engine) as s:
        total, by_child = summary._direct(s, resolve_scope(s, unit), Period.parse(period))
    return _plain(total), {c: _plain(v) for c, v in by_child.items()}


def _through_store(engine: Engine, unit: str | None, period: str) -> Any:
    with session_scope(engine) as s:
        result = svc.compute(s, unit, period)
    return _plain(result.values), {c: _plain(v) for c, v in result.by_child.items()}


def _stored_scopes(engine: Engine) -> set[str]:
    with session_scope(engine) as s:
        return set(s.scalars(select(IndicatorSummary.scope)))


def _store_all(engine: Engine) -> None:
    for period in PERIODS:
        for unit in UNITS:
            _through_store(engine, unit, period)


def _check_everything(engine: Engine, after: str) -> None:
    for period in PERIODS:
        for unit in UNITS:
            expected = _direct(engine, unit, period)
            # twice: the first may compute and store, the second reads what was stored
            assert _through_store(engine, unit, period) == expected, (after, unit, period)
            assert _through_store(engine, unit, period) == expected, (after, unit, period)


# --- the edits: one per kind of record the indicators read ---------------------------------


def _one(s: Session, model: Any, **where: Any) -> Any:
    return s.scalars(select(model).filter_by(**where)).first()


def _person(s: Session, name: str) -> Person:
    return s.scalars(select(Person).where(Person.full_name == name)).one()


def _coop(s: Session, name: str) -> Cooperative:
    return s.scalars(select(Cooperative).where(Cooperative.name == name)).one()


def edit_coop_kind(s: Session) -> None:
    _coop(s, "HTX Chè Tân Phong").kind = "THT"


def edit_coop_dissolved(s: Session) -> None:
    c = _coop(s, "HTX Dệt Thổ Cẩm")
    c.status, c.dissolved_on = "dissolved", dt.date(2024, 12, 1)


def edit_coop_moved(s: Session) -> None:
    _coop(s, "HTX Chè Tân Phong").unit_code = B


def edit_role_ended(s: Session) -> None:
    lan = _person(s, "Nguyễn Thị Lan")
    s.scalars(select(Role).where(Role.person_id == lan.id)).first().end_on = dt.date(2024, 12, 31)  # type: ignore[union-attr]


def edit_role_hard_deleted(s: Session) -> None:
    s.execute(delete(Role).where(Role.role == "group_leader"))


def edit_person_gender(s: Session) -> None:
    _person(s, "Nguyễn Thị Lan").gender = "M"


def edit_person_moved(s: Session) -> None:
    _person(s, "Lê Thị Nga").unit_code = B


def edit_person_tombstoned(s: Session) -> None:
    _person(s, "Lò Thị Mai").deleted_at = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def edit_participation(s: Session) -> None:
    for pa in s.scalars(select(Participation)):
        pa.completed = not pa.completed


def edit_training_moved(s: Session) -> None:
    for t in s.scalars(select(Training).where(Training.start_on >= dt.date(2025, 1, 1))):
        t.start_on = dt.date(2027, 1, 5)


def edit_training_kind(s: Session) -> None:
    for t in s.scalars(select(Training)):
        t.kind = "upskilling"


def edit_officer_added(s: Session) -> None:
    Maker(s).officer(_person(s, "Giàng Thị Cúc"), start_on=dt.date(2022, 1, 1))


def edit_activity_added(s: Session) -> None:
    Maker(s).activity(B, "communication", dt.date(2025, 12, 31), 40, 25)


def edit_support_added(s: Session) -> None:
    s.add(
        Support(
            unit_code=A, kind="grant", fund="local", amount=7_000_000, given_on=dt.date(2025, 1, 1)
        )
    )


def edit_budget_changed(s: Session) -> None:
    """The commune's 2025 provincial budget is set, or changed when it exists (one row per
    unit, year and source: applied twice, it changes the same row)."""
    budget = s.scalars(
        select(Budget).where(
            Budget.unit_code == B, Budget.year == 2025, Budget.source == "province"
        )
    ).first()
    if budget is None:
        s.add(Budget(unit_code=B, year=2025, source="province", planned=9, allocated=8, spent=7))
    else:
        budget.spent = (budget.spent or 0) + 1


def edit_year_consolidated(s: Session) -> None:
    for y in s.scalars(select(CooperativeYear).where(CooperativeYear.year == 2025)):
        y.consolidated = not y.consolidated
        y.female_workers = (y.female_workers or 0) + 1


def edit_unit_renamed(s: Session) -> None:
    s.execute(update(Unit).where(Unit.code == B).values(name="Xã Bản Giang Mới"))


def edit_raw_sql(s: Session) -> None:
    """Written around the application (as a sync import's Core statements are)."""
    s.execute(text("UPDATE activities SET reach_women = reach_women + 3"))


EDITS: list[Callable[[Session], None]] = [
    edit_coop_kind,
    edit_coop_dissolved,
    edit_coop_moved,
    edit_role_ended,
    edit_role_hard_deleted,
    edit_person_gender,
    edit_person_moved,
    edit_person_tombstoned,
    edit_participation,
    edit_training_moved,
    edit_training_kind,
    edit_officer_added,
    edit_activity_added,
    edit_support_added,
    edit_budget_changed,
    edit_year_consolidated,
    edit_unit_renamed,
    edit_raw_sql,
]


@pytest.fixture
def built(engine: Engine) -> Engine:
    data.build(engine)
    return engine


def test_values_are_stored_per_unit_province_and_country(built: Engine) -> None:
    _check_everything(built, "nothing yet")
    assert {"u:" + A, "u:" + B, "u:" + P, "t:" + P, "t:*", "t:~"} <= _stored_scopes(built)


@pytest.mark.parametrize("edit", EDITS, ids=lambda e: e.__name__)
def test_every_kind_of_change_is_counted_after_values_were_stored(
    built: Engine, edit: Callable[[Session], None]
) -> None:
    _store_all(built)
    with session_scope(built) as s:
        edit(s)
    _check_everything(built, edit.__name__)


def test_a_change_in_one_commune_leaves_the_other_communes_stored(built: Engine) -> None:
    _store_all(built)
    with session_scope(built) as s:
        Maker(s).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
    stored = _stored_scopes(built)
    assert {"u:" + A, "t:" + P, "t:*"}.isdisjoint(stored)
    assert {"u:" + B, "u:" + P, "t:~"} <= stored
    with session_scope(built) as s:
        assert svc.compute(s, P, "2025").values["comm_events"].numerator == 3


@settings(
    max_examples=5,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(order=st.lists(st.sampled_from(EDITS), min_size=2, max_size=5))
@example(order=[edit_budget_changed, edit_budget_changed])  # the same row changed twice
def test_any_sequence_of_changes(
    tmp_path_factory: pytest.TempPathFactory, order: list[Callable[[Session], None]]
) -> None:
    engine = open_database(tmp_path_factory.mktemp("seq"))
    try:
        data.build(engine)
        for edit in order:
            _through_store(engine, None, "2025")  # values stored before each change
            _through_store(engine, A, "phase1")
            with session_scope(engine) as s:
                edit(s)
        _check_everything(engine, " → ".join(e.__name__ for e in order))
    finally:
        engine.dispose()


def test_nothing_is_stored_from_a_snapshot_another_connection_has_passed(built: Engine) -> None:
    """Values computed while someone else commits may be stale: they are returned, not kept
    (SQLite). On PostgreSQL the officer's save waits until the values are committed, then
    drops them."""
    server = built.dialect.name == "postgresql"
    with session_scope(built) as reader:
        store = summary._Store.open(reader, Period.parse("2025"))
        assert store is not None
        stale = store.read(["u:" + A])  # the read transaction has begun
        assert stale == {}
        store.put("u:" + A, {})
        if server:  # held back by the summaries' lock (given up at once here, not waited for)
            with pytest.raises(OperationalError, match="lock timeout"), session_scope(built) as w:
                w.execute(text("SET LOCAL lock_timeout = 1"))
                Maker(w).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
                w.flush()
        else:
            with session_scope(built) as writer:  # meanwhile, an officer saves an activity
                Maker(writer).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
        store.close(True)
    if server:
        with session_scope(built) as writer:  # the save, once the values are committed
            Maker(writer).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
    assert "u:" + A not in _stored_scopes(built)
    with session_scope(built) as s:
        assert svc.compute(s, A, "2025").values["comm_events"].numerator == 2


def test_uncommitted_changes_are_counted_and_not_stored(built: Engine) -> None:
    with session_scope(built) as s:
        Maker(s).activity(A, "communication", dt.date(2025, 6, 1), 10, 5)
        s.flush()
        assert svc.compute(s, P, "2025").values["comm_events"].numerator == 3
        assert _stored_scopes(built) == set()
        s.rollback()
    with session_scope(built) as s:
        assert svc.compute(s, P, "2025").values["comm_events"].numerator == 2


def test_values_of_another_formula_are_not_used(built: Engine) -> None:
    _store_all(built)
    with session_scope(built) as s:
        s.execute(
            update(IndicatorSummary).values(
                formula=summary.FORMULA - 1, payload='{"comm_events":["999",null,[]]}'
            )
        )
    with session_scope(built) as s:
        assert svc.compute(s, P, "2025").values["comm_events"].numerator == 2
        assert svc.compute(s, None, "2025").values["comm_events"].numerator == 2


def test_a_database_made_without_migrations_has_the_triggers(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    from coopdesk.db.models import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    Base.metadata.create_all(engine)
    with engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert {"summary_people_update", "summary_trainings_delete", "summary_units_insert"} <= names
    engine.dispose()


def test_records_of_a_pre_2025_unit_count_for_the_country_only(built: Engine) -> None:
    with session_scope(built) as s:
        assert s.get(Unit, "old:03408") is not None  # the catalogue holds the pre-2025 units
    _store_all(built)
    with session_scope(built) as s:
        Maker(s).activity("old:03408", "communication", dt.date(2025, 6, 1), 10, 5)
    stored = _stored_scopes(built)
    assert {"t:~", "t:*"}.isdisjoint(stored)
    assert {"t:" + P, "u:" + A, "u:" + B} <= stored  # the province's numbers did not change
    with session_scope(built) as s:
        assert svc.compute(s, None, "2025").values["comm_events"].numerator == 3
        assert svc.compute(s, P, "2025").values["comm_events"].numerator == 2
    _check_everything(built, "activity on a pre-2025 unit")


def test_the_national_demo_prepares_what_the_overview_opens_on(built: Engine) -> None:
    from coopdesk.cli.demo import prepare_overview
    from coopdesk.domain.periods import default_period

    prepare_overview(built, P)
    with session_scope(built) as s:
        kept = {
            (r[0], r[1]) for r in s.execute(select(IndicatorSummary.scope, IndicatorSummary.period))
        }
    opening = summary.period_key(default_period(dt.date.today()))
    first_year = summary.period_key(Period.calendar_year(2023))
    for period in (opening, first_year):
        assert {("t:*", period), ("t:" + P, period)} <= kept
    _check_everything(built, "prepared")


def test_values_are_stored_in_the_callers_transaction(built: Engine) -> None:
    """The service never commits: the caller's rollback keeps nothing, its commit keeps them,
    and several periods asked in one transaction all read and store through it."""
    with session_scope(built) as s:
        svc.compute(s, P, "2025")
        s.rollback()
    assert _stored_scopes(built) == set()
    with session_scope(built) as s:
        by_year = svc.compute_by_year(s, P, [2024, 2025])
        assert by_year[2025] is not None and by_year[2025]["comm_events"].numerator == 2
        # only stored values are pending: the next question still goes through the store
        assert summary._Store.open(s, Period.parse("2025")) is not None
        again = svc.compute(s, P, "2025")
        assert again.values["comm_events"].numerator == 2
    with session_scope(built) as s:
        periods = set(s.scalars(select(IndicatorSummary.period).distinct()))
    assert periods == {summary.period_key(Period.parse(y)) for y in ("2024", "2025")}
