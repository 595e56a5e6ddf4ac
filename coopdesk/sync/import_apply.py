"""Writing a planned import: rows, conflicting and waiting versions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, insert, update
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncConflict, SyncPending
from coopdesk.sync import canonical, versions
from coopdesk.sync.import_plan import VD, Change
from coopdesk.sync.records import data_to_values
from coopdesk.sync.state import Held


def held_json(held: Held) -> dict[str, Any]:
    return {
        "row": [held.row[0].to_json(), held.row[1]] if held.row else None,
        "conflicts": [[v.to_json(), d] for v, d in held.conflicts],
        "pending": [[v.to_json(), d] for v, d in held.pending],
    }


def _update_row(session: Session, table: Table, record_id: str, row: VD) -> None:
    version, data = row
    values = data_to_values(table, data)
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


def apply_changes(session: Session, changes: list[Change], bundle_id: str) -> None:
    """Write the planned changes, parents before children; new rows in batches per table."""
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
                values = data_to_values(change.table, data)
                batch.append({"id": change.record_id, **values, "version": version.text()})
            else:
                _update_row(session, change.table, change.record_id, change.row)
        name, rid = change.table.name, change.record_id
        if change.before.conflicts or change.conflicts:
            write_side(session, SyncConflict, name, rid, change.conflicts)
        if change.before.pending or change.pending:
            write_side(session, SyncPending, name, rid, change.pending, bundle_id)
    _insert(session, batch_table, batch)


def _insert(session: Session, table: Table | None, batch: list[dict[str, Any]]) -> None:
    if batch and table is not None:
        session.execute(insert(table), batch)
    batch.clear()
