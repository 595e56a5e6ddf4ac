"""Backups in the data folder's `backups/`: made, checked, described, thinned, copied, restored.

- `create(data_dir, reason)` copies the live database with the SQLite backup API to a
  temporary name in the backups folder, checks the copy (`PRAGMA quick_check`, then opens it
  and counts the records per kind), writes a small manifest beside it (`NAME.json`: when,
  why, size, unit, records per kind) and only then gives it its name, which no other file
  has (never written over another backup). After an automatic backup the folder is thinned
  (`domain.backup_thinning`).
- `daily_backup(data_dir)`: the one on start, when there is none from today yet.
- `before_change(session, reason)`: the one before a bundle or Excel import, an undo.
- `list_backups(data_dir)`: newest first, read from the manifests (cheap).
- `latest_good(data_dir)` / `restore_latest_good(data_dir)`: for a damaged database.
- `describe(file)`: what a backup holds (unit, date, records per kind), for the preview.
- `copy_to(backup, folder)`: to a USB stick, named for a person.
- `restore(data_dir, file)`: `database.restore` (checks, a backup of the current database
  first, a new replica).

The clock is `clock` (local time), replaced by tests to simulate days.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk import paths
from coopdesk.domain import backup_thinning as rule
from coopdesk.i18n import N_, _
from coopdesk.services import database

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

clock: Callable[[], dt.datetime] = dt.datetime.now

SUFFIX = ".sqlite3"
COPY_SUFFIX = ".backup"
MANIFEST_SUFFIX = ".json"
# The records a backup is described by: kind → (table, label shown).
KINDS: dict[str, tuple[str, str]] = {
    "people": ("people", N_("People")),
    "cooperatives": ("cooperatives", N_("Cooperatives & groups")),
    "officers": ("officers", N_("Hội officers")),
    "trainings": ("trainings", N_("Trainings")),
    "activities": ("activities", N_("Activities")),
    "support": ("support", N_("Support")),
    "budgets": ("budgets", N_("Budget")),
    "plans": ("plans", N_("Plans & targets")),
}
REASON_LABELS = {
    rule.DAILY: N_("Daily"),
    rule.BEFORE_IMPORT: N_("Before a bundle import"),
    rule.BEFORE_EXCEL_IMPORT: N_("Before an Excel import"),
    rule.BEFORE_UNDO: N_("Before an undo"),
    rule.BEFORE_RESTORE: N_("Before a restore"),
    rule.BEFORE_MIGRATION: N_("Before an update of CoopDesk"),
    rule.BY_HAND: N_("By hand"),
}
# A backup's file name starts with its reason ("before-migration-20261202-093015.sqlite3",
# as engine.migrate names its own), so a file without a manifest still tells why it was made.
PREFIXES = {
    rule.DAILY: "daily",
    rule.BEFORE_IMPORT: "before-import",
    rule.BEFORE_EXCEL_IMPORT: "before-excel-import",
    rule.BEFORE_UNDO: "before-undo",
    rule.BEFORE_RESTORE: "before-restore",
    rule.BEFORE_MIGRATION: "before-migration",
    rule.BY_HAND: "by-hand",
}
_STAMP = re.compile(r"(\d{8}-\d{6})")
_DAMAGED_PREFIX = "damaged-"


class BackupError(database.MaintenanceError):
    """A backup that could not be made, checked, copied or restored, for a person to read."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup as the list and the preview show it."""

    path: Path
    made_at: dt.datetime
    reason: str
    size: int
    unit_code: str = ""
    unit_name: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    good: bool = True  # it passed its check when it was written (or first listed)

    @property
    def name(self) -> str:
        return self.path.name

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        data["made_at"] = self.made_at.isoformat(timespec="microseconds")
        return data


def reason_label(reason: str) -> str:
    return _(REASON_LABELS.get(reason, REASON_LABELS[rule.BY_HAND]))


def counts_text(counts: dict[str, int]) -> str:
    """'People 120 · Cooperatives & groups 8 …' in the officer's language (kinds with no
    record left out)."""
    from coopdesk.i18n import format_number

    shown = [
        f"{_(label)} {format_number(counts[kind])}"
        for kind, (_table, label) in KINDS.items()
        if counts.get(kind)
    ]
    return " · ".join(shown) or _("no records yet")


