"""Undo a whole import, as long as nothing was changed here since (and no later import)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncAck, SyncConflict, SyncImport, SyncPending, SyncReplica
from coopdesk.i18n import _
from coopdesk.sync import canonical, catalogues, state, versions
from coopdesk.sync.records import data_to_values
from coopdesk.sync.versions import Version


class UndoRefused(Exception):
    """An import that can no longer be undone, with the reason for a person."""


def undo_blocker(session: Session, log: SyncImport) -> str | None:
    """Why this import cannot be undone, or None when it can."""
    if log.undone_at is not None:
        return _("This import was already undone.")
    if log.undo is None:
        return _("This import can no longer be undone.")
    latest = session.execute(
        select(func.max(SyncImport.id)).where(SyncImport.undone_at.is_(None))
    ).scalar()
    if latest != log.id:
        return _("A later import must be undone first.")
    if versions.current_counter(session) != log.counter_after:
        return _("Changes were made here after this import, so it can no longer be undone.")
    return None


def _side(session: Session, model: Any, table: str, record_id: str, items: list[Any]) -> None:
    session.execute(delete(model).where(model.table_name == table, model.record_id == record_id))
    for version, data in items:
        session.execute(
            insert(model).values(
                table_name=table,
                record_id=record_id,
                version=Version.from_json(version).text(),
                data=canonical.dumps(data),
            )
        )


def undo_import(session: Session, import_id: int, now: dt.datetime | None = None) -> None:
    log = session.get(SyncImport, import_id)
    if log is None:
        raise UndoRefused(_("There is no such import."))
    blocker = undo_blocker(session, log)
    if blocker:
        raise UndoRefused(blocker)
    assert log.undo is not None
    undo = canonical.loads(log.undo)
    order = {t.name: n for n, t in enumerate(versions.synced_tables())}
    records = sorted(undo["records"], key=lambda r: order[r["t"]])
    tables = {t.name: t for t in versions.synced_tables()}
    for rec in reversed(records):
        if rec["row"] is None:
            table = tables[rec["t"]]
            session.execute(delete(table).where(table.c.id == rec["id"]))
    for rec in records:
        table = tables[rec["t"]]
        if rec["row"] is not None:
            version, data = rec["row"]
            values = data_to_values(table, data)
            values["version"] = Version.from_json(version).text()
            found = session.execute(select(table.c.id).where(table.c.id == rec["id"])).first()
            if found:
                session.execute(update(table).where(table.c.id == rec["id"]).values(**values))
            else:
                session.execute(insert(table).values(id=rec["id"], **values))
        _side(session, SyncConflict, rec["t"], rec["id"], rec["conflicts"])
        _side(session, SyncPending, rec["t"], rec["id"], rec["pending"])
    catalogues.undo(session, undo.get("catalogues", []))
    state.save_knowledge(session, undo["knowledge"])
    session.execute(delete(SyncAck))
    for ack in undo["acks"]:
        session.execute(
            insert(SyncAck).values(
                **{**ack, "received_at": dt.datetime.fromisoformat(ack["received_at"])}
            )
        )
    session.execute(delete(SyncReplica).where(SyncReplica.replica_id.not_in(undo["replicas"])))
    versions.transaction_counter(session)  # the data changed: anything keyed on it notices
    log.undone_at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    log.undo = None
    session.flush()
