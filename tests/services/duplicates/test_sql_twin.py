"""The SQL twin (`services.duplicates.sql.having_key`) says what the rule
(`domain.duplicates`) says: a stored record is found by a key exactly when the keys of its
stored fields contain that key. Generated people and cooperatives, with names in any case and
with or without diacritics, phones and tax codes written in every way, deleted or not."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Person
from coopdesk.domain.duplicates import cooperative_keys, person_keys
from coopdesk.services import records
from coopdesk.services.duplicates.sql import having_key, live
from tests.services.duplicates.conftest import OFFICER

NAMES = ("Nguyễn Thị Hoà", "nguyen thi hoa", "NGUYỄN THỊ HÒA", "Đỗ Thị Đào", "Do Thi Dao")
NAMES += ("Lò Thị Mai", "Hoa", " Nguyễn  Thị Hoa ")
PHONES = ("", "0912345678", "0912 345 678", "+84 912.345.678", "(091) 234-5678", "0912 34")
PHONES += ("+84912345678", "091234567x", "84912345678", "không có", "0912\u00a0345\u00a0678")
MSTS = ("", "0101234567", "0101 234 567", "0101-234-567/", "01012345670", "số 12", "abc123")
MSTS += ("ABC123", "0101.234.567-001")
COOP_NAMES = ("HTX Chè Tân Phong", "htx che tan phong", "HTX Mận", "Hợp tác xã Mận")
UNITS = ("03408", "03405")

people_rows = st.fixed_dictionaries(
    {
        "full_name": st.sampled_from(NAMES),
        "birth_year": st.sampled_from((None, 1985, 1986)),
        "phone": st.sampled_from(PHONES),
        "deleted": st.booleans(),
    }
)
coop_rows = st.fixed_dictionaries(
    {
        "name": st.sampled_from(COOP_NAMES),
        "registration_no": st.sampled_from(MSTS),
        "unit_code": st.sampled_from(UNITS),
        "deleted": st.booleans(),
    }
)


def _store(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[Any]:
    session.execute(delete(model))
    stored = []
    for row in rows:
        data = {k: v for k, v in row.items() if k != "deleted"}
        if model is Cooperative:
            data["kind"] = "THT"  # no check digit warning stands in the way of any number
        obj = records.create(session, model, data, OFFICER)
        if row["deleted"]:
            records.delete(session, obj, OFFICER)
        stored.append(obj)
    return stored


def _found(session: Session, kind: str, model: Any, key: str) -> set[str]:
    return set(session.scalars(select(model.id).where(having_key(kind, key), live(kind))))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(people_rows, min_size=1, max_size=6), people_rows)
def test_people_found_by_a_key_are_those_whose_keys_hold_it(
    session: Session, rows: list[dict[str, Any]], draft: dict[str, Any]
) -> None:
    stored = _store(session, Person, rows)
    for key in person_keys(draft["full_name"], draft["birth_year"], draft["phone"]):
        expected = {
            p.id
            for p in stored
            if p.deleted_at is None and key in person_keys(p.full_name, p.birth_year, p.phone)
        }
        assert _found(session, "people", Person, key) == expected, key


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(coop_rows, min_size=1, max_size=6), coop_rows)
def test_cooperatives_found_by_a_key_are_those_whose_keys_hold_it(
    session: Session, rows: list[dict[str, Any]], draft: dict[str, Any]
) -> None:
    stored = _store(session, Cooperative, rows)
    keys = cooperative_keys(draft["name"], draft["registration_no"], draft["unit_code"])
    for key in keys:
        expected = {
            c.id
            for c in stored
            if c.deleted_at is None
            and key in cooperative_keys(c.name, c.registration_no, c.unit_code)
        }
        assert _found(session, "cooperatives", Cooperative, key) == expected, key


def _plan(session: Session, kind: str, model: Any, key: str) -> str:
    """The plan of the lookup as it runs: with its bound parameters, as the service sends it
    (an expression index serves only the same expression, constants written out)."""
    query = select(model.id).where(having_key(kind, key), live(kind))
    if session.get_bind().dialect.name == "postgresql":  # an index, where one can serve
        session.execute(text("SET LOCAL enable_seqscan = off"))
        literal = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        return " ".join(str(row[0]) for row in session.execute(text(f"EXPLAIN {literal}")))
    compiled = query.compile(session.get_bind(), compile_kwargs={"render_postcompile": True})
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", params)
    return " ".join(str(row[-1]) for row in rows)


def test_every_key_is_looked_up_through_an_index_of_the_migrated_database(
    session: Session,
) -> None:
    """The test database is made by the migrations: their indexes serve the twin at
    national size (1.58 M people), never a scan of the table."""
    assert "ix_people_duplicate_name" in _plan(
        session, "people", Person, "name:nguyen thi hoa|1985"
    )
    assert "ix_people_duplicate_phone" in _plan(session, "people", Person, "phone:0912345678")
    assert "ix_cooperatives_duplicate_mst" in _plan(
        session, "cooperatives", Cooperative, "mst:0101234567"
    )
    assert "index" in _plan(session, "cooperatives", Cooperative, "name:03408|htx che").lower()
