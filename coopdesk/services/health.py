"""The database looks after itself: a check at start, the way back from a damaged file, and a
plain message for a full disk.

- `check(data_dir)` runs SQLite's `PRAGMA quick_check` on the database file before anything
  opens it and returns a `Verdict` in plain words (with the latest good backup, if any).
  The way back is `backups.restore_latest_good(data_dir)`: the damaged file is kept (a
  `damaged-…` copy beside the backups), the newest backup that passes its check restored.
- `disk_full_message(exc)` turns SQLite's "database or disk is full" (SQLITE_FULL) or an
  OSError ENOSPC, however wrapped, into the message a person reads; a transaction that hit it
  was rolled back whole (`session_scope`), so nothing is half-saved.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from coopdesk import i18n, paths
from coopdesk.i18n import _
from coopdesk.services import backups

log = logging.getLogger(__name__)

SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26


@dataclass(frozen=True)
class Verdict:
    """What the check at start found. `problem` is SQLite's own words (for the log)."""

    ok: bool
    data_dir: Path
    problem: str = ""
    backup: backups.BackupInfo | None = None  # the latest good one, when the file is damaged

    @property
    def message(self) -> str:
        if self.ok:
            return _("The database is in good order.")
        if self.backup is None:
            return _(
                "The database file is damaged and there is no good backup to restore. Do not "
                "delete anything: copy the whole data folder {folder} to a USB stick and ask "
                "for technical help."
            ).format(folder=self.data_dir)
        return _(
            "The database file is damaged, so CoopDesk cannot open it safely. The latest good "
            "backup was made on {date}. Restoring it brings back everything saved up to then; "
            "what was entered after that must be entered again. The damaged file is kept "
            "aside, not deleted."
        ).format(date=backup_date(self.backup))


def backup_date(backup: backups.BackupInfo) -> str:
    return f"{i18n.format_date(backup.made_at.date())} {backup.made_at:%H:%M}"


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in str(exc)


def quick_check(db_file: Path) -> str:
    """'' when SQLite finds the file sound, else what it found (first lines)."""
    try:
        conn = sqlite3.connect(db_file, timeout=10)
        try:
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return str(exc)
        raise  # not damage (a locked or unreadable file): open_database says what it is
    found = [str(r[0]) for r in rows]
    return "" if found == ["ok"] else "; ".join(found)


def check(data_dir: Path) -> Verdict:
    """The quick check at start (a missing file is fine: it will be created)."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        return Verdict(True, data_dir)
    problem = quick_check(db_file)
    if not problem:
        return Verdict(True, data_dir)
    log.error("the database file failed its quick check: %s", problem)
    return Verdict(False, data_dir, problem, backups.latest_good(data_dir))


# --- a full disk -----------------------------------------------------------------------------


def is_disk_full(exc: BaseException | None) -> bool:
    """SQLITE_FULL or ENOSPC anywhere in the chain (SQLAlchemy keeps the driver's in .orig)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if isinstance(exc, sqlite3.Error) and (
            (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == SQLITE_FULL
            or "database or disk is full" in str(exc)
        ):
            return True
        orig = getattr(exc, "orig", None)
        exc = orig if isinstance(orig, BaseException) else (exc.__cause__ or exc.__context__)
    return False


def disk_full_message(exc: BaseException) -> str | None:
    """The message for a full disk, or None for any other error."""
    if not is_disk_full(exc):
        return None
    return _(
        "The disk is full, so CoopDesk could not save. Nothing was changed: what was being "
        "saved was cancelled whole. Free some space on the disk (empty the Recycle Bin, move "
        "big files elsewhere), then try again."
    )
