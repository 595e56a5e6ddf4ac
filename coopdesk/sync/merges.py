"""After a bundle is merged: what still names a merged record ends on the record it went into.

A merge (`duplicate_merges`, `coopdesk.domain.merges`) made at one installation reaches the
others in bundles, with the tombstone of the merged record and the rows it moved. Rows written
elsewhere before that installation heard of the merge still name the merged record: a role or
a training added there, or the merged record itself, corrected there (its edit is later than
the tombstone, so it wins and the record shows again). `settle` runs at the end of every
import and puts them right, as a local change whose version covers every version held (like a
resolved conflict, `sync.conflicts.resolve_conflict`), so the same result travels on:

- a merged record showing again is tombstoned again, its correction kept in its history, and
  the fields the correction changed are given to the kept record too (nothing lost);
- a row naming the merged record moves to the kept one as the merge itself moves rows, and the
  merge record lists it, so undoing the merge moves it back.

Undoing the import (`sync.undo`) puts back what settling it changed, too.

A chain (A merged into B, B later into C) ends on the last record.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, DuplicateMerge, SyncConflict, SyncImport
from coopdesk.domain.merges import MOVES, how_to_move
from coopdesk.sync import canonical, state, versions
from coopdesk.sync.conflicts import resolve_conflict
from coopdesk.sync.import_apply import held_json
from coopdesk.sync.records import data_to_values, row_data

# Fields that say when and by whom, not what the record says.
BOOKKEEPING = frozenset(
    {"id", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at"}
)
ACTOR = "CoopDesk"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat(sep="T")


def _live_merges(session: Session) -> list[Any]:
    table = DuplicateMerge.__table__
    query = select(table).where(table.c.deleted_at.is_(None), table.c.undone_at.is_(None))
    return list(session.execute(query.order_by(table.c.created_at, table.c.id)).mappings())


def _final(into: dict[tuple[str, str], str], kind: str, record_id: str) -> str:
    seen = {record_id}
    while (kind, record_id) in into and into[(kind, record_id)] not in seen:
        record_id = into[(kind, record_id)]
        seen.add(record_id)
    return record_id


def _row(session: Session, table: Table, record_id: str) -> Any:
    return session.execute(select(table).where(table.c.id == record_id)).mappings().first()


def _brought_back(session: Session, table: Table, record_id: str) -> dict[str, Any] | None:
    """The fields of an edit that brings a merged record back (it shows again, or waits as
    a conflict beside its tombstone), with what that edit changed; None when there is none."""
    held = state.held_versions(session, table, [record_id], virtual=None).get(record_id)
    if held is None or held.row is None:
        return None
    every = [held.row, *held.conflicts]
    edits = [d for _v, d in every if d.get("deleted_at") is None]
    tombstone = next((d for _v, d in every if d.get("deleted_at") is not None), None)
    if not edits:
        return None
    edit = edits[0]  # the winner first
    if tombstone is None:
        return {"fields": edit, "changed": {}}
    changed = {k: v for k, v in edit.items() if k not in BOOKKEEPING and v != tombstone.get(k)}
    return {"fields": edit, "changed": changed}


class _Writer:
    """The writes of one settling, with each record's versions as they were before it, so that
    undoing the import also undoes what settling it changed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.before: dict[tuple[str, str], dict[str, Any]] = {}

    def _keep(self, table_name: str, record_id: str) -> None:
        if (table_name, record_id) in self.before:
            return
        table = DuplicateMerge.metadata.tables[table_name]
        held = state.held_versions(self.session, table, [record_id], virtual=None).get(record_id)
        self.before[(table_name, record_id)] = held_json(held or state.Held(None, [], []))

    def resolve(self, table_name: str, record_id: str, data: dict[str, Any]) -> None:
        self._keep(table_name, record_id)
        resolve_conflict(self.session, table_name, record_id, data, ACTOR)

    def insert(self, table: Table, data: dict[str, Any], to: str) -> None:
        self._keep(table.name, to)
        _copy(self.session, table, data, to)

    def add_to_undo(self, log: SyncImport) -> None:
        """The import's undo puts back these records too (those it did not change itself)."""
        if not self.before or log.undo is None:
            return
        undo = canonical.loads(log.undo)
        known = {(r["t"], r["id"]) for r in undo["records"]}
        undo["records"] += [
            {"t": t, "id": i, **held} for (t, i), held in self.before.items() if (t, i) not in known
        ]
        log.undo = canonical.dumps(undo)


