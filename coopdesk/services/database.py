"""Setting a database up, backing it up and restoring it (the CLI and the GUI share these).

- `init_installation(data_dir, …)` creates the database (the SQLite file, or on a PostgreSQL
  server whose URL the folder then keeps), loads the catalogues and stores the installation;
  it refuses a database that is already set up. `connect_installation(data_dir, url)` makes
  another officer's computer work on a hub's server database set up so.
- `backup(data_dir, out)` copies the live database with the SQLite backup API.
- `restore(data_dir, file)` checks that the file is a CoopDesk database this version can open,
  keeps a safety copy of the current database, then replaces it and calls `on_restored`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from coopdesk import paths
from coopdesk.db import postgres
from coopdesk.db.engine import DatabaseError as DatabaseError  # for the GUI entry (app.py)
from coopdesk.db.engine import (
    alembic_config,
    backup_file,
    has_database,
    open_database,
    session_scope,
)
from coopdesk.i18n import _
from coopdesk.services import settings, units

SQLITE_HEADER = b"SQLite format 3\x00"


class MaintenanceError(Exception):
    """Why a database could not be set up, backed up or restored, for a person to read."""


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _remove_db_files(db_file: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)


# --- init ------------------------------------------------------------------------------------


def init_installation(
    data_dir: Path,
    unit: str,
    role: str,
    officer: str,
    position: str = "",
    database: str | None = None,
) -> settings.Installation:
    """Create (or complete) the database of `data_dir` for `unit`; refuse one already set up.
    With `database` (a postgresql:// URL, no password) the installation lives on that server
    and the folder keeps its URL."""
    db_file = paths.db_path(data_dir)
    existed = has_database(data_dir)
    if database is not None:
        _name_server(data_dir, database)
    try:
        engine = open_database(data_dir)
    except Exception:
        if not existed:
            postgres.url_file(data_dir).unlink(missing_ok=True)
        raise
    try:
        with session_scope(engine) as session:
            current = settings.get_installation(session)
            if current is not None:
                raise MaintenanceError(
                    _(
                        "The database in {dir} is already set up for unit {code}. Use another "
                        "--data-dir, or restore a backup into this one."
                    ).format(dir=data_dir, code=current.unit_code)
                )
            units.ensure_catalogues(session)
            try:
                return settings.save_installation(
                    session,
                    settings.Installation(
                        unit_code=unit, role=role, officer=officer, position=position
                    ),
                )
            except (units.UnknownUnit, settings.SettingsError) as exc:
                raise MaintenanceError(str(exc)) from exc
    except Exception:
        engine.dispose()
        if not existed:  # a failed init leaves nothing behind
            _remove_db_files(db_file)
            postgres.url_file(data_dir).unlink(missing_ok=True)
        raise
    finally:
        engine.dispose()


def connect_installation(data_dir: Path, url: str) -> settings.Installation:
    """Work from `data_dir` on the installation already set up on the server `url` (another
    officer's computer at a hub); refused when nothing is set up there yet."""
    existed = has_database(data_dir)
    _name_server(data_dir, url)
    try:
        engine = open_database(data_dir)
        try:
            with session_scope(engine) as session:
                installation = settings.get_installation(session)
        finally:
            engine.dispose()
        if installation is None:
            raise MaintenanceError(
                _(
                    "Nothing is set up on {url} yet: set it up first with "
                    "`coopdesk init --database`."
                ).format(url=postgres.shown_url(url))
            )
    except Exception:
        if not existed:
            postgres.url_file(data_dir).unlink(missing_ok=True)
        raise
    return installation


def _name_server(data_dir: Path, url: str) -> None:
    if not postgres.is_url(url):
        raise MaintenanceError(
            _("“{url}” is not a PostgreSQL address; write it as {example}.").format(
                url=url, example="postgresql://coopdesk@server/coopdesk"
            )
        )
    current = postgres.read_url(data_dir)
    if paths.db_path(data_dir).exists() or (current is not None and current != url):
        raise MaintenanceError(
            _(
                "The folder {dir} already holds another CoopDesk database. Use another "
                "--data-dir for the installation on the server."
            ).format(dir=data_dir)
        )
    try:
        postgres.write_url(data_dir, url)
    except postgres.PasswordInUrl:
        raise MaintenanceError(
            _(
                "Leave the password out of the address: CoopDesk does not store it. Put it in "
                "the PGPASSWORD environment variable or the PostgreSQL password file "
                "(pgpass), or type it when asked."
            )
        ) from None


# --- backup ----------------------------------------------------------------------------------


def on_server(data_dir: Path) -> str | None:
    """Why CoopDesk neither backs up nor restores `data_dir`'s database when it is on a
    PostgreSQL server (its own tools do), else None."""
    url = postgres.read_url(data_dir)
    if url is None:
        return None
    return _(
        "The database of this installation is on the server {url}: back it up and restore "
        "it with the server's own tools (pg_dump, pg_restore), as the README's province hub "
        "section says."
    ).format(url=postgres.shown_url(url))


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int


def backup(data_dir: Path, out: Path) -> BackupResult:
    """Copy the database to `out` (a file, or a folder to put a dated file in)."""
    server = on_server(data_dir)
    if server is not None:
        raise MaintenanceError(server)
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        raise MaintenanceError(
            _("There is no CoopDesk database in {dir} to back up.").format(dir=data_dir)
        )
    if out.is_dir():
        out = out / f"coopdesk-backup-{_stamp()}.sqlite3"
    if out.exists():
        raise MaintenanceError(
            _("{file} already exists; choose another file name.").format(file=out)
        )
    if out.resolve() == db_file.resolve():
        raise MaintenanceError(_("The backup cannot be the database file itself."))
    try:
        backup_file(db_file, out)
    except (OSError, sqlite3.Error) as exc:
        _remove_db_files(out)
        raise MaintenanceError(
            _("Could not write the backup {file}: {error}").format(file=out, error=exc)
        ) from exc
    return BackupResult(out, out.stat().st_size)


# --- restore ---------------------------------------------------------------------------------


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def check_backup_file(path: Path) -> str:
    """The schema revision of a CoopDesk database file; MaintenanceError if it is not one
    this version can open. The file is opened read-only and not changed."""
    return _inspect(path, path, f"file:{path}?mode=ro&immutable=1")


def _inspect(path: Path, shown: Path, uri: str) -> str:
    if not path.is_file():
        raise MaintenanceError(_("{file} does not exist.").format(file=shown))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise MaintenanceError(
            _("{file} is not a CoopDesk database (not an SQLite file).").format(file=shown)
        )
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if not {"alembic_version", "settings", "units"} <= tables:
                raise MaintenanceError(
                    _("{file} is an SQLite file but not a CoopDesk database.").format(file=shown)
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            check = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise MaintenanceError(
            _("{file} is damaged or not a CoopDesk database: {error}").format(file=shown, error=exc)
        ) from exc
    if not check or check[0] != "ok":
        raise MaintenanceError(_("{file} is damaged: {error}").format(file=shown, error=check))
    revision = str(row[0]) if row else ""
    if revision not in known_revisions():
        raise MaintenanceError(
            _(
                "{file} was made by a newer version of CoopDesk (schema {rev}). Please update "
                "CoopDesk before restoring it; nothing was changed."
            ).format(file=shown, rev=revision or "?")
        )
    return revision


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None


def restore(
    data_dir: Path, source: Path, keep_current: Callable[[Path], Path | None]
) -> RestoreResult:
    """Replace the database in `data_dir` with the backup `source` (checked first); the
    entry point is `backups.restore`, which gives `keep_current`.

    The backup is copied aside (with its -wal file, if it was copied from a running CoopDesk)
    and checked there, so the person's file is never written to. The current database is
    kept first by `keep_current(data_dir)` (a backup "before a restore", or a plain copy
    when it is damaged); the restored one is migrated if it is older and gets a new replica id
    (`on_restored`).
    """
    server = on_server(data_dir)
    if server is not None:
        raise MaintenanceError(server)
    if not source.is_file():
        raise MaintenanceError(_("{file} does not exist.").format(file=source))
    db_file = paths.db_path(data_dir)
    if db_file.exists() and source.resolve() == db_file.resolve():
        raise MaintenanceError(_("That file is the current database itself."))
    with tempfile.TemporaryDirectory(prefix="coopdesk-restore-") as tmp:
        staging = Path(tmp) / "restoring.sqlite3"
        shutil.copyfile(source, staging)
        wal = Path(f"{source}-wal")
        if wal.is_file():
            shutil.copyfile(wal, Path(f"{staging}-wal"))
        _inspect(staging, source, f"file:{staging}")
        data_dir.mkdir(parents=True, exist_ok=True)
        safety = keep_current(data_dir)
        try:
            backup_file(staging, db_file)
        except sqlite3.DatabaseError:
            if safety is None:
                raise
            _remove_db_files(db_file)  # too damaged to be written over; kept as `safety`
            backup_file(staging, db_file)
    engine = open_database(data_dir, create=False)
    try:
        on_restored(engine)
    finally:
        engine.dispose()
    return RestoreResult(source, safety)


def on_restored(engine: Engine) -> None:
    """A restored database is a new replica for sync: it may lack changes it already sent, so
    it must not reuse its old replica id (DESIGN.md §5)."""
    from coopdesk.sync import versions

    with session_scope(engine) as session:
        versions.new_replica(session)