def size_text(size: int) -> str:
    """'850 KB', '3,6 MB' (in the officer's number format)."""
    from coopdesk.i18n import format_number

    if size < 1024 * 1024:
        return f"{format_number(max(1, round(size / 1024)))} KB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


def summary(info: BackupInfo) -> str:
    """'Phường Tân Phong, backed up on 02/12/2026 at 16:30: People 120 · …' (the preview)."""
    from coopdesk.i18n import format_date

    return _("{unit}, backed up on {date} at {time}: {counts}").format(
        unit=info.unit_name or info.unit_code or "?",
        date=format_date(info.made_at.date()),
        time=f"{info.made_at:%H:%M}",
        counts=counts_text(info.counts),
    )


# --- reading a database file -----------------------------------------------------------------


def _read_contents(path: Path) -> tuple[str, str, dict[str, int]]:
    """(unit code, unit name, records per kind) of a database file, opened read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'installation'").fetchone()
        unit_code = str(json.loads(row[0]).get("unit_code", "")) if row else ""
        unit = conn.execute("SELECT name FROM units WHERE code = ?", (unit_code,)).fetchone()
        counts: dict[str, int] = {}
        for kind, (table, _label) in KINDS.items():
            with contextlib.suppress(sqlite3.OperationalError):  # an older schema
                counts[kind] = int(
                    conn.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL"
                    ).fetchone()[0]
                )
    finally:
        conn.close()
    return unit_code, str(unit[0]) if unit else unit_code, counts


def verify(path: Path, shown: Path | None = None) -> tuple[str, str, dict[str, int]]:
    """Check a backup file (an SQLite CoopDesk database this version opens, `quick_check`
    ok) and read what it holds; BackupError naming `shown` (else the file) if it is not."""
    try:
        database.check_backup_file(path)
        return _read_contents(path)
    except database.MaintenanceError as exc:
        raise BackupError(str(exc).replace(str(path), str(shown or path))) from exc
    except (sqlite3.Error, ValueError) as exc:
        raise BackupError(
            _("{file} is damaged or not a CoopDesk database: {error}").format(
                file=shown or path, error=exc
            )
        ) from exc


# --- making one --------------------------------------------------------------------------------


def _claim(folder: Path, stem: str, suffix: str) -> Path:
    """A new, empty file `stem[-N]suffix` that did not exist (made exclusively, so that no
    other file is ever written over)."""
    for n in range(1, 1000):
        target = folder / (f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}")
        try:
            with target.open("xb"):
                return target
        except FileExistsError:
            continue
    raise BackupError(
        _("Too many backups named {name} in {folder}.").format(name=stem, folder=folder)
    )


def _manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def _write_manifest(info: BackupInfo) -> None:
    data = info.as_dict()
    del data["path"]
    target = _manifest_path(info.path)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex}")
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, target)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def create(
    data_dir: Path, reason: str = rule.BY_HAND, *, now: dt.datetime | None = None, thin: bool = True
) -> BackupInfo:
    """Back the database up into the backups folder, checked; thin after an automatic one."""
    if reason not in rule.REASONS:
        raise ValueError(reason)
    server = database.on_server(data_dir)
    if server is not None:
        raise BackupError(server)
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        raise BackupError(
            _("There is no CoopDesk database in {dir} to back up.").format(dir=data_dir)
        )
    when = now or clock()
    folder = paths.backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f".writing-{uuid.uuid4().hex}{SUFFIX}"
    try:
        from coopdesk.db.engine import backup_file

        backup_file(db_file, temp)
        unit_code, unit_name, counts = verify(temp, shown=db_file)
    except (OSError, sqlite3.Error, BackupError) as exc:
        _remove(temp)
        raise BackupError(
            _("The backup could not be made ({error}); the database was not changed.").format(
                error=exc
            )
        ) from exc
    target = _claim(folder, f"{PREFIXES[reason]}-{when:%Y%m%d-%H%M%S}", SUFFIX)
    os.replace(temp, target)  # over the empty file claimed above, never over a backup
    stamp = when.timestamp()
    os.utime(target, (stamp, stamp))  # a copy elsewhere still tells when it was made
    info = BackupInfo(target, when, reason, target.stat().st_size, unit_code, unit_name, counts)
    _write_manifest(info)
    if thin and reason != rule.BY_HAND:
        thin_folder(data_dir, when.date(), newest_good=info.name)
    return info


def daily_backup(data_dir: Path, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """The backup on start: made (and the folder thinned) when none is from today yet."""
    when = now or clock()
    if not paths.db_path(data_dir).exists():
        return None
    if any(b.made_at.date() == when.date() for b in list_backups(data_dir)):
        return None
    return create(data_dir, rule.DAILY, now=when)


def data_dir_of(session: Session) -> Path | None:
    """The data folder of the SQLite database a session is on (None: a database in memory,
    or on a server)."""
    if session.get_bind().dialect.name != "sqlite":
        return None
    name = session.get_bind().engine.url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).parent


def before_change(
    session: Session, reason: str, error: type[Exception] = BackupError
) -> BackupInfo | None:
    """The backup before a change (import, undo) to the session's database; `error` (the
    caller's own exception, so its callers report it) when it cannot be made: then the change
    must not go ahead."""
    data_dir = data_dir_of(session)
    if data_dir is None or not paths.db_path(data_dir).exists():
        return None
    try:
        return create(data_dir, reason)
    except BackupError as exc:
        raise error(
            _(
                "{error} Nothing was changed: free some space or check the disk, then try again."
            ).format(error=exc)
        ) from exc


# --- listing and thinning --------------------------------------------------------------------


def _made_at_from_name(path: Path) -> dt.datetime:
    match = _STAMP.search(path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    return dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)


def _adopt(path: Path) -> BackupInfo:
    """A backup without a manifest (written by an older CoopDesk or a migration): read once,
    its manifest written so the next listing is cheap."""
    reason = next(
        (r for r, prefix in PREFIXES.items() if path.name.startswith(f"{prefix}-")), rule.BY_HAND
    )
    made_at = _made_at_from_name(path)
    try:
        unit_code, unit_name, counts = verify(path)
        info = BackupInfo(path, made_at, reason, path.stat().st_size, unit_code, unit_name, counts)
    except BackupError:
        info = BackupInfo(path, made_at, reason, path.stat().st_size, good=False)
    with contextlib.suppress(OSError):
        _write_manifest(info)
    return info


def _from_manifest(path: Path) -> BackupInfo | None:
    try:
        data = json.loads(_manifest_path(path).read_text(encoding="utf-8"))
        return BackupInfo(
            path=path,
            made_at=dt.datetime.fromisoformat(data["made_at"]),
            reason=str(data["reason"]),
            size=int(data["size"]),
            unit_code=str(data.get("unit_code", "")),
            unit_name=str(data.get("unit_name", "")),
            counts={str(k): int(v) for k, v in data.get("counts", {}).items()},
            good=bool(data.get("good", True)),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups in the data folder's backups folder, newest first."""
    folder = paths.backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.startswith((".", _DAMAGED_PREFIX)) or path.stat().st_size == 0:
            continue
        found.append(_from_manifest(path) or _adopt(path))
    return sorted(found, key=lambda b: (b.made_at, b.name), reverse=True)