def _bring_back(w: _Writer, kind: str, merged_id: str, kept_id: str) -> bool:
    table = DuplicateMerge.metadata.tables[kind]
    edit = _brought_back(w.session, table, merged_id)
    if edit is None:
        return False
    fields = {k: v for k, v in edit["fields"].items() if k not in BOOKKEEPING}
    w.resolve(kind, merged_id, {**fields, "deleted_at": _now()})
    changed = dict(edit["changed"])
    changed.pop("unit_code", None)
    if changed and _row(w.session, table, kept_id) is not None:
        w.resolve(kind, kept_id, changed)
    return True


def _copy(session: Session, table: Table, data: dict[str, Any], to: str) -> None:
    """A row under a new id (the kept record's natural id), made by this installation."""
    values = data_to_values(table, data)
    values.update(id=to, deleted_at=None, version=versions.local_version(session, None).text())
    session.execute(insert(table).values(**values))
    session.execute(
        insert(AuditEvent).values(
            actor=ACTOR,
            action="create",
            entity=table.name,
            entity_id=to,
            unit_code=str(values.get("unit_code") or ""),
            after=canonical.dumps(row_data(table, {**values, "id": to})),
        )
    )


def _move(w: _Writer, table: Table, column: str, row: Any, kept_id: str) -> dict[str, Any]:
    natural = versions.NATURAL_KEYS.get(table.name, ())
    data = {**row_data(table, row), column: kept_id}
    to = versions.natural_id(table.name, data) if column in natural else None
    twin = _row(w.session, table, to) if to else None
    how = how_to_move(natural, column, twin is not None and twin["deleted_at"] is None)
    if how == "moved":
        w.resolve(table.name, row["id"], {column: kept_id})
    else:
        if how == "copied" and twin is None:
            w.insert(table, data, str(to))
        elif how == "copied":
            fields = {k: v for k, v in data.items() if k not in BOOKKEEPING}
            w.resolve(table.name, str(to), {**fields, "deleted_at": None})
        w.resolve(table.name, row["id"], {"deleted_at": _now()})
    return {
        "table": table.name,
        "id": row["id"],
        "column": column,
        "how": how,
        "to": to if how == "copied" else None,
    }


def _in_question(session: Session, kind: str, ids: list[str]) -> list[str]:
    """Of these merged records, those showing again or with versions in conflict."""
    table = DuplicateMerge.metadata.tables[kind]
    out: set[str] = set()
    for n in range(0, len(ids), state.CHUNK):
        chunk = ids[n : n + state.CHUNK]
        shown = select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
        torn = select(SyncConflict.record_id).where(
            SyncConflict.table_name == kind, SyncConflict.record_id.in_(chunk)
        )
        out |= set(session.scalars(shown)) | set(session.scalars(torn))
    return sorted(out)


def _strays(session: Session, kind: str, merged: dict[str, str]) -> list[tuple[str, Any]]:
    """(merge's merged id, row) of every live row still naming a merged record of `kind`."""
    out = []
    ids = sorted(merged)
    for table_name, column in MOVES[kind]:
        table = DuplicateMerge.metadata.tables[table_name]
        for n in range(0, len(ids), state.CHUNK):
            query = select(table).where(
                table.c[column].in_(ids[n : n + state.CHUNK]), table.c.deleted_at.is_(None)
            )
            out += [(str(r[column]), (table, column, r)) for r in session.execute(query).mappings()]
    return out


def settle(session: Session, log: SyncImport | None = None) -> int:
    """Put right what still names a merged record (see the module's docstring); returns how
    many records it changed. The caller owns the transaction (the bundle import's); `log`,
    the import's, gets what undoing it must put back."""
    w = _Writer(session)
    merges = _live_merges(session)
    into = {(m["kind"], m["merged_id"]): m["kept_id"] for m in merges}
    changed = 0
    for kind in MOVES:
        merged = {mid: _final(into, k, mid) for k, mid in into if k == kind}
        if not merged:
            continue
        for record_id in _in_question(session, kind, sorted(merged)):
            changed += _bring_back(w, kind, record_id, merged[record_id])
        steps: dict[str, list[dict[str, Any]]] = {}
        for merged_id, (child, column, row) in _strays(session, kind, merged):
            steps.setdefault(merged_id, []).append(_move(w, child, column, row, merged[merged_id]))
        for merge in merges:
            added = steps.get(merge["merged_id"]) if merge["kind"] == kind else None
            if added:
                moved = json.loads(merge["moved"]) + added
                data = {"moved": json.dumps(moved, ensure_ascii=False)}
                w.resolve("duplicate_merges", merge["id"], data)
                changed += len(added)
    if log is not None:
        w.add_to_undo(log)
    return changed
