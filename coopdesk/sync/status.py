"""Sync status: what was sent and received, missing bundle numbers, who has not reported."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncConflict, SyncImport, SyncOutgoing, SyncPending
from coopdesk.sync import canonical, scope, versions

MAX_SHOWN_MISSING = 50  # missing bundle numbers listed per sender


@dataclass
class SenderStatus:
    replica: str
    last_seq: int
    last_created: dt.datetime | None
    last_imported: dt.datetime
    missing: list[int]


@dataclass
class UnitStatus:
    unit_code: str
    name: str
    senders: list[SenderStatus] = field(default_factory=list)
    reported: bool = False  # a bundle made in the current reporting period arrived
    late: bool = False  # not reported and the deadline has passed

    @property
    def last(self) -> SenderStatus | None:
        return max(self.senders, key=lambda s: s.last_imported, default=None)

    @property
    def missing(self) -> list[int]:
        return sorted({n for s in self.senders for n in s.missing})


@dataclass
class SyncStatus:
    unit_code: str
    replica: str
    install: str
    counter: int
    conflicts: int
    waiting: int
    deadline: dt.date
    period_start: dt.date
    sent: list[dict[str, Any]]
    units: list[UnitStatus]

    def to_json(self) -> dict[str, Any]:
        def when(value: dt.datetime | None) -> str | None:
            return value.isoformat(sep="T") if value else None

        return {
            "unit": self.unit_code,
            "replica": self.replica,
            "install": self.install,
            "counter": self.counter,
            "conflicts": self.conflicts,
            "waiting": self.waiting,
            "deadline": self.deadline.isoformat(),
            "period_start": self.period_start.isoformat(),
            "sent": self.sent,
            "units": [
                {
                    "unit": u.unit_code,
                    "name": u.name,
                    "reported": u.reported,
                    "late": u.late,
                    "missing": u.missing,
                    "last_seq": u.last.last_seq if u.last else None,
                    "last_created": when(u.last.last_created) if u.last else None,
                    "last_imported": when(u.last.last_imported) if u.last else None,
                    "senders": [
                        {
                            "replica": s.replica,
                            "last_seq": s.last_seq,
                            "last_created": when(s.last_created),
                            "last_imported": when(s.last_imported),
                            "missing": s.missing,
                        }
                        for s in u.senders
                    ],
                }
                for u in self.units
            ],
        }


def reporting_window(today: dt.date, cutoff: tuple[int, int]) -> tuple[dt.date, dt.date]:
    """(start, deadline) of this year's report: since the day after last year's deadline."""
    month, day = cutoff
    deadline = dt.date(today.year, month, day)
    start = dt.date(today.year - 1, month, day) + dt.timedelta(days=1)
    return start, deadline


def missing_numbers(seqs: set[int], most: int = MAX_SHOWN_MISSING) -> list[int]:
    """The first `most` numbers from 1 up to the highest received that never arrived, found
    without a list of every number (a bundle numbered 10^6 costs no more than one numbered 5)."""
    out: list[int] = []
    expected = 1
    for seq in sorted(seqs):
        while expected < seq and len(out) < most:
            out.append(expected)
            expected += 1
        if len(out) >= most:
            break
        expected = seq + 1
    return out


def _unit_status(
    unit: str, name: str, logs_by_replica: dict[str, list[SyncImport]], start: dt.date
) -> UnitStatus:
    """What arrived from one unit: per sending computer, its last bundle and the gaps."""
    status = UnitStatus(unit, name)
    for replica, logs in sorted(logs_by_replica.items()):
        seqs = {log.seq for log in logs}
        last = max(logs, key=lambda log: log.seq)
        status.senders.append(
            SenderStatus(
                replica,
                last.seq,
                last.created_at,
                max(log.imported_at for log in logs),
                missing_numbers(seqs),
            )
        )
        status.reported = status.reported or any(
            log.created_at is not None and log.created_at.date() >= start for log in logs
        )
    return status


def _sent(session: Session, tree: scope.UnitTree) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            SyncOutgoing.recipient_unit,
            func.max(SyncOutgoing.seq),
            func.max(SyncOutgoing.created_at),
        ).group_by(SyncOutgoing.recipient_unit)
    )
    return [
        {
            "recipient": recipient,
            "name": tree.name(recipient),
            "last_seq": seq,
            "last_created": created.isoformat(sep="T") if created else None,
        }
        for recipient, seq, created in rows
    ]


def sync_status(
    session: Session,
    *,
    my_unit: str,
    aggregator: bool,
    today: dt.date,
    cutoff: tuple[int, int] = (11, 15),
) -> SyncStatus:
    tree = scope.UnitTree.load(session)
    start, deadline = reporting_window(today, cutoff)
    imports = session.execute(
        select(SyncImport).where(SyncImport.undone_at.is_(None)).order_by(SyncImport.id)
    ).scalars()
    by_unit: dict[str, dict[str, list[SyncImport]]] = {}
    for log in imports:
        by_unit.setdefault(log.sender_unit, {}).setdefault(log.sender_replica, []).append(log)
    wanted = set(by_unit)
    if aggregator:
        wanted |= {c for c in tree.children(my_unit) if not c.startswith("old:")}
    units = [_unit_status(u, tree.name(u), by_unit.get(u, {}), start) for u in sorted(wanted)]
    for status in units:
        status.late = not status.reported and today > deadline
    conflicts = session.execute(
        select(func.count(func.distinct(SyncConflict.table_name + SyncConflict.record_id)))
    ).scalar_one()
    waiting = session.execute(select(func.count(SyncPending.id))).scalar_one()
    return SyncStatus(
        my_unit,
        versions.replica_id(session),
        versions.install_id(session),
        versions.current_counter(session),
        int(conflicts),
        int(waiting),
        deadline,
        start,
        _sent(session, tree),
        units,
    )


__all__ = ["SyncStatus", "UnitStatus", "canonical", "sync_status"]
