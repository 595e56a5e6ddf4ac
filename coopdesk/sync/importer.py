"""Import: check everything → plan (the preview) → apply in the caller's one transaction.

Nothing is written until the whole bundle has been checked and planned: a refused bundle
leaves the database exactly as it was. Merging is by version vectors (coopdesk.sync.versions),
so the same bundle twice, bundles in any order, and older bundles change nothing they should
not. A record whose parent has not arrived waits (sync_pending) and is released when it does.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, UniqueConstraint, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coopdesk.db.models import Base, SyncAck, SyncConflict, SyncImport, SyncPending, SyncReplica
from coopdesk.i18n import _
from coopdesk.sync import bundle, canonical, catalogues, scope, state, versions
from coopdesk.sync.describe import db_lookup, describe, kind_label
from coopdesk.sync.records import FieldProblem, data_to_values, normalized_data
from coopdesk.sync.state import Held
from coopdesk.sync.versions import Version

VD = tuple[Version, dict[str, Any]]
OUTCOMES = ("new", "updated", "unchanged", "conflicts", "waiting", "refused")

# (table name, field values) → problems as (field, message, severity)
Validator = Callable[[str, dict[str, Any]], Sequence[tuple[str, str, str]]]


def default_validator() -> Validator:
    """The domain's record rules, the same the forms use (coopdesk.domain.validation)."""
    from coopdesk.domain import validation

    def validate(table_name: str, values: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [
            (p.field, p.message, p.severity)
            for p in validation.problems_for_table(table_name, values)
        ]

    return validate


@dataclass
class Problem:
    position: int
    table: str
    label: str
    field: str
    message: str

    def text(self) -> str:
        where = (
            _("record {n} ({kind} “{label}”)").format(
                n=self.position + 1, kind=kind_label(self.table), label=self.label
            )
            if self.position >= 0
            else f"{kind_label(self.table)} “{self.label}”"
        )
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass
class Item:
    table: str
    record_id: str
    label: str
    outcome: str  # new | updated | unchanged | conflicts | waiting
    deleted: bool = False
    released: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "kind": kind_label(self.table),
            "id": self.record_id,
            "name": self.label,
            "outcome": self.outcome,
            "deleted": self.deleted,
        }


@dataclass
class ImportReport:
    file_name: str = ""
    bundle_id: str = ""
    sender_unit: str = ""
    sender_name: str = ""
    seq: int = 0
    created_at: str = ""
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    items: list[Item] = field(default_factory=list)
    refused: bool = False
    reason: str = ""  # broken | newer | too_large | not_bundle | unreadable | invalid | scope | …
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    already_imported: bool = False
    applied: bool = False
    import_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file_name,
            "bundle_id": self.bundle_id,
            "sender_unit": self.sender_unit,
            "sender_name": self.sender_name,
            "seq": self.seq,
            "created_at": self.created_at,
            **{k: self.counts.get(k, 0) for k in OUTCOMES},
            "refused_bundle": self.refused,
            "reason": self.reason,
            "message": self.message,
            "already_imported": self.already_imported,
            "applied": self.applied,
            "problems": [p.text() for p in self.problems],
        }

    def summary(self) -> str:
        """One paragraph in the interface language saying what happened or would happen."""
        if self.refused or self.already_imported:
            return self.message
        c = self.counts
        return _(
            "{new} new, {updated} updated, {unchanged} unchanged or older, "
            "{conflicts} in conflict, {waiting} waiting for a record not received yet."
        ).format(**{k: c.get(k, 0) for k in OUTCOMES})


