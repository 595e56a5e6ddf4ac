"""The database looks after itself: a check at start, the way back from a damaged file, and a
plain message for a full disk.

- `check(data_dir)` runs SQLite's `PRAGMA quick_check` on the database file before anything
  opens it and returns a `Verdict` in plain words (with the latest good backup, if any). It
  holds the start back for at most `START_BUDGET_S`: a national database (gigabytes) is only
  opened before the window opens. A check cut short there is finished while CoopDesk runs
  (`finish_check`, on its own connection); damage found then is said at once, and the next
  start checks the whole file before opening it (a marker file in the data folder).
  The way back is `backups.restore_latest_good(data_dir)`: the damaged file is kept (a
  `damaged-…` copy beside the backups), the newest backup that passes its check restored.
- `disk_full_message(exc)` turns SQLite's "database or disk is full" (SQLITE_FULL) or an
  OSError ENOSPC, however wrapped, into the message a person reads; a transaction that hit it
  was rolled back whole (`session_scope`), so nothing is half-saved.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coopdesk import i18n, paths
from coopdesk.i18n import _
from coopdesk.services import backups

log = logging.getLogger(__name__)

SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_NOTADB = 26
START_BUDGET_S = 0.2  # how long the check at start may hold the window back
# SQLite 3.40 checks every b-tree in one step that cannot be cut short, at about this speed from
# the disk cache (a 3 GB national file: 0.9 s): a file it could not check within the budget is
# only opened at start (a damaged header is found there) and checked in the background.
CHECK_BYTES_PER_S = 1_000_000_000
_PROGRESS_STEPS = 10_000  # SQLite instructions between two looks at the clock
CHECK_NEEDED = "check-at-next-start"  # in the data folder: the whole file is checked first


@dataclass(frozen=True)
class Verdict:
    """What the check at start found. `problem` is SQLite's own words (for the log)."""

    ok: bool
    data_dir: Path
    problem: str = ""
    backup: backups.BackupInfo | None = None  # the latest good one, when the file is damaged
    finished: bool = True  # False: the time at start ran out first (finish_check goes on)

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


def quick_check(db_file: Path, stop: Callable[[], bool] | None = None) -> str | None:
    """'' when SQLite finds the file sound, else what it found (first lines); None when
    `stop()` became true before the check was through."""
    try:
        conn = sqlite3.connect(db_file, timeout=10)
        try:
            if stop is not None:
                conn.set_progress_handler(lambda: int(stop()), _PROGRESS_STEPS)
            rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if stop is not None and "interrupted" in str(exc):
            return None
        if _is_damage(exc):
            return str(exc)
        raise  # not damage (a locked or unreadable file): open_database says what it is
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return str(exc)
        raise
    found = [str(r[0]) for r in rows]
    return "" if found == ["ok"] else "; ".join(found)


def _header_problem(db_file: Path) -> str:
    """'' when SQLite opens the file and reads its schema, else what it found."""
    try:
        conn = sqlite3.connect(db_file, timeout=10)
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _is_damage(exc):
            return str(exc)
        raise  # not damage (a locked or unreadable file): open_database says what it is
    return ""


def _marker(data_dir: Path) -> Path:
    return data_dir / CHECK_NEEDED


def check(data_dir: Path, budget_s: float = START_BUDGET_S) -> Verdict:
    """The check at start (a missing file is fine: it will be created), for at most
    `budget_s`, or whole when the last check found damage while CoopDesk ran. A file too big
    to check within the budget is only opened (its header and schema read)."""
    db_file = paths.db_path(data_dir)
    if not db_file.exists():
        return Verdict(True, data_dir)
    deadline = time.monotonic() + budget_s
    if _marker(data_dir).exists():
        problem = quick_check(db_file)
    elif db_file.stat().st_size > budget_s * CHECK_BYTES_PER_S:
        problem = _header_problem(db_file) or None
    else:
        problem = quick_check(db_file, lambda: time.monotonic() > deadline)
    if problem is None:
        return Verdict(True, data_dir, finished=False)
    return _verdict(data_dir, problem)


def finish_check(data_dir: Path, stopping: threading.Event) -> Verdict:
    """The whole check, while CoopDesk runs (after a check at start cut short); given up when
    `stopping` is set (CoopDesk quitting). Damage found leaves the marker for the next start."""
    problem = quick_check(paths.db_path(data_dir), stopping.is_set)
    if problem is None:
        return Verdict(True, data_dir, finished=False)
    if problem:
        with contextlib.suppress(OSError):
            _marker(data_dir).write_text(problem[:2000], encoding="utf-8")
    return _verdict(data_dir, problem)


def _verdict(data_dir: Path, problem: str) -> Verdict:
    if not problem:
        with contextlib.suppress(OSError):
            _marker(data_dir).unlink(missing_ok=True)
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
