"""Undo a whole import, as long as nothing was changed here since (and no later import)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    AuditEvent,
    SyncAck,
    SyncConflict,
    SyncImport,
    SyncPending,
    SyncReplica,
)
from coopdesk.i18n import _
from coopdesk.sync import canonical, catalogues, state, versions
from coopdesk.sync.import_apply import Source, audit_row
from coopdesk.sync.records import data_to_values, row_data
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
    """Put back everything the import replaced; each record it changed is audited."""
    log = session.get(SyncImport, import_id)
    if log is None:
        raise UndoRefused(_("There is no such import."))
    blocker = undo_blocker(session, log)
    if blocker:
        raise UndoRefused(blocker)
    assert log.undo is not None
    undo = canonical.loads(log.undo)
    when = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    _restore_records(session, undo["records"], Source(log.seq, log.sender_unit, log.id), when)
    _restore_books(session, undo)
    versions.transaction_counter(session)  # the data changed: anything keyed on it notices
    log.undone_at = when
    log.undo = None
    session.flush()


def _restore_records(
    session: Session, records: list[dict[str, Any]], source: Source, now: dt.datetime
) -> None:
    order = {t.name: n for n, t in enumerate(versions.synced_tables())}
    records = sorted(records, key=lambda r: order[r["t"]])
    tables = {t.name: t for t in versions.synced_tables()}
    current = {(r["t"], r["id"]): _row(session, tables[r["t"]], r["id"]) for r in records}
    for rec in reversed(records):
        if rec["row"] is None:
            table = tables[rec["t"]]
            session.execute(delete(table).where(table.c.id == rec["id"]))
    audit_rows = []
    for rec in records:
        table = tables[rec["t"]]
        before = current[(rec["t"], rec["id"])]
        after = rec["row"][1] if rec["row"] is not None else None
        if rec["row"] is not None:
            _put_row(session, table, rec["id"], rec["row"], exists=before is not None)
        _side(session, SyncConflict, rec["t"], rec["id"], rec["conflicts"])
        _side(session, SyncPending, rec["t"], rec["id"], rec["pending"])
        if before != after:
            audit_rows.append(
                audit_row("undo-import", rec["t"], rec["id"], before, after, source.to_json(), now)
            )
    if audit_rows:
        session.execute(insert(AuditEvent), audit_rows)


def _row(session: Session, table: Table, record_id: str) -> dict[str, Any] | None:
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return None if row is None else row_data(table, dict(row))


def _put_row(session: Session, table: Table, record_id: str, row: Any, *, exists: bool) -> None:
    version, data = row
    values = data_to_values(table, data)
    values["version"] = Version.from_json(version).text()
    if exists:
        session.execute(update(table).where(table.c.id == record_id).values(**values))
    else:
        session.execute(insert(table).values(id=record_id, **values))


def _restore_books(session: Session, undo: dict[str, Any]) -> None:
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