def latest_good(data_dir: Path) -> BackupInfo | None:
    """The newest backup whose file passes its check now (a damaged one is skipped)."""
    for info in list_backups(data_dir):
        if not info.good:
            continue
        try:
            verify(info.path)
        except BackupError:
            continue
        return info
    return None


def thin_folder(data_dir: Path, today: dt.date, newest_good: str | None) -> list[Path]:
    """Delete the backups the thinning rule lets go on `today`; the paths deleted."""
    backups = {b.name: b for b in list_backups(data_dir)}
    doomed = rule.to_delete(
        (rule.Backup(b.name, b.made_at, b.reason) for b in backups.values()), today, newest_good
    )
    deleted = []
    for name in doomed:
        path = backups[name].path
        _remove(path)
        _manifest_path(path).unlink(missing_ok=True)
        deleted.append(path)
    return deleted


# --- describing, copying, restoring ----------------------------------------------------------


def describe(path: Path) -> BackupInfo:
    """What a backup file holds, checked now: BackupError when it cannot be restored."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("{file} does not exist.").format(file=path))
    unit_code, unit_name, counts = verify(path)
    known = _from_manifest(path)
    made_at = known.made_at if known else _made_at_from_name(path)
    reason = known.reason if known else rule.BY_HAND
    return BackupInfo(path, made_at, reason, path.stat().st_size, unit_code, unit_name, counts)


def copy_name(info: BackupInfo) -> str:
    """'CoopDesk-Phuong-Tan-Phong-2026-12-02.backup': the unit and the day, for a person."""
    from coopdesk.services.documents.file_names import people_file_name  # reports behind it

    words = people_file_name(info.unit_name or info.unit_code, info.made_at.date().isoformat())
    return f"CoopDesk-{words}{COPY_SUFFIX}"


def copy_to(backup: Path, folder: Path) -> Path:
    """Copy a backup into `folder` (a USB stick), checked there; a new name if one is taken."""
    info = describe(backup)
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(_("The folder {folder} does not exist.").format(folder=folder))
    stem = copy_name(info).removesuffix(COPY_SUFFIX)
    temp = folder / f".{stem}-{uuid.uuid4().hex}.part"
    try:
        shutil.copyfile(info.path, temp)
        shutil.copystat(info.path, temp)
        verify(temp, shown=folder / copy_name(info))
        target = _claim(folder, stem, COPY_SUFFIX)
        os.replace(temp, target)
    except (OSError, BackupError) as exc:
        temp.unlink(missing_ok=True)
        raise BackupError(
            _("The backup could not be copied to {folder}: {error}").format(
                folder=folder, error=exc
            )
        ) from exc
    return target


def require(session: Session, *, restoring: bool) -> None:
    """With accounts, only an administrator replaces the database (a restore), and only an
    account that may change records backs up or copies by hand: NotAllowed otherwise."""
    from coopdesk.domain.accounts import Permission
    from coopdesk.services import accounts

    accounts.require(session, Permission.MANAGE_ACCOUNTS if restoring else Permission.EDIT_RECORDS)


def allowed(session: Session, *, restoring: bool) -> bool:
    """Whether the logged-in account (anyone, without accounts) may (see `require`)."""
    from coopdesk.domain.accounts import Permission
    from coopdesk.services import accounts

    return accounts.allowed(
        session, Permission.MANAGE_ACCOUNTS if restoring else Permission.EDIT_RECORDS
    )


def restore(data_dir: Path, source: Path) -> database.RestoreResult:
    """Replace the database with the backup `source` (see database.restore)."""
    return database.restore(data_dir, Path(source), keep_current)


def restore_latest_good(data_dir: Path) -> database.RestoreResult:
    """Restore the newest backup that passes its check (for a damaged database)."""
    info = latest_good(data_dir)
    if info is None:
        raise BackupError(
            _("There is no good backup in {folder} to restore.").format(
                folder=paths.backups_dir(data_dir)
            )
        )
    return restore(data_dir, info.path)


def keep_current(data_dir: Path) -> Path | None:
    """Before a restore: the current database as a backup ("before a restore"), or, when it
    does not pass its check (damaged), a plain copy `damaged-….sqlite3` beside the backups,
    so that nothing is lost either way."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        return None
    try:
        return create(data_dir, rule.BEFORE_RESTORE, thin=False).path
    except BackupError:
        folder = paths.backups_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        target = _claim(folder, f"{_DAMAGED_PREFIX}{clock():%Y%m%d-%H%M%S}", SUFFIX)
        shutil.copyfile(db_file, target)
        for suffix in ("-wal",):
            if Path(f"{db_file}{suffix}").is_file():
                shutil.copyfile(Path(f"{db_file}{suffix}"), Path(f"{target}{suffix}"))
        return target
