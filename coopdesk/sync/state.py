"""Local sync state: the versions held per record (row, conflicts, waiting), knowledge, acks."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncAck, SyncConflict, SyncKnowledge, SyncPending
from coopdesk.sync import canonical
from coopdesk.sync.records import row_data
from coopdesk.sync.versions import Version

CHUNK = 500  # ids per IN (…) query, well under SQLite's parameter limit
Knowledge = dict[str, dict[str, int]]  # {replica: {unit_code: counter}}


@dataclass
class Held:
    """The versions of one record held here."""

    row: tuple[Version, dict[str, Any]] | None
    conflicts: list[tuple[Version, dict[str, Any]]]
    pending: list[tuple[Version, dict[str, Any]]]

    def all(self) -> list[tuple[Version, dict[str, Any]]]:
        out = list(self.conflicts) + list(self.pending)
        if self.row is not None:
            out.insert(0, self.row)
        return out


def _side_versions(
    session: Session, model: type[SyncConflict] | type[SyncPending], table_name: str
) -> dict[str, list[tuple[Version, dict[str, Any]]]]:
    out: dict[str, list[tuple[Version, dict[str, Any]]]] = defaultdict(list)
    rows = session.execute(
        select(model.record_id, model.version, model.data)
        .where(model.table_name == table_name)
        .order_by(model.id)
    )
    for record_id, version, data in rows:
        parsed = Version.parse(version)
        assert parsed is not None
        out[record_id].append((parsed, canonical.loads(data)))
    return out


def held_versions(
    session: Session,
    table: Table,
    ids: Iterable[str] | None = None,
    *,
    virtual: Version | None,
    units: Iterable[str] | None = None,
) -> dict[str, Held]:
    """Versions held for records of `table` (all, only `ids`, or only those of `units`). A row
    without a version yet (a bulk insert not stamped) gets `virtual`, the version stamping
    would give it. Waiting and conflicting versions are included whatever their unit."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted is None and units is not None:
        queries = [select(table).where(table.c.unit_code.in_(sorted(set(units))))]
    elif wanted is None:
        queries = [select(table)]
    else:
        queries = [
            select(table).where(table.c.id.in_(wanted[n : n + CHUNK]))
            for n in range(0, len(wanted), CHUNK)
        ]
    out: dict[str, Held] = {}
    for query in queries:
        for row in session.execute(query).mappings():
            version = Version.parse(row["version"]) or virtual
            assert version is not None
            out[row["id"]] = Held((version, row_data(table, dict(row))), [], [])
    wanted_set = None if wanted is None else set(wanted)
    for model, attr in ((SyncConflict, "conflicts"), (SyncPending, "pending")):
        for record_id, versions in _side_versions(session, model, table.name).items():
            if wanted_set is not None and record_id not in wanted_set:
                continue
            held = out.setdefault(record_id, Held(None, [], []))
            getattr(held, attr).extend(versions)
    return out


def load_knowledge(session: Session) -> Knowledge:
    out: Knowledge = defaultdict(dict)
    for replica, unit, counter in session.execute(
        select(SyncKnowledge.replica_id, SyncKnowledge.unit_code, SyncKnowledge.counter)
    ):
        out[replica][unit] = int(counter)
    return dict(out)


def save_knowledge(session: Session, knowledge: Knowledge) -> None:
    session.execute(delete(SyncKnowledge))
    rows = [
        {"replica_id": r, "unit_code": u, "counter": n}
        for r, units in sorted(knowledge.items())
        for u, n in sorted(units.items())
        if n > 0
    ]
    if rows:
        session.execute(insert(SyncKnowledge), rows)


def ack_base(session: Session, recipient_unit: str) -> Knowledge:
    """What every known replica of `recipient_unit` has said it holds: the element-wise
    minimum, so a delta is complete for each of them. Empty when nothing is known."""
    acks = [
        canonical.loads(text)
        for (text,) in session.execute(
            select(SyncAck.knowledge).where(SyncAck.unit_code == recipient_unit)
        )
    ]
    if not acks:
        return {}
    base: Knowledge = {}
    first, *rest = acks
    for replica, units in first.items():
        for unit, counter in units.items():
            value = counter
            for other in rest:
                value = min(value, other.get(replica, {}).get(unit, 0))
            if value > 0:
                base.setdefault(replica, {})[unit] = value
    return base


def known(knowledge: Knowledge, replica: str, unit: str) -> int:
    return knowledge.get(replica, {}).get(unit, 0)
