"""The database on a PostgreSQL server (the run's test server): made by every migration from
0001 it is the database the models make; older ones are upgraded keeping their records, newer
ones refused untouched; the summary triggers run in PL/pgSQL with the SQLite text's effect."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from coopdesk.db import postgres
from coopdesk.db.engine import (
    DatabaseTooNew,
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    session_scope,
)
from coopdesk.db.models import Activity, Base
from tests import backends
from tests.db.test_migrations import FIRST
from tests.db.test_schema import differences
from tests.pg_server import PgServer

Schema = dict[str, object]
MARCH = dt.date(2026, 3, 1)


@pytest.fixture
def server_engine(pg_server: PgServer) -> Iterator[Engine]:
    """An engine on a new, empty server database."""
    url = backends.new_database()
    engine = make_engine(url)
    yield engine
    engine.dispose()
    backends.drop_database(url)


def _schema(engine: Engine) -> dict[str, Schema]:
    """columns, indexes, foreign keys and triggers (with their functions' bodies)."""
    found: dict[str, Schema] = {"columns": {}, "indexes": {}, "foreign keys": {}, "triggers": {}}
    with engine.connect() as conn:
        insp = inspect(conn)
        for table in insp.get_table_names():
            if table == "alembic_version":
                continue
            for col in insp.get_columns(table):
                found["columns"][f"{table}.{col['name']}"] = (
                    str(col["type"]),
                    col["nullable"],
                    col.get("default"),
                    getattr(col["type"], "collation", None),
                )
            for ix in insp.get_indexes(table):
                expressions = ix.get("expressions") or ix["column_names"]
                found["indexes"][str(ix["name"])] = (table, ix["unique"], tuple(expressions))
            for fk in insp.get_foreign_keys(table):
                for src, dest in zip(
                    fk["constrained_columns"], fk["referred_columns"], strict=True
                ):
                    found["foreign keys"][f"{table}.{src}"] = (fk["referred_table"], dest)
        rows = conn.execute(
            text(
                "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid), p.prosrc FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
                "WHERE NOT t.tgisinternal"
            )
        )
        for name, table, definition, body in rows:
            found["triggers"][f"{table}.{name}"] = (definition, " ".join(body.split()))
    return found


def test_every_migration_from_0001_gives_the_models_schema_on_a_server(
    pg_server: PgServer,
) -> None:
    migrated_url, models_url = backends.new_database(), backends.new_database()
    migrated, models = make_engine(migrated_url), make_engine(models_url)
    try:
        command.upgrade(alembic_config(migrated), "head")
        Base.metadata.create_all(models)
        got, want = _schema(migrated), _schema(models)
    finally:
        migrated.dispose()
        models.dispose()
        backends.drop_database(migrated_url)
        backends.drop_database(models_url)
    assert len(want["triggers"]) == 33  # 11 tables × insert, update, delete; no search triggers
    assert "ix_people_search" in want["indexes"]
    assert want["columns"]["people.sort_key"][3] == "C"
    for part in ("columns", "indexes", "foreign keys", "triggers"):
        drift = differences(got[part], want[part])
        assert not drift, f"{part}: the migrations and the models disagree:\n" + "\n".join(drift)


def test_every_migration_goes_down_and_up_again_on_a_server(server_engine: Engine) -> None:
    command.upgrade(alembic_config(server_engine), "head")
    command.downgrade(alembic_config(server_engine), "base")
    with server_engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    command.upgrade(alembic_config(server_engine), "head")
    assert current_revision(server_engine) == head_revision()


def test_a_first_schema_database_on_a_server_is_upgraded_keeping_its_records(
    tmp_path: Path, server_engine: Engine
) -> None:
    command.upgrade(alembic_config(server_engine), FIRST)
    with server_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (code, name, name_folded, division_type, level, legacy, "
                "sort_key) VALUES ('03408', 'Phường Tân Phong', 'phuong tan phong', 'phường', "
                "'commune', FALSE, '')"
            )
        )
    data_dir = tmp_path / "hub"
    postgres.write_url(data_dir, server_engine.url.render_as_string(hide_password=False))
    upgraded = open_database(data_dir, create=False)
    try:
        assert current_revision(upgraded) == head_revision()
        with upgraded.connect() as conn:
            country = conn.execute(text("SELECT name, level FROM units WHERE code = 'VN'")).one()
            commune = conn.execute(text("SELECT name FROM units WHERE code = '03408'")).scalar()
    finally:
        upgraded.dispose()
    assert tuple(country) == ("Việt Nam", "country") and commune == "Phường Tân Phong"
    assert sorted(p.name for p in data_dir.iterdir()) == ["database.url"]  # no file backup


def test_a_newer_database_on_a_server_is_refused_untouched(
    tmp_path: Path, server_engine: Engine
) -> None:
    command.upgrade(alembic_config(server_engine), "head")
    with server_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999_from_the_future'"))
    data_dir = tmp_path / "hub"
    postgres.write_url(data_dir, server_engine.url.render_as_string(hide_password=False))
    with pytest.raises(DatabaseTooNew, match="phiên bản CoopDesk mới hơn"):
        open_database(data_dir)
    assert current_revision(server_engine) == "0999_from_the_future"


def test_the_summary_triggers_forget_what_a_change_makes_stale(server_engine: Engine) -> None:
    command.upgrade(alembic_config(server_engine), "head")
    with server_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO units (code, name, name_folded, division_type, level, parent_code, "
                "legacy, sort_key) VALUES ('12', 'Lai Châu', 'lai chau', 'tỉnh', 'province', "
                "NULL, FALSE, ''), ('03408', 'Tân Phong', 'tan phong', 'phường', 'commune', "
                "'12', FALSE, ''), ('03409', 'Bản Giang', 'ban giang', 'xã', 'commune', '12', "
                "FALSE, '')"
            )
        )
        for scope in ("u:03408", "u:03409", "t:12", "t:*"):
            conn.execute(
                text(
                    "INSERT INTO indicator_summaries (scope, period, formula, payload) "
                    "VALUES (:s, '2026', 1, '{}')"
                ),
                {"s": scope},
            )
    with session_scope(server_engine) as session:  # a record of 03408 changes its sums
        session.add(Activity(unit_code="03408", kind="meeting", title="Họp", held_on=MARCH))
    with server_engine.connect() as conn:
        left = {r[0] for r in conn.execute(text("SELECT scope FROM indicator_summaries"))}
    assert left == {"u:03409"}
