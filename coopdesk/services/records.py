"""Create, update and delete any record: normalised, validated, audited.

    obj = records.create(session, Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX",
                                                "unit_code": "03408"}, actor="Lò Thị Mai")
    records.update(session, obj, {"phone": "0912 345 678"}, actor="Lò Thị Mai")
    records.delete(session, obj, actor="Lò Thị Mai")   # soft delete (deleted_at)

- Texts are stored NFC with white space tidied; `name_folded`, `title_folded`, `sort_key` and a
  person's `full_name` are filled here, never by the caller.
- `coopdesk.domain.validation` checks the record as it would be saved: errors raise
  `ValidationFailed` (nothing is changed), warnings come back on `obj.warnings`.
- Every change of a synced record is stamped with this transaction's version
  (`coopdesk.sync.versions.stamp`); a record with a natural key (a cooperative's year, a
  participation…) gets its natural id before it is inserted, and one created again after a
  delete is the same record, undeleted.
- Every change writes an AuditEvent with the values before and after (JSON: dates ISO,
  Decimals as strings); `history(session, entity, id)` reads them back for the History view.
- The caller owns the transaction (`session_scope`); these functions only flush.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Text, select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    ActivityCooperative,
    AuditEvent,
    Base,
    Consent,
    Cooperative,
    CooperativeYear,
    Officer,
    Participation,
    Role,
    Synced,
    Unit,
    utcnow,
)
from coopdesk.domain import names
from coopdesk.domain.validation import Context, Problem, ValidationFailed, validate
from coopdesk.i18n import _, collation_key, fold, normalize, person_sort_key
from coopdesk.sync import versions

T = TypeVar("T", bound=Base)

# Columns the service manages; a caller may not set them.
MANAGED = frozenset(
    {"created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version"}
)
DERIVED = frozenset({"name_folded", "title_folded", "sort_key"})
HISTORY_HIDDEN = MANAGED | DERIVED | {"id"}

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


class RecordError(ValueError):
    """A request the service cannot carry out (unknown field, missing record…)."""


# --- JSON for the audit log ------------------------------------------------------------------


def to_json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def snapshot(obj: Base) -> dict[str, Any]:
    """The record's column values as JSON-ready data."""
    table = obj.__table__
    return {c.key: to_json_value(getattr(obj, c.key, None)) for c in table.columns}


def _dumps(data: Mapping[str, Any] | None) -> str | None:
    if data is None:
        return None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def audit(
    session: Session,
    action: str,
    obj: Base,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    actor: str,
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        action=action,
        entity=obj.__tablename__,
        entity_id=str(getattr(obj, "id", "") or getattr(obj, "code", "")),
        unit_code=getattr(obj, "unit_code", None),
        before=_dumps(before),
        after=_dumps(after),
    )
    session.add(event)
    return event


# --- normalising and derived fields ----------------------------------------------------------


def _clean_text(column: Any, value: str) -> str:
    if isinstance(column.type, Text):  # free text keeps its line breaks
        lines = unicodedata.normalize("NFC", value).strip().splitlines()
        return "\n".join(line.rstrip() for line in lines)
    return normalize(value)


