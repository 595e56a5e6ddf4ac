"""Bookkeeping of an import: what we know of each replica, who sent what, the import log.

The log keeps what the import replaced (rows, side versions, knowledge, acknowledgements,
replicas, catalogue entries), so that `coopdesk.sync.undo` can put it all back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncAck, SyncImport, SyncReplica
from coopdesk.sync import bundle, canonical, scope, state, versions
from coopdesk.sync.import_apply import held_json
from coopdesk.sync.import_plan import Change
from coopdesk.sync.import_report import ImportReport


def update_knowledge(
    session: Session, b: bundle.Bundle, tree: scope.UnitTree, sender_unit: str, my_unit: str
) -> None:
    """Take the sender's knowledge of other replicas where it continues ours."""
    body = b.body
    theirs = body.get("knowledge") or {}
    base = body.get("base") or {}
    mine = state.load_knowledge(session)
    own = {versions.replica_id(session), *versions.retired_replicas(session)}
    for replica, per_unit in sorted(theirs.items()):
        if replica in own or not isinstance(per_unit, dict):
            continue
        starts = base.get(replica)
        starts = starts if isinstance(starts, dict) else {}
        for unit, counter in per_unit.items():
            if not isinstance(counter, int) or not scope.unit_in_scope(
                tree, sender_unit, my_unit, unit
            ):
                continue
            held = state.known(mine, replica, unit)
            if starts.get(unit, 0) <= held and counter > held:
                mine.setdefault(replica, {})[unit] = counter
    state.save_knowledge(session, mine)


def record_peer(session: Session, b: bundle.Bundle, sender_unit: str, now: dt.datetime) -> None:
    """The sender's acknowledgement and receipts, and the replicas it told us about."""
    sender = b.header["sender"]
    replica = str(sender["replica"])
    session.execute(delete(SyncAck).where(SyncAck.replica_id == replica))
    for retired in b.body.get("retired") or []:
        session.execute(delete(SyncAck).where(SyncAck.replica_id == str(retired)))
    session.execute(
        insert(SyncAck).values(
            replica_id=replica,
            unit_code=sender_unit,
            knowledge=canonical.dumps(b.body.get("knowledge") or {}),
            receipts=canonical.dumps(b.body.get("receipts") or []),
            received_at=now,
        )
    )
    known_replicas = {r for (r,) in session.execute(select(SyncReplica.replica_id))}
    replicas = dict(b.body.get("replicas") or {})
    replicas[replica] = {"install": sender.get("install", ""), "unit": sender_unit}
    for rid, info in sorted(replicas.items()):
        if rid in known_replicas or not isinstance(info, dict):
            continue
        session.execute(
            insert(SyncReplica).values(
                replica_id=str(rid)[:36],
                install_id=str(info.get("install", ""))[:36],
                unit_code=str(info.get("unit", ""))[:12],
                first_seen=now,
            )
        )


def books_before(session: Session) -> dict[str, Any]:
    """The bookkeeping an import changes, as it is before the import (for its undo)."""
    acks = [
        {c.name: getattr(a, c.name) for c in SyncAck.__table__.columns}
        for a in session.execute(select(SyncAck)).scalars()
    ]
    return {
        "knowledge": state.load_knowledge(session),
        "acks": [{**a, "received_at": a["received_at"].isoformat(sep="T")} for a in acks],
        "replicas": sorted(r for (r,) in session.execute(select(SyncReplica.replica_id))),
    }


def _created_at(header: dict[str, Any]) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(header.get("created_at")))
    except ValueError:
        return None


def write_log(
    session: Session,
    b: bundle.Bundle,
    report: ImportReport,
    changes: list[Change],
    undo: dict[str, Any],
    now: dt.datetime,
) -> SyncImport:
    """The import log row, with everything its undo needs."""
    undo = {
        **undo,
        "records": [{"t": c.table.name, "id": c.record_id, **held_json(c.before)} for c in changes],
    }
    sender = b.header["sender"]
    log = SyncImport(
        bundle_id=b.bundle_id,
        sender_install=str(sender.get("install", ""))[:36],
        sender_replica=str(sender["replica"])[:36],
        sender_unit=report.sender_unit,
        seq=report.seq,
        created_at=_created_at(b.header),
        imported_at=now,
        file_name=report.file_name[:300],
        summary=canonical.dumps(report.counts),
        undo=canonical.dumps(undo),
        counter_after=versions.current_counter(session),
    )
    session.add(log)
    session.flush()
    return log