class Refused(Exception):
    def __init__(self, reason: str, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.problems = problems or []


def refusal_message(error: bundle.BundleError) -> str:
    match error.kind:
        case "newer":
            return _(
                "This bundle was made by a newer version of CoopDesk. "
                "Please update CoopDesk, then import it again."
            )
        case "too_large":
            return _(
                "This file is too large to be a CoopDesk bundle. "
                "Ask the sender to export it again, or check that you chose the right file."
            )
        case "not_bundle":
            return _("This file is not a CoopDesk bundle. Choose the .coopdesk file you received.")
        case "unreadable":
            return _("The file cannot be read ({detail}). Copy it again and retry.").format(
                detail=error.detail
            )
    return _(
        "The bundle file is damaged or incomplete (it may have been cut off while copying). "
        "Ask the sender to export it again; nothing was changed."
    )


# --- checking ---------------------------------------------------------------------------------


@dataclass
class Incoming:
    table: Table
    record_id: str
    version: Version
    data: dict[str, Any]
    position: int


def _catalogue_codes(session: Session) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for name in ("units", "sectors", "ethnicities"):
        table = Base.metadata.tables[name]
        out[name] = {str(c) for (c,) in session.execute(select(table.c.code))}
    return out


def _check_records(
    session: Session,
    b: bundle.Bundle,
    tree: scope.UnitTree,
    sender_unit: str,
    my_unit: str,
    validator: Validator | None,
    extra_codes: dict[str, set[str]] | None = None,
) -> list[Incoming]:
    problems: list[Problem] = []
    out: list[Incoming] = []
    catalogues = _catalogue_codes(session)
    for name, codes in (extra_codes or {}).items():
        catalogues[name] |= codes
    labels = {
        (r.get("t"), r.get("id")): r.get("d")
        for r in b.records
        if isinstance(r, dict) and isinstance(r.get("d"), dict)
    }
    lookup = db_lookup(session, {k: v for k, v in labels.items() if isinstance(k[1], str)})  # type: ignore[misc]
    scope_refused = False
    for position, raw in enumerate(b.records):
        if not isinstance(raw, dict) or set(raw) != {"t", "id", "v", "d"}:
            problems.append(Problem(position, "", "?", "", _("not a record")))
            continue
        table_name, record_id, data = raw["t"], raw["id"], raw["d"]
        table = versions.table_for(table_name) if isinstance(table_name, str) else None
        if table is None or not isinstance(record_id, str) or not isinstance(data, dict):
            problems.append(
                Problem(position, str(table_name), "?", "", _("unknown kind of record"))
            )
            continue
        label = describe(table_name, data, lookup)
        if not record_id or len(record_id) > 36:
            problems.append(Problem(position, table_name, label, "id", _("bad record id")))
            continue
        try:
            version = Version.from_json(raw["v"])
            values = data_to_values(table, data)
            normal = normalized_data(table, data)
        except FieldProblem as exc:
            problems.append(Problem(position, table_name, label, exc.field, exc.message))
            continue
        except ValueError as exc:
            problems.append(Problem(position, table_name, label, "version", str(exc)))
            continue
        unit = values.get("unit_code")
        if not isinstance(unit, str) or unit not in catalogues["units"]:
            problems.append(Problem(position, table_name, label, "unit_code", _("unknown unit")))
            continue
        if not scope.in_scope(tree, sender_unit, my_unit, table_name, unit):
            scope_refused = True
            problems.append(
                Problem(
                    position,
                    table_name,
                    label,
                    "unit_code",
                    _("belongs to {unit}, which {sender} may not send here").format(
                        unit=tree.name(unit), sender=tree.name(sender_unit)
                    ),
                )
            )
            continue
        for column in table.columns:
            for fk in column.foreign_keys:
                parent = fk.column.table.name
                value = values.get(column.name)
                if (
                    parent in catalogues
                    and value is not None
                    and str(value) not in catalogues[parent]
                ):
                    problems.append(
                        Problem(
                            position,
                            table_name,
                            label,
                            column.name,
                            _("unknown code {code}").format(code=value),
                        )
                    )
        if validator is not None and not version.erased and values.get("deleted_at") is None:
            for fld, message, severity in validator(table_name, values):
                if severity == "error":
                    problems.append(Problem(position, table_name, label, fld, message))
        out.append(Incoming(table, record_id, version, normal, position))
    if problems:
        shown = "\n".join("• " + p.text() for p in problems[:10])
        more = len(problems) - 10
        if more > 0:
            shown += "\n" + _("… and {n} more problems.").format(n=more)
        if scope_refused:
            raise Refused(
                "scope",
                _(
                    "This bundle contains records its sender may not change here, so it was "
                    "refused and nothing was changed. Ask the sender to check the unit the "
                    "bundle was made for.\n{problems}"
                ).format(problems=shown),
                problems,
            )
        raise Refused(
            "invalid",
            _(
                "This bundle contains invalid records, so it was refused and nothing was "
                "changed. Ask the sender to correct them and export again.\n{problems}"
            ).format(problems=shown),
            problems,
        )
    return out


# --- planning ---------------------------------------------------------------------------------


@dataclass
class Change:
    table: Table
    record_id: str
    before: Held
    row: VD | None
    conflicts: list[VD]
    pending: list[VD]
    item: Item


def _vvs(items: Iterable[VD]) -> set[tuple[tuple[str, int], ...]]:
    return {v.vv for v, _ in items}


def _parents(table: Table, data: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    synced = {t.name for t in versions.synced_tables()}
    for column in table.columns:
        for fk in column.foreign_keys:
            parent = fk.column.table.name
            value = data.get(column.name)
            if parent in synced and value is not None:
                out.append((parent, str(value)))
    return out


class Planner:
    def __init__(self, session: Session) -> None:
        self.session = session
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

    def merge(
        self, table: Table, record_id: str, held: Held, incoming: list[VD], lookup: Any
    ) -> Change:
        local = held.all()
        merged = versions.non_dominated(local + incoming)
        if not _vvs(merged) - _vvs(local):
            item = Item(
                table.name, record_id, describe(table.name, incoming[0][1], lookup), "unchanged"
            )
            change = Change(table, record_id, held, held.row, held.conflicts, held.pending, item)
        elif self.missing_parent(table, merged[0][1]):
            kept = _vvs([held.row] if held.row else []) | _vvs(held.conflicts)
            waiting = [vd for vd in merged if vd[0].vv not in kept]
            item = Item(
                table.name, record_id, describe(table.name, merged[0][1], lookup), "waiting"
            )
            change = Change(table, record_id, held, held.row, list(held.conflicts), waiting, item)
        else:
            change = self.settle(table, record_id, held, held, merged, lookup, released=False)
        self.changes[(table.name, record_id)] = change
        return change

    def settle(
        self,
        table: Table,
        record_id: str,
        before: Held,
        current: Held,
        merged: list[VD],
        lookup: Any,
        *,
        released: bool,
    ) -> Change:
        winner = merged[0]
        outcome = "new" if before.row is None else "updated"
        if len(merged) > 1:
            outcome = "conflicts"
        item = Item(
            table.name,
            record_id,
            describe(table.name, winner[1], lookup),
            outcome,
            winner[1].get("deleted_at") is not None,
            released,
        )
        return Change(table, record_id, before, winner, merged[1:], [], item)


def _plan(
    session: Session, incoming: list[Incoming], virtual: Version | None, lookup: Any
) -> Planner:
    planner = Planner(session)
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
            planner.merge(table, record_id, entry, records[record_id], lookup)
    _release(session, planner, tables, virtual, lookup)
    return planner


def _release(
    session: Session, planner: Planner, tables: list[Table], virtual: Version | None, lookup: Any
) -> None:
    """Release waiting records whose parents are here now, until nothing more moves."""
    progress = True
    while progress:
        progress = False
        candidates: dict[str, set[str]] = {}
        for table_name, record_id in session.execute(
            select(SyncPending.table_name, SyncPending.record_id)
        ):
            candidates.setdefault(table_name, set()).add(record_id)
        for (table_name, record_id), change in planner.changes.items():
            if change.pending:
                candidates.setdefault(table_name, set()).add(record_id)
            else:
                candidates.get(table_name, set()).discard(record_id)
        for table in tables:
            ids = candidates.get(table.name)
            if not ids:
                continue
            unplanned = {i for i in ids if (table.name, i) not in planner.changes}
            held = state.held_versions(session, table, unplanned, virtual=virtual)
            for record_id in sorted(ids):
                previous = planner.changes.get((table.name, record_id))
                if previous is not None:
                    entry = Held(previous.row, list(previous.conflicts), list(previous.pending))
                    before = previous.before
                else:
                    entry = held.get(record_id, Held(None, [], []))
                    before = entry
                if not entry.pending:
                    continue
                merged = versions.non_dominated(entry.all())
                if planner.missing_parent(table, merged[0][1]):
                    continue
                planner.changes[(table.name, record_id)] = planner.settle(
                    table, record_id, before, entry, merged, lookup, released=True
                )
                progress = True


# --- applying ---------------------------------------------------------------------------------


def _held_json(held: Held) -> dict[str, Any]:
    return {
        "row": [held.row[0].to_json(), held.row[1]] if held.row else None,
        "conflicts": [[v.to_json(), d] for v, d in held.conflicts],
        "pending": [[v.to_json(), d] for v, d in held.pending],
    }


def _write_row(session: Session, table: Table, record_id: str, row: VD, exists: bool) -> None:
    version, data = row
    values = data_to_values(table, data)
    values["version"] = version.text()
    if exists:
        session.execute(update(table).where(table.c.id == record_id).values(**values))
    else:
        session.execute(insert(table).values(id=record_id, **values))


def _write_side(
    session: Session,
    model: Any,
    table_name: str,
    record_id: str,
    items: list[VD],
    bundle_id: str = "",
) -> None:
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


def _apply_changes(session: Session, changes: list[Change], bundle_id: str) -> None:
    """Write the planned changes, parents before children; new rows in batches per table."""
    order = {t.name: n for n, t in enumerate(versions.synced_tables())}
    changes = sorted(changes, key=lambda c: (order[c.table.name], c.item.released))
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None

    def flush() -> None:
        if batch and batch_table is not None:
            session.execute(insert(batch_table), batch)
        batch.clear()

    for change in changes:
        if change.item.outcome == "unchanged":
            continue
        if change.table is not batch_table or change.item.released:
            flush()
            batch_table = change.table
        before = change.before
        if change.row is not None and change.row != before.row:
            version, data = change.row
            if before.row is None:
                values = data_to_values(change.table, data)
                batch.append({"id": change.record_id, **values, "version": version.text()})
            else:
                _write_row(session, change.table, change.record_id, change.row, True)
        if before.conflicts or change.conflicts:
            _write_side(
                session, SyncConflict, change.table.name, change.record_id, change.conflicts
            )
        if before.pending or change.pending:
            _write_side(
                session, SyncPending, change.table.name, change.record_id, change.pending, bundle_id
            )
    flush()


def _duplicate_message(detail: str) -> str:
    return _(
        "This bundle holds a record that duplicates a different record here (the same "
        "cooperative and year, training and person, or unit, year and source), so it was "
        "refused and nothing was changed. Delete one of the two, then import again.\n{detail}"
    ).format(detail=detail)


def _duplicates(session: Session, planner: Planner) -> list[Problem]:
    """New rows that would break a uniqueness rule (same natural key, another id)."""
    problems: list[Problem] = []
    taken: dict[tuple[str, tuple[Any, ...]], str] = {}
    for change in planner.changes.values():
        if change.row is None or change.before.row is not None:
            continue
        table = change.table
        uniques = [
            [c.name for c in constraint.columns]
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        ]
        uniques += [[c.name for c in table.columns if c.unique and c.name != "id"]]
        values = data_to_values(table, change.row[1])
        for names in uniques:
            if not names:
                continue
            key = tuple(values.get(n) for n in names)
            if any(v is None for v in key):
                continue
            other = taken.setdefault((table.name + ":" + ",".join(names), key), change.record_id)
            if other == change.record_id:
                query = select(table.c.id).where(
                    *(table.c[n] == v for n, v in zip(names, key, strict=True)),
                    table.c.id != change.record_id,
                )
                found = session.execute(query.limit(1)).first()
                other = found[0] if found else other
            if other != change.record_id:
                problems.append(
                    Problem(-1, table.name, change.item.label, ", ".join(names), _("duplicate"))
                )
    return problems


def _update_knowledge(
    session: Session,
    b: bundle.Bundle,
    tree: scope.UnitTree,
    sender_unit: str,
    my_unit: str,
) -> None:
    body = b.body
    theirs = body.get("knowledge") or {}
    base = body.get("base") or {}
    mine = state.load_knowledge(session)
    me = versions.replica_id(session)
    own = {me, *versions.retired_replicas(session)}
    for replica, per_unit in sorted(theirs.items()):
        if replica in own or not isinstance(per_unit, dict):
            continue
        for unit, counter in per_unit.items():
            if not isinstance(counter, int) or not scope.unit_in_scope(
                tree, sender_unit, my_unit, unit
            ):
                continue
            start = base.get(replica, {}).get(unit, 0) if isinstance(base.get(replica), dict) else 0
            if start <= state.known(mine, replica, unit) and counter > state.known(
                mine, replica, unit
            ):
                mine.setdefault(replica, {})[unit] = counter
    state.save_knowledge(session, mine)


def _record_peer(session: Session, b: bundle.Bundle, sender_unit: str, now: dt.datetime) -> None:
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


# --- the entry point --------------------------------------------------------------------------


def _check_header(session: Session, b: bundle.Bundle, tree: scope.UnitTree, my_unit: str) -> str:
    header = b.header
    sender = header.get("sender")
    recipient = header.get("recipient")
    if (
        not isinstance(sender, dict)
        or not isinstance(recipient, dict)
        or not isinstance(sender.get("unit"), str)
        or not isinstance(sender.get("replica"), str)
        or not isinstance(recipient.get("unit"), str)
        or not isinstance(header.get("seq"), int)
    ):
        raise Refused("broken", refusal_message(bundle.BundleError("broken", "header")))
    sender_unit = str(sender["unit"])
    if recipient["unit"] != my_unit:
        raise Refused(
            "recipient",
            _(
                "This bundle is addressed to {unit}, not to this installation ({mine}). "
                "Check that you chose the right file."
            ).format(unit=tree.name(recipient["unit"]), mine=tree.name(my_unit)),
        )
    if not tree.known(sender_unit) or not tree.related(sender_unit, my_unit):
        raise Refused(
            "scope",
            _(
                "This bundle comes from {unit}, which does not exchange data with {mine}. "
                "Nothing was changed."
            ).format(unit=tree.name(sender_unit), mine=tree.name(my_unit)),
        )
    if sender["replica"] == versions.replica_id(session):
        raise Refused(
            "own",
            _("This bundle was exported from this database. Send it to its recipient instead."),
        )
    return sender_unit


def _check_catalogues(
    b: bundle.Bundle, tree: scope.UnitTree, sender_unit: str, my_unit: str
) -> dict[str, list[dict[str, str]]]:
    raw = b.body.get("catalogues")
    if raw is None:
        return {}
    if not catalogues.sends_catalogues(tree, sender_unit, my_unit):
        raise Refused(
            "scope",
            _(
                "This bundle changes catalogues, which only the unit above may do, so it was "
                "refused and nothing was changed."
            ),
        )
    try:
        return catalogues.check(raw)
    except FieldProblem as exc:
        problem = Problem(-1, exc.field, "", "", exc.message)
        raise Refused(
            "invalid",
            _(
                "This bundle contains invalid records, so it was refused and nothing was "
                "changed. Ask the sender to correct them and export again.\n{problems}"
            ).format(problems=f"• {exc.field}: {exc.message}"),
            [problem],
        ) from exc


def prospective_version(session: Session) -> Version:
    """The version stamping unversioned rows in this transaction would give."""
    me = versions.replica_id(session)
    return Version.make(me, {me: versions.next_counter(session)})


def import_bundle(
    session: Session,
    source: Path | bytes,
    *,
    my_unit: str,
    apply: bool,
    validator: Validator | None = None,
    now: dt.datetime | None = None,
    limits: bundle.Limits = bundle.DEFAULT_LIMITS,
) -> ImportReport:
    """Check a bundle and plan its merge; with `apply`, write it (the caller commits).

    A refused bundle is reported (report.refused, report.message) with nothing written."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    validator = validator or default_validator()
    report = ImportReport(file_name=source.name if isinstance(source, Path) else "")
    try:
        b = (
            bundle.read(source, limits)
            if isinstance(source, Path)
            else bundle.decode(source, limits)
        )
    except bundle.BundleError as exc:
        report.refused, report.reason, report.message = True, exc.kind, refusal_message(exc)
        return report
    header = b.header
    report.bundle_id = b.bundle_id
    report.seq = int(header.get("seq") or 0) if isinstance(header.get("seq"), int) else 0
    report.created_at = str(header.get("created_at", ""))
    tree = scope.UnitTree.load(session)
    try:
        sender_unit = _check_header(session, b, tree, my_unit)
        report.sender_unit, report.sender_name = sender_unit, tree.name(sender_unit)
        done = session.execute(
            select(SyncImport.imported_at).where(
                SyncImport.bundle_id == b.bundle_id, SyncImport.undone_at.is_(None)
            )
        ).first()
        if done is not None:
            report.already_imported = True
            report.message = _(
                "This bundle (number {seq} from {unit}) was already imported on {date}; "
                "nothing changed."
            ).format(
                seq=report.seq, unit=report.sender_name, date=done[0].strftime("%d/%m/%Y %H:%M")
            )
            return report
        catalogue_entries = _check_catalogues(b, tree, sender_unit, my_unit)
        codes = {n: {e["code"] for e in rows} for n, rows in catalogue_entries.items()}
        incoming = _check_records(session, b, tree, sender_unit, my_unit, validator, codes)
    except Refused as exc:
        report.refused, report.reason, report.message, report.problems = (
            True,
            exc.reason,
            exc.message,
            exc.problems,
        )
        records = header.get("records")
        report.counts["refused"] = records if isinstance(records, int) else len(b.records)
        return report
    has_unversioned = any(
        session.execute(select(t.c.id).where(t.c.version.is_(None)).limit(1)).first()
        for t in versions.synced_tables()
    )
    virtual = prospective_version(session) if has_unversioned else None
    extra = {(inc.table.name, inc.record_id): inc.data for inc in incoming}
    lookup = db_lookup(session, extra)
    planner = _plan(session, incoming, virtual, lookup)
    duplicates = _duplicates(session, planner)
    if duplicates:
        report.refused, report.reason = True, "duplicate"
        report.problems = duplicates
        report.message = _duplicate_message("\n".join("• " + p.text() for p in duplicates[:10]))
        report.counts["refused"] = len(incoming)
        return report
    catalogue_changes = catalogues.plan(session, catalogue_entries)
    items = [c.item for c in planner.changes.values()] + [
        Item(
            c["t"],
            c["entry"]["code"],
            catalogues.label(c),
            "new" if c["before"] is None else "updated",
        )
        for c in catalogue_changes
    ]
    counts = Counter(i.outcome for i in items)
    report.counts = {k: counts.get(k, 0) for k in OUTCOMES}
    report.items = sorted(items, key=lambda i: (OUTCOMES.index(i.outcome), i.table, i.label))
    if not apply:
        return report
    if has_unversioned:
        versions.stamp_unversioned(session)
    # An import is a transaction of this database too: the counter moves, so anything keyed
    # on it (e.g. the indicator cache) sees that the data changed.
    versions.transaction_counter(session)
    knowledge_before = state.load_knowledge(session)
    acks_before = [
        {c.name: getattr(a, c.name) for c in SyncAck.__table__.columns}
        for a in session.execute(select(SyncAck)).scalars()
    ]
    replicas_before = {r for (r,) in session.execute(select(SyncReplica.replica_id))}
    changes = [c for c in planner.changes.values() if c.item.outcome != "unchanged"]
    catalogues.apply(session, catalogue_changes)
    try:
        _apply_changes(session, changes, b.bundle_id)
    except IntegrityError as exc:
        # e.g. the same cooperative-year entered under two different ids before natural ids:
        # refuse the whole bundle; the caller rolls the transaction back.
        report.refused, report.reason = True, "duplicate"
        report.message = _duplicate_message(str(exc.orig)[:200])
        report.counts["refused"] = len(changes)
        return report
    _update_knowledge(session, b, tree, sender_unit, my_unit)
    _record_peer(session, b, sender_unit, now)
    undo = {
        "records": [
            {"t": c.table.name, "id": c.record_id, **_held_json(c.before)} for c in changes
        ],
        "knowledge": knowledge_before,
        "acks": [{**a, "received_at": a["received_at"].isoformat(sep="T")} for a in acks_before],
        "replicas": sorted(replicas_before),
        "catalogues": catalogue_changes,
    }
    sender = header["sender"]
    created = None
    try:
        created = dt.datetime.fromisoformat(str(header.get("created_at")))
    except ValueError:
        created = None
    log = SyncImport(
        bundle_id=b.bundle_id,
        sender_install=str(sender.get("install", ""))[:36],
        sender_replica=str(sender["replica"])[:36],
        sender_unit=sender_unit,
        seq=report.seq,
        created_at=created,
        imported_at=now,
        file_name=report.file_name[:300],
        summary=canonical.dumps(report.counts),
        undo=canonical.dumps(undo),
        counter_after=versions.current_counter(session),
    )
    session.add(log)
    session.flush()
    report.import_id = log.id
    report.applied = True
    return report
