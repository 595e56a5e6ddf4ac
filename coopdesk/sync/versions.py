"""Versions: who changed a record, when in whose history, and which version shows.

Each database is a replica with a counter that rises once per local transaction that changes
synced records. Every record version carries a version vector {replica: counter} and the
replica that made it ("by"). Version A dominates B when A has seen everything B has seen and
more; two versions neither of which dominates the other are concurrent (a conflict). The
visible version among concurrent ones is chosen by one deterministic rule (`winner`), so every
site shows the same one. An erased version (a person erased everywhere) beats any version that
is not erased.

Stamping is an explicit step of every write: `services.records` calls `stamp(session, obj)`
for each record it creates, changes or deletes (and resolves natural ids with `natural_id`
before inserting); the sync code writes versions it computes itself; bulk Core inserts are
stamped by `stamp_unversioned(session)` (the demo generator, and before every export/import).
Nothing here listens to session events.
"""

from __future__ import annotations

import functools
import uuid
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import Base, Synced, SyncState
from coopdesk.i18n import _
from coopdesk.sync import canonical

MAX_COUNTER = 2**63 - 1  # counters are 64-bit (sync_state.counter is a BigInteger)
NAMESPACE = uuid.UUID("6f1d3c2a-55b4-4e0e-9b7a-c00bde5c0001")

# Records whose identity is a natural key: the same key created at two sites (or created
# again after a delete) is the same record, so it merges instead of duplicating.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "targets": ("unit_code", "plan_id", "target_unit_code", "indicator_code", "period"),
    "cooperative_years": ("cooperative_id", "year"),
    "participations": ("training_id", "person_id"),
    "budgets": ("unit_code", "year", "source"),
    "activity_cooperatives": ("activity_id", "cooperative_id"),
    "person_sensitive": ("person_id",),
    "duplicate_dismissals": ("kind", "first_id", "second_id"),
}

OPTIONAL_KEY_FIELDS = frozenset({"plan_id"})  # a loose target has no plan


def _name(model: type[Synced]) -> str:
    return str(getattr(model, "__tablename__"))  # noqa: B009 (declared on each model)


def synced_tables() -> list[Table]:
    """Synced tables in dependency order (parents before children)."""
    return list(_synced_tables())


@functools.cache
def _synced_tables() -> tuple[Table, ...]:
    names = {_name(m) for m in synced_models()}
    return tuple(t for t in Base.metadata.sorted_tables if t.name in names)


def synced_models() -> list[type[Synced]]:
    return list(_synced_models())


@functools.cache
def _synced_models() -> tuple[type[Synced], ...]:
    return tuple(m.class_ for m in Base.registry.mappers if issubclass(m.class_, Synced))


def model_for(table_name: str) -> type[Synced] | None:
    return _models_by_name().get(table_name)


@functools.cache
def _models_by_name() -> dict[str, type[Synced]]:
    return {_name(cls): cls for cls in synced_models()}


def table_for(table_name: str) -> Table | None:
    if table_name not in _models_by_name():
        return None
    return Base.metadata.tables.get(table_name)


def natural_id(table_name: str, data: Mapping[str, Any]) -> str | None:
    """The id derived from a record's natural key, or None for tables without one."""
    keys = NATURAL_KEYS.get(table_name)
    if not keys:
        return None
    values = [data.get(k) for k in keys]
    if any(v is None for k, v in zip(keys, values, strict=True) if k not in OPTIONAL_KEY_FIELDS):
        return None
    values = ["" if v is None else v for v in values]
    name = "|".join([table_name, *(str(v) for v in values)])
    return str(uuid.uuid5(NAMESPACE, name))


# --- version values -------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    by: str
    vv: tuple[tuple[str, int], ...]  # sorted (replica, counter)
    erased: bool = False

    @property
    def vector(self) -> dict[str, int]:
        return dict(self.vv)

    @property
    def counter(self) -> int:
        """The counter of the change that made this version (its origin)."""
        return self.vector.get(self.by, 0)

    def dominates(self, other: Version) -> bool:
        mine = self.vector
        theirs = other.vector
        if mine == theirs:
            return False
        return all(mine.get(k, 0) >= n for k, n in theirs.items())

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"by": self.by, "vv": dict(self.vv)}
        if self.erased:
            out["x"] = 1
        return out

    def text(self) -> str:
        return self._text

    @functools.cached_property
    def _text(self) -> str:  # a version is written once per record an import writes
        return canonical.dumps(self.to_json())

    @staticmethod
    def make(by: str, vector: Mapping[str, int], erased: bool = False) -> Version:
        return Version(by, tuple(sorted(vector.items())), erased)

    @staticmethod
    def from_json(value: Any) -> Version:
        if not isinstance(value, dict) or set(value) - {"by", "vv", "x"}:
            raise ValueError(_("a version must have only the fields by, vv and x"))
        by = value.get("by")
        vv = value.get("vv")
        if not isinstance(by, str) or not isinstance(vv, dict) or not vv:
            raise ValueError(_("a version must name its replica and vector"))
        for key, n in vv.items():
            if not isinstance(key, str) or len(key) > 36:
                raise ValueError(_("a version names an unknown replica"))
            if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_COUNTER:
                raise ValueError(_("a version counter must be a whole number from 1 to 2^63-1"))
        if by not in vv:
            raise ValueError(_("a version must include its own replica"))
        erased = value.get("x", 0)
        if erased not in (0, 1):
            raise ValueError(_("bad erasure flag"))
        return Version.make(by, vv, bool(erased))

    @staticmethod
    def parse(text: str | None) -> Version | None:
        if not text:
            return None
        return Version.from_json(canonical.loads(text))


