"""Merging two records into one, with a preview of what moves, and undoing it ("Tách lại").

    preview(session, "people", keep_id, other_id)            what would move, nothing written
    merge(session, "people", keep_id, other_id, actor, take_other=("phone",))
    unmerge(session, merge_id, actor)                         both records as they were

The rule of what moves and how is `coopdesk.domain.merges`. Every write goes through
`services.records` (validation, version stamping, the audit log); the caller owns the
transaction. The merged record is tombstoned, never erased: its history stays, and the merge
record (`duplicate_merges`, synced) says which record it went into.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import DuplicateMerge, utcnow
from coopdesk.domain.merges import MOVES, how_to_move
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.duplicates.labels import label
from coopdesk.services.duplicates.sql import MODELS
from coopdesk.services.records.audit import audit, snapshot
from coopdesk.services.records.sealed import in_clear
from coopdesk.services.registry import cooperatives as cooperative_area
from coopdesk.sync import versions
from coopdesk.sync.describe import db_lookup, describe, kind_label

# The fields an officer may take from the merged record, per kind (the editors' fields).
FIELDS: dict[str, tuple[str, ...]] = {
    "people": ("full_name", "gender", "birth_year", "phone", "address", "notes", "unit_code"),
    "cooperatives": cooperative_area.FIELDS,
}
# A person's name is taken whole: its parts go with it.
NAME_PARTS = ("family_name", "middle_name", "given_name", "full_name")
BOOKKEEPING = ("id", "version", "created_at", "updated_at", "created_by", "updated_by")


@dataclass(frozen=True)
class FieldDiff:
    field: str
    kept: Any
    other: Any


@dataclass(frozen=True)
class Step:
    """One row that moves: `how` is "moved", "copied" (to the row `to`) or "dropped"."""

    table: str
    id: str
    column: str
    how: str
    to: str | None = None
    label: str = ""  # "Học viên tập huấn: Nguyễn Thị Hoà – Quản trị HTX"

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        del out["label"]
        return out


@dataclass(frozen=True)
class MergePreview:
    kind: str
    kept_id: str
    other_id: str
    kept_label: str
    other_label: str
    fields: list[FieldDiff]
    steps: list[Step]


@dataclass(frozen=True)
class MergeRecord:
    id: str
    kind: str
    kept_id: str
    merged_id: str
    merged_label: str
    at: dt.datetime
    by: str


def _pair(session: Session, kind: str, keep_id: str, other_id: str) -> tuple[Any, Any]:
    if kind not in MODELS:
        raise records.RecordError(_("Only people or cooperatives can be merged."))
    if keep_id == other_id:
        raise records.RecordError(_("A record cannot be merged into itself."))
    model = MODELS[kind]
    return records.get_live(session, model, keep_id), records.get_live(session, model, other_id)


def _differing(kind: str, kept: Any, other: Any) -> list[FieldDiff]:
    return [
        FieldDiff(f, getattr(kept, f), getattr(other, f))
        for f in FIELDS[kind]
        if getattr(kept, f) != getattr(other, f)
    ]


def _steps(session: Session, kind: str, kept_id: str, other_id: str) -> list[Step]:
    """Every live row naming `other_id` and how it moves to `kept_id`."""
    lookup = db_lookup(session, {})
    steps: list[Step] = []
    for table, column in MOVES[kind]:
        model: Any = versions.model_for(table)
        natural = versions.NATURAL_KEYS.get(table, ())
        rows = session.scalars(
            select(model)
            .where(getattr(model, column) == other_id, model.deleted_at.is_(None))
            .order_by(model.id)
        )
        for row in rows:
            to = None
            if column in natural:
                to = versions.natural_id(table, {**snapshot(row), column: kept_id})
            twin = session.get(model, to) if to else None
            how = how_to_move(natural, column, twin is not None and twin.deleted_at is None)
            shown = f"{kind_label(table)}: {describe(table, snapshot(row), lookup)}"
            steps.append(Step(table, row.id, column, how, to if how == "copied" else None, shown))
    return steps


def preview(session: Session, kind: str, keep_id: str, other_id: str) -> MergePreview:
    """What merging `other_id` into `keep_id` would do; nothing is written."""
    kept, other = _pair(session, kind, keep_id, other_id)
    return MergePreview(
        kind,
        keep_id,
        other_id,
        label(session, kind, keep_id),
        label(session, kind, other_id),
        _differing(kind, kept, other),
        _steps(session, kind, keep_id, other_id),
    )


def _taken(kind: str, field: str) -> tuple[str, ...]:
    return NAME_PARTS if kind == "people" and field == "full_name" else (field,)


def _apply(session: Session, step: Step, kept_id: str, actor: str) -> None:
    model: Any = versions.model_for(step.table)
    row: Any = session.get(model, step.id)
    if step.how == "moved":
        records.update(session, row, {step.column: kept_id}, actor)
        return
    if step.how == "copied":
        data = {
            c.key: getattr(row, c.key)
            for c in model.__table__.columns
            if c.key not in (*BOOKKEEPING, "deleted_at", "unit_code")
        }
        # sealed details open only on their own record: copied in clear, sealed again there
        data = in_clear(session, step.table, {**data, "id": row.id})
        data.pop("id")
        records.create(session, model, {**data, step.column: kept_id}, actor)
    records.delete(session, row, actor)


def merge(
    session: Session,
    kind: str,
    keep_id: str,
    other_id: str,
    actor: str,
    take_other: Iterable[str] = (),
) -> DuplicateMerge:
    """Merge `other_id` into `keep_id`: the fields in `take_other` take the other record's
    values, everything naming the other moves to the kept one, the other is tombstoned, and
    a merge record remembers it all. RecordError / ValidationFailed: nothing is changed (the
    caller rolls back)."""
    kept, other = _pair(session, kind, keep_id, other_id)
    chosen = list(dict.fromkeys(take_other))
    unknown = [f for f in chosen if f not in FIELDS[kind]]
    if unknown:
        raise records.RecordError(_("Unknown field: {field}.").format(field=", ".join(unknown)))
    fields = [f for field in chosen for f in _taken(kind, field)]
    before = {f: snapshot(kept)[f] for f in fields}
    merged_label = label(session, kind, other_id)[:300]
    if fields:
        records.update(session, kept, {f: getattr(other, f) for f in fields}, actor)
    steps = _steps(session, kind, keep_id, other_id)
    for step in steps:
        _apply(session, step, keep_id, actor)
    records.delete(session, other, actor)
    data = {
        "kind": kind,
        "kept_id": keep_id,
        "merged_id": other_id,
        "merged_label": merged_label,
        "moved": json.dumps([s.to_json() for s in steps], ensure_ascii=False),
        "kept_before": json.dumps(before, ensure_ascii=False, sort_keys=True),
        "unit_code": kept.unit_code,
    }
    return records.create(session, DuplicateMerge, data, actor)


def restore(session: Session, obj: Any, actor: str) -> None:
    """A tombstoned record live again, as it was (validated, stamped, audited)."""
    if obj is None or obj.deleted_at is None:
        return
    records.raise_on_errors(records.check(session, type(obj), {}, obj))
    before = snapshot(obj)
    obj.deleted_at = None
    obj.updated_by = actor
    versions.stamp(session, obj)
    session.flush()
    audit(session, "restore", obj, before, snapshot(obj), actor)
    session.flush()


def _undo(session: Session, step: dict[str, Any], merge: DuplicateMerge, actor: str) -> None:
    model: Any = versions.model_for(step["table"])
    row = session.get(model, step["id"])
    if step["how"] == "moved":
        column = step["column"]
        if row is not None and row.deleted_at is None and getattr(row, column) == merge.kept_id:
            records.update(session, row, {column: merge.merged_id}, actor)
        return
    copy = session.get(model, step["to"]) if step["how"] == "copied" else None
    if copy is not None:
        records.delete(session, copy, actor)
    restore(session, row, actor)


def unmerge(session: Session, merge_id: str, actor: str) -> DuplicateMerge:
    """Undo a merge: the merged record comes back, what moved goes back, and the kept
    record's replaced values return. Refused when the kept record was merged since."""
    merge = records.get_live(session, DuplicateMerge, merge_id)
    if merge.undone_at is not None:
        raise records.RecordError(_("This merge was undone already."))
    model = MODELS[merge.kind]
    kept = session.get(model, merge.kept_id)
    if kept is None or kept.deleted_at is not None:
        raise records.RecordError(
            _("{name} was merged or deleted since; undo that first.").format(
                name=label(session, merge.kind, merge.kept_id)
            )
        )
    restore(session, session.get(model, merge.merged_id), actor)
    steps = json.loads(merge.moved)[::-1]
    # rows that moved go back first: a restored detail needs its consent back in place
    for step in sorted(steps, key=lambda s: s["how"] != "moved"):
        _undo(session, step, merge, actor)
    before = json.loads(merge.kept_before or "{}")
    if before:
        records.update(session, kept, before, actor)
    return records.update(session, merge, {"undone_at": utcnow()}, actor)


def _live_merges(session: Session, kind: str) -> Any:
    return select(DuplicateMerge).where(
        DuplicateMerge.kind == kind,
        DuplicateMerge.deleted_at.is_(None),
        DuplicateMerge.undone_at.is_(None),
    )


def _record(merge: DuplicateMerge) -> MergeRecord:
    return MergeRecord(
        merge.id,
        merge.kind,
        merge.kept_id,
        merge.merged_id,
        merge.merged_label,
        merge.created_at,
        merge.created_by,
    )


def merges_into(session: Session, kind: str, record_id: str) -> list[MergeRecord]:
    """The merges, not undone, that kept `record_id`, newest first (for "Tách lại")."""
    rows = session.scalars(
        _live_merges(session, kind)
        .where(DuplicateMerge.kept_id == record_id)
        .order_by(DuplicateMerge.created_at.desc())
    )
    return [_record(m) for m in rows]


def merged_into(session: Session, kind: str, record_id: str) -> MergeRecord | None:
    """The merge, not undone, that merged `record_id` into another record."""
    row = session.scalars(
        _live_merges(session, kind).where(DuplicateMerge.merged_id == record_id)
    ).first()
    return _record(row) if row is not None else None
