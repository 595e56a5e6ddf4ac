"""Conflicts: concurrent versions kept side by side until someone resolves them, and erasure.

Resolving writes a new local version whose vector covers every version in the conflict, so it
dominates them all and wins everywhere once it travels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, SyncConflict, SyncPending, SyncReplica, Unit
from coopdesk.i18n import _
from coopdesk.sync import canonical, state, versions
from coopdesk.sync.describe import db_lookup, describe, kind_label
from coopdesk.sync.erasure import CONSENT_BLANK, PERSON_BLANK, SENSITIVE_BLANK
from coopdesk.sync.records import FieldProblem, data_to_values, row_data
from coopdesk.sync.versions import Version

# Fields that are bookkeeping, not something an officer chooses between.
HIDDEN_FIELDS = frozenset({"created_at", "created_by", "name_folded", "sort_key", "title_folded"})


class ConflictError(Exception):
    """A resolution that cannot be saved, with the reason for a person."""


@dataclass
class ConflictVersion:
    version: Version
    data: dict[str, Any]
    unit_code: str
    shown: bool  # the version every site shows until the conflict is resolved
    unit_name: str = ""  # the unit that made it, "" when unknown


@dataclass
class ConflictRecord:
    table: str
    record_id: str
    kind: str
    name: str
    versions: list[ConflictVersion]
    differing: list[str] = field(default_factory=list)


def _replica_units(session: Session) -> dict[str, str]:
    out = {r.replica_id: r.unit_code for r in session.execute(select(SyncReplica)).scalars()}
    return out


def list_conflicts(session: Session, my_unit: str = "") -> list[ConflictRecord]:
    units = _replica_units(session)
    me = versions.replica_id(session)
    units[me] = my_unit
    out: list[ConflictRecord] = []
    lookup = db_lookup(session, {})
    names = {
        u.code: u.name
        for u in session.scalars(select(Unit).where(Unit.code.in_(set(units.values()))))
    }
    keys = session.execute(select(SyncConflict.table_name, SyncConflict.record_id).distinct()).all()
    tables = {t.name: t for t in versions.synced_tables()}
    for table_name, record_id in sorted(keys):
        table = tables.get(table_name)
        if table is None:
            continue
        held = state.held_versions(session, table, [record_id], virtual=None).get(record_id)
        if held is None or held.row is None:
            continue
        items = [held.row, *held.conflicts]
        shown = versions.non_dominated(items)[0]
        cvs = [
            ConflictVersion(
                v, d, units.get(v.by, ""), v.vv == shown[0].vv, names.get(units.get(v.by, ""), "")
            )
            for v, d in items
        ]
        cvs.sort(key=lambda c: not c.shown)
        fields = [
            name
            for name in cvs[0].data
            if name not in HIDDEN_FIELDS
            and len({canonical.dumps(c.data.get(name)) for c in cvs}) > 1
        ]
        out.append(
            ConflictRecord(
                table_name,
                record_id,
                kind_label(table_name),
                describe(table_name, shown[1], lookup),
                cvs,
                fields,
            )
        )
    return out


def resolve_conflict(
    session: Session, table_name: str, record_id: str, data: dict[str, Any], actor: str = ""
) -> None:
    """Save `data` (fields as JSON values, e.g. picked field by field from the versions) as the
    version that settles the conflict."""
    table = versions.table_for(table_name)
    if table is None:
        raise ConflictError(_("Unknown kind of record."))
    held = state.held_versions(session, table, [record_id], virtual=None).get(record_id)
    if held is None or held.row is None:
        raise ConflictError(_("This record is no longer in conflict."))
    current = held.row[1]
    fields = {**current, **data, "updated_by": actor or current.get("updated_by", "")}
    fields["updated_at"] = (
        dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat(sep="T")
    )
    try:
        values = data_to_values(table, fields)
    except FieldProblem as exc:
        raise ConflictError(f"{exc.field}: {exc.message}") from exc
    everything = [held.row, *held.conflicts, *held.pending]
    base = Version.make(
        versions.replica_id(session), versions.merged_vector(v for v, _ in everything)
    )
    erased = any(v.erased for v, _ in everything)
    values["version"] = versions.local_version(session, base, erased=erased).text()
    session.execute(update(table).where(table.c.id == record_id).values(**values))
    for model in (SyncConflict, SyncPending):
        session.execute(
            delete(model).where(model.table_name == table_name, model.record_id == record_id)
        )
    session.execute(
        insert(AuditEvent).values(
            actor=actor,
            action="resolve",
            entity=table_name,
            entity_id=record_id,
            unit_code=str(values.get("unit_code") or ""),
            before=canonical.dumps([[v.to_json(), d] for v, d in [held.row, *held.conflicts]]),
            after=canonical.dumps(row_data(table, {**values, "id": record_id})),
        )
    )


def erase_person(session: Session, person_id: str, actor: str = "") -> None:
    """Erase a person everywhere: blank her personal fields and sensitive details with an
    erased version, which wins over every other version at every site."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    tables = {t.name: t for t in versions.synced_tables()}
    targets: list[tuple[str, str, dict[str, Any]]] = [("people", person_id, PERSON_BLANK)]
    for name, blank in (("person_sensitive", SENSITIVE_BLANK), ("consents", CONSENT_BLANK)):
        table = tables[name]
        for (rid,) in session.execute(select(table.c.id).where(table.c.person_id == person_id)):
            targets.append((name, rid, {**blank, "deleted_at": now}))
    for name, rid, blank in targets:
        table = tables[name]
        row = session.execute(select(table).where(table.c.id == rid)).mappings().first()
        if row is None:
            if name == "people":
                raise ConflictError(_("There is no such person."))
            continue
        base = Version.parse(row["version"])
        session.execute(
            update(table)
            .where(table.c.id == rid)
            .values(
                **blank,
                updated_at=now,
                updated_by=actor,
                version=versions.local_version(session, base, erased=True).text(),
            )
        )  # the versions it beat go with the logs (sync.forget, called by services.people)
    session.execute(
        insert(AuditEvent).values(
            actor=actor, action="erase", entity="people", entity_id=person_id, at=now
        )
    )