def merged_vector(versions: Iterable[Version]) -> dict[str, int]:
    out: dict[str, int] = {}
    for version in versions:
        for key, n in version.vv:
            if n > out.get(key, 0):
                out[key] = n
    return out


def winner_key(version: Version, data: Mapping[str, Any]) -> tuple[Any, ...]:
    """The one rule every site applies: erased first, then the latest edit, then the vector."""
    return (version.erased, str(data.get("updated_at") or ""), canonical.dumps(version.to_json()))


def non_dominated(
    versions: Iterable[tuple[Version, dict[str, Any]]],
) -> list[tuple[Version, dict[str, Any]]]:
    """Union of versions with dominated ones (and non-erased, if any is erased) removed,
    winner first, the others in a stable order."""
    unique: dict[tuple[tuple[str, int], ...], tuple[Version, dict[str, Any]]] = {}
    for version, data in versions:
        unique.setdefault(version.vv, (version, data))
    items = list(unique.values())
    if any(v.erased for v, _ in items):
        items = [(v, d) for v, d in items if v.erased]
    if len(items) == 1:
        return items
    kept = [(v, d) for v, d in items if not any(o.dominates(v) for o, _ in items)]
    kept.sort(key=lambda vd: winner_key(*vd), reverse=True)
    return kept


# --- replica state and the local counter ----------------------------------------------------


def _state_row(session: Session) -> Any:
    conn = session.connection()
    row = conn.execute(select(SyncState.__table__).where(SyncState.id == 1)).first()
    if row is None:
        conn.execute(
            insert(SyncState).values(
                id=1,
                install_id=str(uuid.uuid4()),
                replica_id=uuid.uuid4().hex,
                counter=0,
                retired_replicas="[]",
            )
        )
        row = conn.execute(select(SyncState.__table__).where(SyncState.id == 1)).one()
    return row


def replica_id(session: Session) -> str:
    return str(_state_row(session).replica_id)


def install_id(session: Session) -> str:
    return str(_state_row(session).install_id)


def current_counter(session: Session) -> int:
    return int(_state_row(session).counter)


def retired_replicas(session: Session) -> dict[str, int]:
    """Replica ids this database had before a restore, with the counter it had reached."""
    raw = canonical.loads(_state_row(session).retired_replicas or "[]")
    return {str(item["replica"]): int(item["counter"]) for item in raw}


def _counter_of_this_transaction(session: Session) -> int | None:
    """The counter already taken by the session's current transaction, if any."""
    held = session.info.get("sync_counter")
    if held is None:
        return None
    transaction, counter = held
    return int(counter) if transaction() is session.get_transaction() else None


def transaction_counter(session: Session) -> int:
    """The counter of the current local transaction (bumped once per transaction)."""
    counter = _counter_of_this_transaction(session)
    if counter is not None:
        return counter
    _state_row(session)
    conn = session.connection()
    conn.execute(update(SyncState).where(SyncState.id == 1).values(counter=SyncState.counter + 1))
    counter = int(conn.execute(select(SyncState.counter).where(SyncState.id == 1)).scalar_one())
    transaction = session.get_transaction()
    assert transaction is not None  # session.connection() began one
    session.info["sync_counter"] = (weakref.ref(transaction), counter)
    return counter


def next_counter(session: Session) -> int:
    """The counter this transaction has, or would take with its first change."""
    counter = _counter_of_this_transaction(session)
    return counter if counter is not None else current_counter(session) + 1


def new_replica(session: Session, *, retire: bool = True) -> str:
    """Give this database a new replica id (after a restore), remembering the old one; with
    `retire` False the old id is left to the laptop this database was copied from."""
    row = _state_row(session)
    retired = canonical.loads(row.retired_replicas or "[]")
    if retire:
        retired.append({"replica": row.replica_id, "counter": int(row.counter)})
    new = uuid.uuid4().hex
    session.connection().execute(
        update(SyncState)
        .where(SyncState.id == 1)
        .values(replica_id=new, counter=0, retired_replicas=canonical.dumps(retired))
    )
    session.info.pop("sync_counter", None)
    return new


def local_version(session: Session, base: Version | None, *, erased: bool = False) -> Version:
    """The version a local change makes from `base` (None for a new record)."""
    me = replica_id(session)
    counter = transaction_counter(session)
    vector = dict(base.vv) if base else {}
    vector[me] = counter
    return Version.make(me, vector, erased or bool(base and base.erased))


def stamp_unversioned(session: Session) -> int:
    """Give every synced row without a version one made by this transaction (bulk inserts)."""
    stamped = 0
    version_text: str | None = None
    conn = session.connection()
    for table in synced_tables():
        exists = conn.execute(select(table.c.id).where(table.c.version.is_(None)).limit(1)).first()
        if exists is None:
            continue
        if version_text is None:
            version_text = local_version(session, None).text()
        result = conn.execute(
            update(table).where(table.c.version.is_(None)).values(version=version_text)
        )
        stamped += int(result.rowcount or 0)
    return stamped


# --- stamping a record the services write --------------------------------------------------


def stamp(session: Session, obj: Synced) -> None:
    """Give `obj` the version this transaction's change makes (once per transaction: stamping
    again in the same transaction gives the same version)."""
    base = Version.parse(obj.version)
    obj.version = local_version(session, base).text()


__all__ = [
    "NATURAL_KEYS",
    "Version",
    "current_counter",
    "install_id",
    "local_version",
    "natural_id",
    "new_replica",
    "next_counter",
    "non_dominated",
    "replica_id",
    "stamp",
    "stamp_unversioned",
    "synced_tables",
    "transaction_counter",
]
