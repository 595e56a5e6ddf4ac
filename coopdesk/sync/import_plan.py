"""Planning a checked bundle: what each record becomes here (the preview), nothing written.

Incoming versions are merged with those held (coopdesk.sync.versions): dominated versions
drop out, concurrent ones are kept as a conflict, and a record whose parent has not arrived
waits (sync_pending) until it does; the records it waited for are released here too.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, UniqueConstraint, select, tuple_
from sqlalchemy.orm import Session

from coopdesk.db.models import Base, SyncPending
from coopdesk.i18n import _
from coopdesk.sync import canonical, state, versions
from coopdesk.sync.describe import Lookup, describe
from coopdesk.sync.import_check import Incoming
from coopdesk.sync.import_report import Item, Problem
from coopdesk.sync.state import Held
from coopdesk.sync.versions import Version

VD = tuple[Version, dict[str, Any]]


@dataclass
class Change:
    """What one record becomes: its row, conflicting and waiting versions, and its item."""

    table: Table
    record_id: str
    before: Held
    row: VD | None
    conflicts: list[VD]
    pending: list[VD]
    item: Item

    @property
    def row_changed(self) -> bool:
        return self.row is not None and self.row != self.before.row


def _vvs(items: Iterable[VD]) -> set[tuple[tuple[str, int], ...]]:
    return {v.vv for v, _ in items}


def _parents(table: Table, data: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for column, parent in _parent_columns(table):
        value = data.get(column)
        if value is not None:
            out.append((parent, str(value)))
    return out


@functools.cache
def _parent_columns(table: Table) -> tuple[tuple[str, str], ...]:
    """(column, synced parent table) for each foreign key of `table` to a synced table."""
    synced = {t.name for t in versions.synced_tables()}
    return tuple(
        (column.name, fk.column.table.name)
        for column in table.columns
        for fk in column.foreign_keys
        if fk.column.table.name in synced
    )


class Planner:
    def __init__(self, session: Session, lookup: Lookup) -> None:
        self.session = session
        self.lookup = lookup
        self.changes: dict[tuple[str, str], Change] = {}
        self._exists: dict[tuple[str, str], bool] = {}

    def exists(self, table_name: str, record_id: str) -> bool:
        key = (table_name, record_id)
        change = self.changes.get(key)
        if change is not None and change.row is not None:
            return True
        if key not in self._exists:
            table = Base.metadata.tables[table_name]
            found = self.session.execute(select(table.c.id).where(table.c.id == record_id)).first()
            self._exists[key] = found is not None
        return self._exists[key]

    def missing_parent(self, table: Table, data: dict[str, Any]) -> bool:
        return any(not self.exists(*p) for p in _parents(table, data))

    def _item(self, table: Table, record_id: str, data: dict[str, Any], outcome: str) -> Item:
        return Item(table.name, record_id, describe(table.name, data, self.lookup), outcome)

    def merge(self, table: Table, record_id: str, held: Held, incoming: list[VD]) -> Change:
        local = held.all()
        merged = versions.non_dominated(local + incoming)
        if not _vvs(merged) - _vvs(local):
            item = self._item(table, record_id, incoming[0][1], "unchanged")
            change = Change(table, record_id, held, held.row, held.conflicts, held.pending, item)
        elif self.missing_parent(table, merged[0][1]):
            kept = _vvs([held.row] if held.row else []) | _vvs(held.conflicts)
            waiting = [vd for vd in merged if vd[0].vv not in kept]
            item = self._item(table, record_id, merged[0][1], "waiting")
            change = Change(table, record_id, held, held.row, list(held.conflicts), waiting, item)
        else:
            change = self.settle(table, record_id, held, merged, released=False)
        self.changes[(table.name, record_id)] = change
        return change

    def settle(
        self, table: Table, record_id: str, before: Held, merged: list[VD], *, released: bool
    ) -> Change:
        """The record with the winner as its row and the other versions in conflict."""
        winner = merged[0]
        outcome = "conflicts" if len(merged) > 1 else "new" if before.row is None else "updated"
        item = self._item(table, record_id, winner[1], outcome)
        item.deleted = winner[1].get("deleted_at") is not None
        item.released = released
        return Change(table, record_id, before, winner, merged[1:], [], item)

    def release(self, tables: list[Table], virtual: Version | None) -> None:
        """Release waiting records whose parents are here now, until nothing more moves."""
        moved = True
        while moved:
            waiting = self._waiting()
            moved = False
            for table in tables:
                ids = waiting.get(table.name)
                if ids and self._release_table(table, ids, virtual):
                    moved = True

    def _waiting(self) -> dict[str, set[str]]:
        """Records waiting for a parent: those held waiting, and those this plan makes wait."""
        out: dict[str, set[str]] = {}
        query = select(SyncPending.table_name, SyncPending.record_id)
        for table_name, record_id in self.session.execute(query):
            out.setdefault(table_name, set()).add(record_id)
        for (table_name, record_id), change in self.changes.items():
            if change.pending:
                out.setdefault(table_name, set()).add(record_id)
            else:
                out.get(table_name, set()).discard(record_id)
        return out

    def _release_table(self, table: Table, ids: set[str], virtual: Version | None) -> bool:
        unplanned = {i for i in ids if (table.name, i) not in self.changes}
        held = state.held_versions(self.session, table, unplanned, virtual=virtual)
        moved = False
        for record_id in sorted(ids):
            previous = self.changes.get((table.name, record_id))
            if previous is not None:
                entry = Held(previous.row, list(previous.conflicts), list(previous.pending))
                before = previous.before
            else:
                entry = held.get(record_id, Held(None, [], []))
                before = entry
            if not entry.pending:
                continue
            merged = versions.non_dominated(entry.all())
            if self.missing_parent(table, merged[0][1]):
                continue
            self.changes[(table.name, record_id)] = self.settle(
                table, record_id, before, merged, released=True
            )
            moved = True
        return moved


def plan(
    session: Session, incoming: list[Incoming], virtual: Version | None, lookup: Lookup
) -> Planner:
    """What every incoming record (and every record it releases) becomes here."""
    planner = Planner(session, lookup)
    by_table: dict[str, dict[str, list[VD]]] = {}
    for inc in incoming:
        by_table.setdefault(inc.table.name, {}).setdefault(inc.record_id, []).append(
            (inc.version, inc.data)
        )
    tables = versions.synced_tables()
    for table in tables:
        records = by_table.get(table.name)
        if not records:
            continue
        held = state.held_versions(session, table, records, virtual=virtual)
        for record_id in sorted(records):
            entry = held.get(record_id, Held(None, [], []))
            planner.merge(table, record_id, entry, records[record_id])
    planner.release(tables, virtual)
    return planner


_KEYS_PER_QUERY = 400  # SQLite allows 32,766 parameters a statement; keys have few columns


@functools.cache
def _unique_columns(table: Table) -> tuple[tuple[str, ...], ...]:
    uniques = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    uniques.append(tuple(c.name for c in table.columns if c.unique and c.name != "id"))
    # once each: a unique column is also a UniqueConstraint, and twice would flag a row as
    # its own duplicate (person_sensitive.person_id)
    return tuple(names for n, names in enumerate(uniques) if names and names not in uniques[:n])


def _value(table: Table, data: dict[str, Any], name: str) -> Any:
    """One column's value from checked bundle fields (a field left out reads as None)."""
    return canonical.from_json_value(table.c[name], data[name]) if name in data else None


