"""Create, update and delete any record: normalised, validated, audited.

    obj = records.create(session, Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX",
                                                "unit_code": "03408"}, actor="Lò Thị Mai")
    records.update(session, obj, {"phone": "0912 345 678"}, actor="Lò Thị Mai")
    records.delete(session, obj, actor="Lò Thị Mai")   # soft delete (deleted_at)

Where each step lives:
- `records.values`: texts stored NFC with white space tidied; `name_folded`, `title_folded`,
  `sort_key` and a person's `full_name` filled here, never by the caller.
- `records.checks`: `coopdesk.domain.validation` checks the record as it would be saved:
  errors raise `ValidationFailed` (nothing is changed), warnings come back on `obj.warnings`.
- this module: every change of a synced record is stamped with this transaction's version
  (`coopdesk.sync.versions.stamp`); a record with a natural key (a cooperative's year, a
  participation…) gets its natural id before it is inserted, and one created again after a
  delete is the same record, undeleted.
- `records.audit`: every change writes an AuditEvent with the values before and after;
  `history(session, entity, id)` reads them back for the History view.
The caller owns the transaction (`session_scope`); these functions only flush. When the
installation has accounts, each write needs a logged-in account that may change records, and is
recorded under that account's name (`services.accounts.writer`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    ActivityCooperative,
    Base,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Role,
    Synced,
    utcnow,
)
from coopdesk.db.models.base import new_id
from coopdesk.domain.validation import Problem
from coopdesk.i18n import _
from coopdesk.services import accounts
from coopdesk.services.records.audit import HistoryEntry, audit, history, snapshot
from coopdesk.services.records.checks import active_consents, check, raise_on_errors
from coopdesk.services.records.sealed import sealed_columns, would_be_clear
from coopdesk.services.records.values import RecordError, prepare
from coopdesk.sync import versions
from coopdesk.sync.describe import kind_label

__all__ = [
    "HistoryEntry",
    "RecordError",
    "active_consents",
    "check",
    "create",
    "delete",
    "get_live",
    "history",
    "update",
]

T = TypeVar("T", bound=Base)

# Deleting a parent soft-deletes these children: (child model, column pointing at the parent).
CHILDREN: dict[str, list[tuple[type[Synced], str]]] = {
    "cooperatives": [
        (CooperativeYear, "cooperative_id"),
        (Role, "cooperative_id"),
        (ActivityCooperative, "cooperative_id"),
    ],
    "people": [(Role, "person_id"), (Participation, "person_id"), (Officer, "person_id")],
    "trainings": [(Participation, "training_id")],
    "activities": [(ActivityCooperative, "activity_id")],
}


def _default_unit(session: Session, data: Mapping[str, Any]) -> str | None:
    """A child record belongs to its parent's unit; anything else to the installation's."""
    from coopdesk.db.models import Person, Plan, Training

    parents: tuple[tuple[str, type[Synced]], ...] = (
        ("cooperative_id", Cooperative),
        ("person_id", Person),
        ("training_id", Training),
        ("plan_id", Plan),
    )
    for key, parent in parents:
        if data.get(key):
            row = session.get(parent, data[key])
            if row is not None:
                return str(row.unit_code)
    from coopdesk.services.settings import get_installation

    installation = get_installation(session)
    return installation.unit_code if installation else None


def create(session: Session, model: type[T], data: Mapping[str, Any], actor: str = "") -> T:
    """Validate and add a record; raise ValidationFailed on errors. `obj.warnings` lists
    the warnings. A record with the same natural key that was deleted comes back."""
    actor = accounts.writer(session, actor)
    data = dict(data)
    synced = issubclass(model, Synced)
    if synced and not data.get("unit_code"):
        data["unit_code"] = _default_unit(session, data)
    problems = check(session, model, data)
    values, assign = prepare(model, data, None)
    nid = versions.natural_id(model.__tablename__, values) if synced else None
    record_id = nid or values.get("id") or new_id()
    hidden = sealed_columns(session, model.__tablename__, record_id, values, data)
    if hidden:  # sensitive details are stored sealed, bound to the record's id
        values, assign = {**values, **hidden}, {**assign, **hidden, "id": record_id}
    twin: Any = session.get(model, nid) if nid else None
    if twin is not None and twin.deleted_at is None:
        problems.append(Problem(_first_key(model), _("This record already exists.")))
    warnings = raise_on_errors(problems)
    if twin is not None:
        before = snapshot(twin)
        saved: Any = _revive(session, twin, values, actor)
    else:
        before = None
        saved = model(**assign)
        if synced:
            saved.id = nid or saved.id
            saved.created_by = saved.updated_by = actor
            versions.stamp(session, saved)
        session.add(saved)
    session.flush()
    audit(session, "create", saved, before, snapshot(saved), actor)
    session.flush()
    saved.warnings = warnings
    return saved


def _revive(session: Session, twin: Any, values: Mapping[str, Any], actor: str) -> Any:
    """A deleted record created again under its natural key: the same record, undeleted."""
    for column in twin.__table__.columns:
        if column.key in {"id", "version", "created_at", "created_by", "updated_by"}:
            continue
        value = values.get(column.key)
        if value is None and column.key != "deleted_at" and not column.nullable:
            continue
        setattr(twin, column.key, value)
    twin.updated_by = actor
    versions.stamp(session, twin)
    return twin


def _first_key(model: type[Base]) -> str:
    keys = versions.NATURAL_KEYS.get(model.__tablename__, ("id",))
    return next((k for k in keys if k != "unit_code"), keys[0])


def update(session: Session, obj: T, data: Mapping[str, Any], actor: str = "") -> T:
    """Validate and change a record; raise ValidationFailed on errors (nothing changes)."""
    actor = accounts.writer(session, actor)
    if getattr(obj, "deleted_at", None) is not None:
        raise RecordError(_("This record was deleted and cannot be changed."))
    model = type(obj)
    problems = check(session, model, data, obj)
    warnings = raise_on_errors(problems)
    values, assign = prepare(model, data, obj)
    clear = would_be_clear(session, model.__tablename__, values, data)
    assign.update(
        sealed_columns(session, model.__tablename__, str(getattr(obj, "id", "")), clear, data)
    )
    before = snapshot(obj)
    changed = {k: v for k, v in assign.items() if getattr(obj, k) != v}
    for key, value in changed.items():
        setattr(obj, key, value)
    if changed and isinstance(obj, Synced):
        obj.updated_by = actor
        versions.stamp(session, obj)
    session.flush()
    after = snapshot(obj)
    if _changed(before, after):
        audit(session, "update", obj, before, after, actor)
        session.flush()
    setattr(obj, "warnings", warnings)  # noqa: B010 (a plain attribute, not a column)
    return obj


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    ignore = {"updated_at", "updated_by", "version"}
    return any(before.get(k) != after.get(k) for k in after if k not in ignore)


def delete(session: Session, obj: Base, actor: str = "") -> None:
    """Soft-delete a record (and the records that only exist through it); audited."""
    actor = accounts.writer(session, actor)
    if not isinstance(obj, Synced):
        before = snapshot(obj)
        session.delete(obj)
        audit(session, "delete", obj, before, None, actor)
        session.flush()
        return
    if obj.deleted_at is not None:
        return
    before = snapshot(obj)
    obj.deleted_at = utcnow()
    obj.updated_by = actor
    versions.stamp(session, obj)
    session.flush()
    audit(session, "delete", obj, before, snapshot(obj), actor)
    for child_model, column in CHILDREN.get(obj.__tablename__, []):
        rows = session.scalars(
            select(child_model).where(
                getattr(child_model, column) == obj.id, child_model.deleted_at.is_(None)
            )
        )
        for child in list(rows):
            delete(session, child, actor)  # type: ignore[arg-type]
    session.flush()


def get_live(session: Session, model: type[T], record_id: str) -> T:
    """A record that exists and is not deleted, or RecordError naming what is missing."""
    obj = session.get(model, record_id)
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise RecordError(
            _("{entity} {id} was not found (it may have been deleted).").format(
                entity=kind_label(model.__tablename__), id=record_id
            )
        )
    return obj
