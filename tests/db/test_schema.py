"""A database built by every migration from 0001 is the database the models make at head.

`open_database` makes a new file by running every migration (tests/db/test_migrations.py), and
an older file by running the ones it lacks; `Base.metadata.create_all` (with the summary
triggers coopdesk/db/models adds after it) makes the in-memory catalogue of the CLI and the test
databases. Both must give the same tables, columns, indexes, foreign keys and triggers, or a
migrated officer's database differs from the one the code was written and tested against.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command

from coopdesk.db.engine import alembic_config, make_engine
from coopdesk.db.models import Base

ALEMBIC_TABLE = "alembic_version"  # the migrations' bookkeeping, not part of the models
BEFORE_LIVE_TRIGGERS = "0006_indicator_summaries"  # the triggers as they were before 64c0111

Schema = dict[str, object]


@contextmanager
def _sqlite(db_file: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(db_file)
    try:
        yield conn
    finally:
        conn.close()


def _migrated(db_file: Path, revision: str = "head") -> Path:
    engine = make_engine(db_file)
    command.upgrade(alembic_config(engine), revision)
    engine.dispose()
    return db_file


def _from_models(db_file: Path) -> Path:
    engine = make_engine(db_file)
    Base.metadata.create_all(engine)
    engine.dispose()
    return db_file


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != ? ORDER BY name",
        (ALEMBIC_TABLE,),
    )
    return [name for (name,) in rows]


def columns(db_file: Path) -> Schema:
    """table.column → (declared type, NOT NULL, default, position in the primary key)."""
    with _sqlite(db_file) as conn:
        return {
            f"{table}.{name}": (decl_type, bool(notnull), default, pk)
            for table in _tables(conn)
            for _cid, name, decl_type, notnull, default, pk in conn.execute(
                f"PRAGMA table_info('{table}')"
            )
        }


def indexes(db_file: Path) -> Schema:
    """index → (table, unique, columns); SQLite's own indexes for a primary key or a UNIQUE
    constraint are named by their table and columns (SQLite numbers them by position)."""
    found: Schema = {}
    with _sqlite(db_file) as conn:
        for table in _tables(conn):
            for _seq, name, unique, origin, _partial in conn.execute(
                f"PRAGMA index_list('{table}')"
            ):
                cols = tuple(col for _n, _cid, col in conn.execute(f"PRAGMA index_info('{name}')"))
                key = name if origin == "c" else f"{table} {origin} {cols}"
                found[key] = (table, bool(unique), cols)
    return found


def foreign_keys(db_file: Path) -> Schema:
    """table.column → (referenced table, referenced column, ON UPDATE, ON DELETE)."""
    with _sqlite(db_file) as conn:
        return {
            f"{table}.{src}": (ref, dest, on_update, on_delete)
            for table in _tables(conn)
            for _id, _seq, ref, src, dest, on_update, on_delete, _match in conn.execute(
                f"PRAGMA foreign_key_list('{table}')"
            )
        }


def normalised_sql(sql: str) -> str:
    """One space between words; SQLite keeps a trigger's text without IF NOT EXISTS."""
    return " ".join(sql.replace("IF NOT EXISTS ", "").split())


def triggers(db_file: Path) -> Schema:
    """trigger → its SQL, normalised."""
    with _sqlite(db_file) as conn:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return {name: normalised_sql(sql) for name, sql in rows}


def _differ(migrated: object, models: object) -> str:
    """Long SQL texts are shown from the first character where they part."""
    if isinstance(migrated, str) and isinstance(models, str):
        pairs = zip(migrated + "\0", models + "\1", strict=False)
        at = next(i for i, (a, b) in enumerate(pairs) if a != b)
        start = max(at - 40, 0)
        return f"migrated …{migrated[start : at + 80]!r}…, models …{models[start : at + 80]!r}…"
    return f"migrated {migrated!r}, models {models!r}"


def differences(migrated: Schema, models: Schema) -> list[str]:
    lines = [
        f"only in the migrated database: {k} = {migrated[k]!r}"
        for k in migrated.keys() - models.keys()
    ]
    lines += [f"only in the models: {k} = {models[k]!r}" for k in models.keys() - migrated.keys()]
    lines += [
        f"{k}: {_differ(migrated[k], models[k])}"
        for k in migrated.keys() & models.keys()
        if migrated[k] != models[k]
    ]
    return sorted(lines)


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("schema")
    return _migrated(folder / "migrated.sqlite3"), _from_models(folder / "models.sqlite3")


@pytest.mark.parametrize(
    "part", [columns, indexes, foreign_keys], ids=["columns", "indexes", "foreign keys"]
)
def test_every_migration_from_0001_gives_the_models_schema(
    databases: tuple[Path, Path], part: object
) -> None:
    assert callable(part)
    migrated, models = (part(db) for db in databases)
    assert migrated, "the schema reader found nothing to compare"
    drift = differences(migrated, models)
    assert not drift, (
        "The migrations and coopdesk/db/models/ disagree; add a migration "
        "(tools/new_migration.py) that brings old databases to the models:\n" + "\n".join(drift)
    )


def test_migrated_triggers_are_the_ones_summary_triggers_makes_now(
    databases: tuple[Path, Path],
) -> None:
    migrated, models = (triggers(db) for db in databases)
    assert len(models) == 36  # 11 tables × insert, update, delete; the people search index
    drift = differences(migrated, models)
    assert not drift, (
        "coopdesk/db/summary_triggers.py changed without a migration: a database upgraded "
        "from an older CoopDesk keeps the old triggers. Add a migration that drops and "
        "recreates them with the new SQL written out (as 0007 does):\n" + "\n".join(drift)
    )


def test_a_database_with_the_old_triggers_gets_the_new_ones_and_downgrade_restores_them(
    tmp_path: Path, databases: tuple[Path, Path]
) -> None:
    db_file = _migrated(tmp_path / "old.sqlite3", BEFORE_LIVE_TRIGGERS)
    old = triggers(db_file)
    live = triggers(databases[1])
    summary = {name: sql for name, sql in live.items() if name.startswith("summary_")}
    assert old.keys() == summary.keys() and old != summary  # 64c0111 changed them in place

    engine = make_engine(db_file)
    try:
        command.upgrade(alembic_config(engine), "head")
        assert triggers(db_file) == live
        command.downgrade(alembic_config(engine), BEFORE_LIVE_TRIGGERS)
        assert triggers(db_file) == old
    finally:
        engine.dispose()