def duplicates(session: Session, planner: Planner) -> list[Problem]:
    """New rows that would break a uniqueness rule (same natural key, another id): the first
    new row with a key stands unless a row held here has it; any later one is a duplicate.
    One query per table and rule, not one per row."""
    wanted: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], list[str]]] = {}
    for change in planner.changes.values():
        if change.row is None or change.before.row is not None:
            continue
        table, data = change.table, change.row[1]
        for columns in _unique_columns(table):
            key = tuple(_value(table, data, n) for n in columns)
            if all(v is not None for v in key):
                rule = wanted.setdefault((table.name, columns), {})
                rule.setdefault(key, []).append(change.record_id)
    flagged: set[tuple[str, str, tuple[str, ...]]] = set()
    for (table_name, names), by_key in wanted.items():
        held = _held_keys(session, Base.metadata.tables[table_name], names, list(by_key))
        for key, record_ids in by_key.items():
            first_stands = key not in held
            for record_id in record_ids[1:] if first_stands else record_ids:
                flagged.add((table_name, record_id, names))
    return [
        Problem(-1, change.table.name, change.item.label, ", ".join(names), _("duplicate"))
        for change in planner.changes.values()
        for names in _unique_columns(change.table)
        if (change.table.name, change.record_id, names) in flagged
    ]


def _held_keys(
    session: Session, table: Table, names: tuple[str, ...], keys: list[tuple[Any, ...]]
) -> set[tuple[Any, ...]]:
    """Which of `keys` (values of the columns `names`) a row held here already has."""
    columns = [table.c[n] for n in names]
    found: set[tuple[Any, ...]] = set()
    for start in range(0, len(keys), _KEYS_PER_QUERY):
        chunk = keys[start : start + _KEYS_PER_QUERY]
        match = (
            columns[0].in_([k[0] for k in chunk])
            if len(columns) == 1
            else (tuple_(*columns).in_(chunk))
        )
        found.update(tuple(row) for row in session.execute(select(*columns).where(match)))
    return found & set(keys)
