"""Export: the records a recipient has not acknowledged (or the full scope) as bundle bytes.

The format-1 bundle is sealed (coopdesk.sync.envelope): encrypted to the recipient's keys
from the trust list and signed with this installation's unlocked identity."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk import __version__
from coopdesk.db.models import SyncImport, SyncOutgoing, SyncReplica
from coopdesk.sync import bundle, catalogues, envelope, scope, state, trust, unit_codes, versions
from coopdesk.sync.identity import Identity, PublicKeys
from coopdesk.sync.state import Knowledge

# (table, record id, a version's stored fields) → the fields with sealed details opened
Opener = Callable[[str, str, dict[str, Any]], dict[str, Any]]


@dataclass
class ExportResult:
    data: bytes
    header: dict[str, Any]
    seq: int
    records: int

    @property
    def bundle_id(self) -> str:
        return str(self.header["bundle_id"])


def scope_units(tree: scope.UnitTree, a: str, b: str) -> set[str]:
    """Units whose records may travel between `a` and `b`, in either direction."""
    candidates = set(tree.ancestors(a)) | set(tree.ancestors(b))  # what they pass down
    frontier = {a, b}
    for _ in range(3):
        candidates |= frontier
        frontier = {c for code in frontier for c in tree.children(code)} - candidates
    return {
        u
        for u in candidates
        if scope.unit_in_scope(tree, a, b, u) or scope.unit_in_scope(tree, b, a, u)
    }


def own_knowledge(session: Session, units: set[str]) -> Knowledge:
    """What this database holds, for the given units, including its own changes."""
    knowledge = state.load_knowledge(session)
    mine = {versions.replica_id(session): versions.current_counter(session)}
    mine.update(versions.retired_replicas(session))
    out: Knowledge = {}
    for replica, per_unit in knowledge.items():
        kept = {u: n for u, n in per_unit.items() if u in units}
        if kept:
            out[replica] = kept
    for replica, counter in mine.items():
        if counter > 0:
            out[replica] = dict.fromkeys(sorted(units), counter)
    return out


def receipts_for(session: Session, unit: str, limit: int = 50) -> list[dict[str, Any]]:
    rows = session.execute(
        select(SyncImport)
        .where(SyncImport.sender_unit == unit, SyncImport.undone_at.is_(None))
        .order_by(SyncImport.id.desc())
        .limit(limit)
    ).scalars()
    return [
        {
            "bundle_id": r.bundle_id,
            "seq": r.seq,
            "sender_replica": r.sender_replica,
            "imported_at": r.imported_at.replace(tzinfo=None).isoformat(sep="T"),
        }
        for r in rows
    ]


def next_seq(session: Session, recipient_unit: str) -> int:
    """The number the next bundle to `recipient_unit` gets (bundles are numbered per pair)."""
    last = session.execute(
        select(func.max(SyncOutgoing.seq)).where(SyncOutgoing.recipient_unit == recipient_unit)
    ).scalar()
    return int(last or 0) + 1


def _records_to_send(
    session: Session,
    tree: scope.UnitTree,
    pair: tuple[str, str],
    base: Knowledge,
    units: Any,
    opener: Opener | None,
) -> list[dict[str, Any]]:
    """Every version of each record in scope that the recipient may not have yet; sealed
    sensitive details opened by `opener` (the bundle is encrypted to the recipient), or left
    out without one (sealed under this installation's data key, they open only here)."""
    my_unit, recipient_unit = pair
    records: list[dict[str, Any]] = []
    for table in versions.synced_tables():
        if table.name in scope.SENSITIVE_TABLES and not scope.carries_sensitive(
            my_unit, recipient_unit
        ):
            continue
        held = state.held_versions(session, table, virtual=None, units=units)
        for record_id in sorted(held):
            all_versions = held[record_id].all()
            unit = all_versions[0][1].get("unit_code")
            if not isinstance(unit, str) or not scope.in_scope(
                tree, my_unit, recipient_unit, table.name, unit
            ):
                continue
            if not any(v.counter > state.known(base, v.by, unit) for v, _ in all_versions):
                continue
            if any(fields.get("sealed") for _, fields in all_versions):
                if opener is None:
                    continue
                all_versions = [
                    (v, opener(table.name, record_id, fields)) for v, fields in all_versions
                ]
            for version, fields in all_versions:
                records.append(
                    {"t": table.name, "id": record_id, "v": version.to_json(), "d": fields}
                )
    return records


def _body(
    session: Session,
    tree: scope.UnitTree,
    pair: tuple[str, str],
    base: Knowledge,
    units: Any,
    opener: Opener | None = None,
) -> dict[str, Any]:
    my_unit, recipient_unit = pair
    records = _records_to_send(session, tree, pair, base, units, opener)
    replicas = {
        r.replica_id: {"install": r.install_id, "unit": r.unit_code}
        for r in session.execute(select(SyncReplica)).scalars()
    }
    replicas[versions.replica_id(session)] = {
        "install": versions.install_id(session),
        "unit": my_unit,
    }
    body = {
        "records": records,
        "knowledge": own_knowledge(session, units),
        "base": base,
        "receipts": receipts_for(session, recipient_unit),
        "replicas": replicas,
        "retired": sorted(versions.retired_replicas(session)),
    }
    if catalogues.sends_catalogues(tree, my_unit, recipient_unit):
        body["catalogues"] = catalogues.export(session)
    return body


def _header(
    session: Session, tree: scope.UnitTree, pair: tuple[str, str], body: dict[str, Any], seq: int
) -> dict[str, Any]:
    my_unit, recipient_unit = pair
    ids = {(r["t"], r["id"]) for r in body["records"]}
    return {
        "app": f"CoopDesk {__version__}",
        unit_codes.HEADER_FIELD: unit_codes.database_version(session),
        "sender": {
            "install": versions.install_id(session),
            "replica": versions.replica_id(session),
            "unit": my_unit,
            "unit_name": tree.name(my_unit),
        },
        "recipient": {"unit": recipient_unit, "unit_name": tree.name(recipient_unit)},
        "scope": "full" if not body["base"] else "delta",
        "seq": seq,
        "counts": dict(sorted(Counter(t for t, _id in ids).items())),
        "records": len(ids),
        "versions": len(body["records"]),
    }


def sealing_keys(session: Session, recipient_unit: str) -> tuple[Identity, list[PublicKeys]]:
    """(this installation's signing identity, the recipient unit's trusted keys); TrustError
    no_identity, locked, or no_recipient when the recipient is not registered here."""
    me, _mine = trust.unlocked(session)
    keys = trust.recipient_keys(session, recipient_unit)
    if not keys:
        raise trust.TrustError("no_recipient", recipient_unit)
    return me, keys


def build(
    session: Session,
    *,
    my_unit: str,
    recipient_unit: str,
    full: bool = False,
    now: dt.datetime | None = None,
    opener: Opener | None = None,
) -> ExportResult:
    """Build the next bundle to `recipient_unit`, sealed, and record it as sent (caller
    commits); TrustError (see `sealing_keys`) before anything is built. `opener`: how sealed
    sensitive details are opened for a recipient that may hold them (another computer of the
    same unit): (table, record id, a version's fields) → the fields in clear."""
    me, recipient_keys = sealing_keys(session, recipient_unit)
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    versions.stamp_unversioned(session)
    tree = scope.UnitTree.load(session)
    pair = (my_unit, recipient_unit)
    base: Knowledge = {} if full else state.ack_base(session, recipient_unit)
    body = _body(session, tree, pair, base, scope_units(tree, my_unit, recipient_unit), opener)
    seq = next_seq(session, recipient_unit)
    header = {**_header(session, tree, pair, body, seq), "created_at": now.isoformat(sep="T")}
    inner = bundle.encode(header, body)
    decoded_header = bundle.decode(inner).header
    data = envelope.seal(
        inner, sender=me, sender_unit=my_unit, recipient_unit=recipient_unit,
        recipient=recipient_keys, announce=trust.announcements(session),
    )  # fmt: skip
    session.add(
        SyncOutgoing(
            recipient_unit=recipient_unit,
            seq=seq,
            bundle_id=decoded_header["bundle_id"],
            full=not base,
            records=header["records"],
            created_at=now,
        )
    )
    return ExportResult(data, decoded_header, seq, header["records"])
