"""Writing a planned import: rows, conflicting and waiting versions, and the audit log.

Every record whose visible version changes gets an audit event with its source (the bundle's
number and sender), so its History says where the change came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.orm import Session

from coopdesk.db.bulk import insert_rows
from coopdesk.db.models import AuditEvent, SyncConflict, SyncPending
from coopdesk.sync import canonical, versions
from coopdesk.sync.forget import REDACTED, forget_erased
from coopdesk.sync.import_plan import VD, Change
from coopdesk.sync.records import data_to_values
from coopdesk.sync.state import Held

AUDIT_BATCH = 2000
_AUDIT = cast(Table, AuditEvent.__table__)


@dataclass(frozen=True)
class Source:
    """Where imported changes come from: a bundle of a sender, imported here as `import_id`."""

    seq: int
    sender_unit: str
    import_id: int

    def to_json(self) -> str:
        return canonical.dumps(
            {"bundle": self.seq, "sender": self.sender_unit, "import": self.import_id}
        )


def held_json(held: Held) -> dict[str, Any]:
    return {
        "row": [held.row[0].to_json(), held.row[1]] if held.row else None,
        "conflicts": [[v.to_json(), d] for v, d in held.conflicts],
        "pending": [[v.to_json(), d] for v, d in held.pending],
    }


def _values(
    table: Table, data: dict[str, Any], converted: dict[int, dict[str, Any]]
) -> dict[str, Any]:
    known = converted.get(id(data))
    return dict(known) if known is not None else data_to_values(table, data)


def _update_row(
    session: Session, table: Table, record_id: str, row: VD, converted: dict[int, dict[str, Any]]
) -> None:
    version, data = row
    values = _values(table, data, converted)
    values["version"] = version.text()
    session.execute(update(table).where(table.c.id == record_id).values(**values))


def write_side(
    session: Session,
    model: type[SyncConflict] | type[SyncPending],
    table_name: str,
    record_id: str,
    items: list[VD],
    bundle_id: str = "",
) -> None:
    """Replace the conflicting (or waiting) versions held for one record."""
    session.execute(
        delete(model).where(model.table_name == table_name, model.record_id == record_id)
    )
    for version, data in items:
        values = {
            "table_name": table_name,
            "record_id": record_id,
            "version": version.text(),
            "data": canonical.dumps(data),
        }
        if model is SyncPending:
            values["bundle_id"] = bundle_id
        session.execute(insert(model).values(**values))


def apply_changes(
    session: Session,
    changes: list[Change],
    bundle_id: str,
    converted: dict[int, dict[str, Any]] | None = None,
) -> None:
    """Write the planned changes, parents before children; new rows in batches per table.
    `converted`: column values already made of rows' fields, by the identity of the fields' dict."""
    converted = converted or {}
    order = {t.name: n for n, t in enumerate(versions.synced_tables())}
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None
    for change in sorted(changes, key=lambda c: (order[c.table.name], c.item.released)):
        if change.item.outcome == "unchanged":
            continue
        if change.table is not batch_table or change.item.released:
            _insert(session, batch_table, batch)
            batch_table = change.table
        if change.row_changed and change.row is not None:
            if change.before.row is None:
                version, data = change.row
                values = _values(change.table, data, converted)
                batch.append({"id": change.record_id, **values, "version": version.text()})
            else:
                _update_row(session, change.table, change.record_id, change.row, converted)
        name, rid = change.table.name, change.record_id
        if change.before.conflicts or change.conflicts:
            write_side(session, SyncConflict, name, rid, change.conflicts)
        if change.before.pending or change.pending:
            write_side(session, SyncPending, name, rid, change.pending, bundle_id)
    _insert(session, batch_table, batch)


def _insert(session: Session, table: Table | None, batch: list[dict[str, Any]]) -> None:
    if batch and table is not None:
        insert_rows(session, table, batch)
    batch.clear()


def audit_imported(
    session: Session, changes: list[Change], source: Source, now: dt.datetime
) -> None:
    """An audit event for every record whose visible version this import changed. An erasure
    that arrives keeps no personal detail in this site's audit log, earlier events included."""
    source_json = source.to_json()
    erased: dict[str, list[str]] = {}
    rows: list[dict[str, Any]] = []
    for change in changes:
        if not change.row_changed or change.row is None:
            continue
        version, data = change.row
        before = change.before.row[1] if change.before.row else None
        row = audit_row(
            "import", change.table.name, change.record_id, before, data, source_json, now
        )
        if version.erased:
            erased.setdefault(change.table.name, []).append(change.record_id)
            row["before"] = row["after"] = canonical.dumps(REDACTED)
        rows.append(row)
    forget_erased(session, erased)  # earlier events, other versions and undo logs too
    for n in range(0, len(rows), AUDIT_BATCH):
        insert_rows(session, _AUDIT, rows[n : n + AUDIT_BATCH])


def audit_row(
    action: str,
    table_name: str,
    record_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    source_json: str,
    now: dt.datetime,
) -> dict[str, Any]:
    """Values of an audit event for a record an import (or its undo) changed; `before` and
    `after` are fields as this database spells them (`sync.records`)."""
    shown = after or before or {}
    return {
        "at": now,
        "actor": str(shown.get("updated_by") or ""),
        "action": action,
        "entity": table_name,
        "entity_id": record_id,
        "unit_code": shown.get("unit_code"),
        "before": None if before is None else canonical.dumps_fields(before),
        "after": None if after is None else canonical.dumps_fields(after),
        "source": source_json,
    }
