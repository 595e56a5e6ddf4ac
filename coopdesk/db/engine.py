"""Engine, session boundary, backups and migrations.

An installation's database is the SQLite file in its data folder or, for a hub, the PostgreSQL
database named by the folder's `database.url` (`coopdesk.db.postgres`); `database_of(data_dir)`
says which. `open_database(data_dir)` is the one way in: it creates a new database at the latest
schema, or backs an older SQLite file up (SQLite backup API; a server's backups are its own)
and migrates it, or refuses a database made by a newer CoopDesk without touching it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from coopdesk import paths
from coopdesk.db import postgres
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


def make_engine(database: Path | str) -> Engine:
    """An engine on an SQLite file (a path) or a PostgreSQL server (a postgresql:// URL)."""
    if postgres.is_url(database):
        return postgres.make_engine(str(database))
    # hide_parameters: an error's text (shown, logged) never carries the values of a record
    engine = create_engine(f"sqlite:///{database}", future=True, hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def database_of(data_dir: Path) -> Path | str:
    """The installation's database: the server URL its folder names, else its SQLite file."""
    return postgres.read_url(data_dir) or paths.db_path(data_dir)


def has_database(data_dir: Path) -> bool:
    """Whether `data_dir` holds an installation (its SQLite file, or a server's URL)."""
    return postgres.read_url(data_dir) is not None or paths.db_path(data_dir).exists()


def engine_of(data_dir: Path) -> Engine:
    """An engine on the installation's database, as it is (no migration)."""
    return make_engine(database_of(data_dir))


def shown(database: Path | str) -> str:
    """The database as named to a person (a server URL without its password)."""
    return postgres.shown_url(database) if isinstance(database, str) else str(database)


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
        except (OperationalError, ProgrammingError) as exc:
            if "no such table" in str(exc) or "UndefinedTable" in type(exc.orig).__name__:
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


def migrate(engine: Engine, database: Path | str) -> bool:
    """Bring the schema to head. Returns True if anything was done. Alembic is imported only
    when the stored revision is not the head. An SQLite file is backed up first."""
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
            ).format(file=shown(database), schema=current)
        )
    if current is not None and isinstance(database, Path):
        db_file = database
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_file(
            db_file, paths.backups_dir(db_file.parent) / f"before-migration-{stamp}.sqlite3"
        )
    command.upgrade(alembic_config(engine), "head")
    return True


def open_database(data_dir: Path, *, create: bool = True) -> Engine:
    """Open (creating or migrating as needed) the database of `data_dir`."""
    url = postgres.read_url(data_dir)
    if url is not None:
        return _open_server(url)
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


def _open_server(url: str) -> Engine:
    engine = postgres.make_engine(url)
    try:
        migrate(engine, url)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            _("Could not connect to the database server {url}: {error}").format(
                url=postgres.shown_url(url), error=str(exc.orig).strip()
            )
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return engine


def overwrite_freed_space(connection: Connection) -> None:
    """From now on this connection's deletes overwrite what they free (SQLite's secure_delete;
    a server's tables are rewritten by `rebuild` instead)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete=ON")


def rebuild(engine: Engine, tables: tuple[str, ...]) -> None:
    """Rewrite the database so that replaced values are left in no free space: the SQLite
    file rebuilt and its WAL emptied, or on a server `tables` rewritten (VACUUM FULL)."""
    with engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql(f"VACUUM FULL {', '.join(tables)}")
            return
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA secure_delete=ON")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


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