def _clean(model: type[Base], data: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    columns = {c.key: c for c in model.__table__.columns}
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in columns:
            raise RecordError(
                _("{entity} has no field “{field}”.").format(entity=model.__name__, field=key)
            )
        if key in MANAGED or key in DERIVED or (key == "id" and not creating):
            raise RecordError(
                _("The field “{field}” is filled by CoopDesk and cannot be set.").format(field=key)
            )
        out[key] = _clean_text(columns[key], value) if isinstance(value, str) else value
    return out


def _derive(model: type[Base], values: dict[str, Any], changed: set[str]) -> dict[str, Any]:
    """Fill folded/sort columns (and a person's name parts) from the values to be saved."""
    derived: dict[str, Any] = {}
    table = model.__tablename__
    if table == "people":
        derived.update(_person_names(values, changed))
    elif table == "cooperatives" and "name" in changed:
        derived["name_folded"] = fold(values.get("name"))
        derived["sort_key"] = collation_key(values.get("name"))
    elif table in ("trainings", "activities") and "title" in changed:
        derived["title_folded"] = fold(values.get("title"))
    return derived


def _person_names(values: dict[str, Any], changed: set[str]) -> dict[str, Any]:
    parts = {"family_name", "middle_name", "given_name"}
    if "full_name" in changed and not (changed & parts):
        split = names.split_name(values.get("full_name") or "")
        family, middle, given = split.family, split.middle, split.given
    elif (
        "full_name" in changed
        and "given_name" in changed
        and not (changed & {"family_name", "middle_name"})
    ):
        split = names.split_name(values.get("full_name") or "", values.get("given_name"))
        family, middle, given = split.family, split.middle, split.given
    elif changed & parts or "full_name" in changed:
        family = values.get("family_name") or ""
        middle = values.get("middle_name") or ""
        given = values.get("given_name") or ""
    else:
        return {}
    full = names.full_name(family, middle, given)
    return {
        "family_name": family,
        "middle_name": middle,
        "given_name": given,
        "full_name": full,
        "name_folded": fold(full),
        "sort_key": person_sort_key(family, middle, given),
    }


# --- validation context ----------------------------------------------------------------------


def active_consents(session: Session, person_id: str, on: dt.date | None = None) -> set[str]:
    """Consent categories in force for a person (not withdrawn, not deleted)."""
    day = on or dt.date.today()
    rows = session.scalars(
        select(Consent).where(Consent.person_id == person_id, Consent.deleted_at.is_(None))
    )
    return {
        c.category
        for c in rows
        if c.given_on <= day and (c.withdrawn_on is None or c.withdrawn_on > day)
    }


def _context(session: Session, values: Mapping[str, Any]) -> Context:
    kind = founded = dissolved = None
    coop_id = values.get("cooperative_id")
    if coop_id:
        coop = session.get(Cooperative, coop_id)
        if coop is not None:
            kind, founded, dissolved = coop.kind, coop.founded_on, coop.dissolved_on
    consents: frozenset[str] = frozenset()
    if values.get("person_id"):
        consents = frozenset(active_consents(session, str(values["person_id"])))
    return Context(
        cooperative_kind=kind,
        cooperative_founded=founded,
        cooperative_dissolved=dissolved,
        consents=consents,
    )


def _reference_label(column: str) -> str:
    labels = {
        "cooperative_id": _("The cooperative"),
        "person_id": _("The person"),
        "training_id": _("The training"),
        "activity_id": _("The activity"),
        "plan_id": _("The plan"),
        "unit_code": _("The unit"),
        "target_unit_code": _("The unit"),
        "sector_code": _("The sector"),
        "ethnicity_code": _("The ethnic group"),
        "reissue_of": _("The report"),
    }
    return labels.get(column, column)


def _reference_problems(
    session: Session, model: type[Base], values: Mapping[str, Any]
) -> list[Problem]:
    """A reference to a record that does not exist (or was deleted) is named, not a crash."""
    out: list[Problem] = []
    for column in model.__table__.columns:
        value = values.get(column.key)
        if value is None or value == "":
            continue
        for fk in column.foreign_keys:
            target = fk.column.table
            if target.name == model.__tablename__:
                continue
            row = (
                session.execute(select(target).where(fk.column == value).limit(1))
                .mappings()
                .first()
            )
            if row is None or row.get("deleted_at") is not None:
                out.append(
                    Problem(
                        column.key,
                        _("{what} “{value}” was not found (it may have been deleted).").format(
                            what=_reference_label(column.key), value=value
                        ),
                    )
                )
    return out


def check(
    session: Session, model: type[Base], data: Mapping[str, Any], obj: Base | None = None
) -> list[Problem]:
    """All problems the record would have if saved with `data` (nothing is changed)."""
    values = _would_be(model, data, obj)
    entity = model.__name__
    problems = list(validate(entity, values, _context(session, values)))
    if issubclass(model, Synced) and not values.get("unit_code"):
        problems.append(Problem("unit_code", _("Choose the unit this record belongs to.")))
    return problems + _reference_problems(session, model, values)


def _defaults(model: type[Base]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            out[column.key] = default.arg
        else:
            out[column.key] = None
    return out


def _would_be(model: type[Base], data: Mapping[str, Any], obj: Base | None) -> dict[str, Any]:
    return _prepare(model, data, obj)[0]


def _prepare(
    model: type[Base], data: Mapping[str, Any], obj: Base | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(every value the record would have, the values to assign)."""
    clean = _clean(model, data, creating=obj is None)
    base = _defaults(model) if obj is None else dict(_current(obj))
    values = {**base, **clean}
    try:
        derived = _derive(model, values, set(clean))
    except ValueError:
        derived = {}  # an empty name: the validator names the missing field
    values.update(derived)
    return values, {**clean, **derived}


def _current(obj: Base) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def _raise_on_errors(problems: list[Problem]) -> list[Problem]:
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return [p for p in problems if not p.is_error]


# --- create, update, delete ------------------------------------------------------------------


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
    data = dict(data)
    synced = issubclass(model, Synced)
    if synced and not data.get("unit_code"):
        data["unit_code"] = _default_unit(session, data)
    problems = check(session, model, data)
    values, assign = _prepare(model, data, None)
    nid = versions.natural_id(model.__tablename__, values) if synced else None
    twin: Any = session.get(model, nid) if nid else None
    if twin is not None and twin.deleted_at is None:
        problems.append(Problem(_first_key(model), _("This record already exists.")))
    warnings = _raise_on_errors(problems)
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
    if getattr(obj, "deleted_at", None) is not None:
        raise RecordError(_("This record was deleted and cannot be changed."))
    model = type(obj)
    problems = check(session, model, data, obj)
    warnings = _raise_on_errors(problems)
    _values, assign = _prepare(model, data, obj)
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
                entity=model.__name__, id=record_id
            )
        )
    return obj


# --- history ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    at: dt.datetime
    actor: str
    action: str  # create | update | delete | erase | resolve | import | undo-import …
    changes: list[Change]
    source: str = ""  # where a change not typed here came from, e.g. "imported from bundle 3 of …"


def _entity_name(entity: type[Base] | str) -> str:
    if isinstance(entity, str):
        for mapper in Base.registry.mappers:
            if mapper.class_.__name__ == entity:
                return str(mapper.class_.__tablename__)
        return entity
    return str(entity.__tablename__)


def source_text(session: Session, action: str, source: str | None) -> str:
    """An audit event's source in words: "imported from bundle 3 of Phường Tân Phong"."""
    if not source:
        return ""
    data = json.loads(source)
    if not isinstance(data, dict) or "bundle" not in data:
        return ""
    unit = session.get(Unit, str(data.get("sender", "")))
    words = {"seq": data["bundle"], "unit": unit.name if unit else data.get("sender", "")}
    if action == "undo-import":
        return _("import of bundle {seq} of {unit} undone").format(**words)
    return _("imported from bundle {seq} of {unit}").format(**words)


def history(session: Session, entity: type[Base] | str, record_id: str) -> list[HistoryEntry]:
    """What happened to a record, newest first, with the fields each change touched."""
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity == _entity_name(entity), AuditEvent.entity_id == record_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    out = []
    for event in events:
        before = json.loads(event.before) if event.before else {}
        after = json.loads(event.after) if event.after else {}
        if isinstance(before, list):  # a resolution keeps the versions it settled, shown first
            before = before[0][1] if before else {}
        keys = sorted(set(before) | set(after))
        changes = [
            Change(k, before.get(k), after.get(k))
            for k in keys
            if before.get(k) != after.get(k) and k not in HISTORY_HIDDEN
        ]
        source = source_text(session, event.action, event.source)
        out.append(HistoryEntry(event.at, event.actor, event.action, changes, source))
    return out
