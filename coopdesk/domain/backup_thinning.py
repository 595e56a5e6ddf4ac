"""Which backups to keep: daily for a week, weekly for a month, monthly for a year (like Anki).

The rule, for the backups in the backups folder on a given day (`today`, the officer's
calendar day), by each backup's age in days:

- younger than a week (age 0–6): every backup is kept. That is one a day from the daily
  backup on start, and every backup made before a change (a bundle or Excel import, an undo,
  a restore, a migration): each is the state just before one change someone may want back.
- from a week to a month (age 7–30): one per calendar week (ISO week), the newest of that
  week;
- from a month to a year (age 31–364): one per calendar month, the newest of that month;
- a year or older: deleted.

Two exceptions are never deleted: the newest good backup (the last one that opens and passes
its check, whatever its age or reason), and backups made by hand ("back up now", `coopdesk
backups create`): the officer asked for those and deletes them herself. A backup dated after
`today` (the clock was wrong) is kept: it cannot be placed.

The newest of a period is kept (not the oldest) so that a period never goes without one as
the days go by: the oldest of a week is the first to grow into the monthly range, where its
month may already have one, and the rest of its week would be gone. (A month's last days
that share a week with the next month are kept by that week's Sunday, in the next month; so
the month's own backup may be a few days older than its end, and go a few days before the
month is a year old.)

Backups made before a change are thinned like the daily ones once they are a week old: after
a week they are only points in time. Pure: no file is read or deleted here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

DAILY = "daily"
BEFORE_IMPORT = "import"
BEFORE_EXCEL_IMPORT = "excel_import"
BEFORE_UNDO = "undo"
BEFORE_RESTORE = "restore"
BEFORE_MIGRATION = "migration"
BY_HAND = "manual"
REASONS = (
    DAILY,
    BEFORE_IMPORT,
    BEFORE_EXCEL_IMPORT,
    BEFORE_UNDO,
    BEFORE_RESTORE,
    BEFORE_MIGRATION,
    BY_HAND,
)

KEEP_ALL_DAYS = 7
WEEKLY_DAYS = 31
MONTHLY_DAYS = 365


@dataclass(frozen=True)
class Backup:
    """What the rule needs of a backup: a name to tell it by, when it was made, why."""

    name: str
    made_at: dt.datetime
    reason: str


def _bucket(backup: Backup, today: dt.date) -> tuple[str, int, int] | None:
    """The period this backup stands for, or None when it is kept whatever happens."""
    day = backup.made_at.date()
    age = (today - day).days
    if age < KEEP_ALL_DAYS:
        return None
    if age < WEEKLY_DAYS:
        year, week, _weekday = day.isocalendar()
        return ("week", year, week)
    if age < MONTHLY_DAYS:
        return ("month", day.year, day.month)
    return ("gone", 0, 0)


def to_delete(backups: Iterable[Backup], today: dt.date, newest_good: str | None) -> list[str]:
    """The names of the backups the rule deletes on `today`, newest first.

    `newest_good` is the name of the newest backup known to be good (never deleted)."""
    kept: set[tuple[str, int, int]] = set()
    doomed: list[str] = []
    for backup in sorted(backups, key=lambda b: (b.made_at, b.name), reverse=True):
        if backup.reason == BY_HAND or backup.name == newest_good:
            continue
        bucket = _bucket(backup, today)
        if bucket is None:
            continue
        if bucket[0] == "gone" or bucket in kept:
            doomed.append(backup.name)
        else:
            kept.add(bucket)
    return doomed
