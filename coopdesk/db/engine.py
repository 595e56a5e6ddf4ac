"""Engine, session boundary, backups and migrations for the SQLite file.

`open_database(data_dir)` is the one way in: it creates a new file at the latest schema, or
backs an older one up (SQLite backup API) and migrates it, or refuses a file made by a newer
CoopDesk without touching it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from coopdesk import paths
from coopdesk.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration's revision, so that opening a current database reads one row and never
# imports Alembic (with mako and pygments, ~175 ms); tests/db/test_migrations.py holds it
# against the migration scripts.
HEAD_REVISION = "0025_unversioned_indexes"


class DatabaseError(Exception):
    """A database CoopDesk cannot open, with a message for a person."""


class DatabaseTooNew(DatabaseError):
    pass


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(db_file: Path) -> Engine:
    # hide_parameters: an error's text (shown, logged) never carries the values of a record
    engine = create_engine(f"sqlite:///{db_file}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    """The newest migration's revision, read from the scripts (Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None: a new, empty one), by one plain query."""
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise
    return None if row is None else str(row[0])


def backup_file(db_file: Path, dest: Path) -> Path:
    """Copy a live SQLite database consistently with the SQLite backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(db_file)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    return dest


def migrate(engine: Engine, db_file: Path) -> bool:
    """Bring the schema to head. Returns True if anything was done. Alembic is imported only
    when the stored revision is not the head."""
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    known_ids = {
        rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
    if current is not None and current not in known_ids:
        raise DatabaseTooNew(
            _(
                "The database {file} was made by a newer version of CoopDesk (schema "
                "{schema}). Please update CoopDesk; the file was not changed."
            ).format(file=db_file, schema=current)
        )
    if current is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_file(
            db_file, paths.backups_dir(db_file.parent) / f"before-migration-{stamp}.sqlite3"
        )
    command.upgrade(alembic_config(engine), "head")
    return True


def open_database(data_dir: Path, *, create: bool = True) -> Engine:
    """Open (creating or migrating as needed) the database in `data_dir`."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        if not create:
            raise DatabaseError(
                _("There is no CoopDesk database in {folder}. Run `coopdesk init` first.").format(
                    folder=data_dir
                )
            )
        data_dir.mkdir(parents=True, exist_ok=True)
    try:
        engine = make_engine(db_file)
        migrate(engine, db_file)
    except DatabaseTooNew:
        raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            _("{file} is not a CoopDesk database or is damaged: {error}").format(
                file=db_file, error=exc
            )
        ) from exc
    except Exception as exc:
        if "file is not a database" in str(exc):
            raise DatabaseError(
                _(
                    "{file} is not a CoopDesk database or is damaged. "
                    "Restore it from a backup (coopdesk restore)."
                ).format(file=db_file)
            ) from exc
        raise
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """The transaction boundary: commit on success, roll back on any error."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
