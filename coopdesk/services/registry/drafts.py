"""What every area of the registry shares: drafts, their JSON form, and saving their parts.

A *draft* is a record as an editor or a JSON file holds it before saving: `id` (None for a new
record), `fields` (the record's own values) and, per area, its parts (a cooperative's board and
yearly figures, a training's participants…). A part set to None is left as it is; a list is
the whole part: rows with an "id" update that row, rows without one are added, stored rows
missing from the list are deleted.

Problems of a part name their place: "years[2025].female_workers", "board[0].start_on"
(`in_part`); `plain_field` gives the field an editor shows the problem beside.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from sqlalchemy import BigInteger, Boolean, Date, Integer, Numeric
from sqlalchemy.orm import Session

from coopdesk.db.models import Base
from coopdesk.domain.validation import Problem, ValidationFailed
from coopdesk.i18n import _
from coopdesk.services import records


@dataclass(frozen=True)
class PartSpec:
    """A part of a draft: rows of `model` with `keys` (`extra` models type the other keys).
    `many=False`: one dict (a person's sensitive details); `model=None`: a list of ids."""

    model: type[Base] | None
    keys: tuple[str, ...] = ()
    extra: tuple[type[Base], ...] = ()
    many: bool = True


@dataclass
class Draft:
    """A record with its parts, as an editor or a JSON file holds it."""

    MODEL: ClassVar[type[Any]]  # a Synced model
    FIELDS: ClassVar[tuple[str, ...]]  # the record's own editable fields
    PARTS: ClassVar[dict[str, PartSpec]] = {}

    id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Saved:
    """What a save gives back: the record's id and the warnings it was saved with."""

    id: str
    warnings: list[Problem] = field(default_factory=list)

    @classmethod
    def of(cls, record: Any) -> Saved:
        """A saved record's id and the warnings `services.records` left on it."""
        return cls(record.id, list(getattr(record, "warnings", [])))


@dataclass(frozen=True)
class Area:
    """One kind of record, as the editors and `coopdesk save|show|delete KIND` use it."""

    kind: str  # as in registry.KINDS
    entity: str  # the record's table: its History, and the pages to refresh after a save
    draft: type[Draft]
    new: Callable[[], Draft]  # the draft of a new record, with the editor's defaults
    load: Callable[[Session, str], Draft]
    check: Callable[[Session, Any], list[Problem]]
    save: Callable[[Session, Any, str], Saved]
    delete: Callable[[Session, str, str], None]


# --- problems --------------------------------------------------------------------------------


def in_part(part: str, key: Any, problems: Iterable[Problem]) -> list[Problem]:
    """Problems of one row of a part, named by their place: board[0].start_on."""
    return [Problem(f"{part}[{key}].{p.field}", p.message, p.severity) for p in problems]


def plain_field(name: str) -> str:
    """The field itself, without the part and row: years[2025].workers → workers."""
    return name.rsplit(".", 1)[-1]


def raise_on_errors(problems: list[Problem]) -> None:
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)


def check_record(
    session: Session, model: type[Any], data: Mapping[str, Any], obj: Any = None
) -> list[Problem]:
    """records.check, with a field the record does not have given as a named problem."""
    try:
        return records.check(session, model, data, obj)
    except records.RecordError as exc:
        return [Problem(next(iter(data), "id"), str(exc))]


# --- reading and writing the main record -----------------------------------------------------


def values_of(obj: Any, keys: Iterable[str]) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in keys}


def stored(session: Session, draft: Draft) -> Any:
    """The record the draft changes (None for a new one); RecordError if it is gone."""
    if draft.id is None:
        return None
    return records.get_live(session, draft.MODEL, draft.id)


def main_values(session: Session, draft: Draft) -> dict[str, Any]:
    """The draft's own fields; a new record belongs to the installation's unit by default."""
    data = dict(draft.fields)
    if draft.id is None and not data.get("unit_code"):
        from coopdesk.services.settings import get_installation

        installation = get_installation(session)
        if installation is not None:
            data["unit_code"] = installation.unit_code
    return data


def save_main(session: Session, draft: Draft, actor: str) -> Any:
    """Create or update the draft's record (validated and audited by services.records)."""
    data = main_values(session, draft)
    obj = stored(session, draft)
    if obj is None:
        return records.create(session, draft.MODEL, data, actor)
    return records.update(session, obj, data, actor)


def delete_record(session: Session, model: type[Any], record_id: str, actor: str) -> None:
    records.delete(session, records.get_live(session, model, record_id), actor)


def differs(obj: Any, data: Mapping[str, Any]) -> bool:
    return any(getattr(obj, k) != v for k, v in data.items())


def unknown_rows(
    part: str, rows: list[dict[str, Any]], known: Mapping[str, Any], key: Callable[[int], Any]
) -> list[Problem]:
    """Rows that name a stored row this record does not have."""
    return [
        Problem(
            f"{part}[{key(n)}].id",
            _("{what} “{value}” was not found (it may have been deleted).").format(
                what=_("The row"), value=row["id"]
            ),
        )
        for n, row in enumerate(rows)
        if row.get("id") and row["id"] not in known
    ]


def save_rows(
    session: Session,
    model: type[Any],
    existing: Mapping[str, Any],
    rows: list[tuple[str | None, dict[str, Any]]],
    actor: str,
) -> None:
    """Make the stored rows `existing` (id → record) what `rows` (id or None, values) say:
    delete the rows left out, then update the changed ones and add the new ones."""
    kept = {rid for rid, _data in rows if rid}
    for stored_id, obj in existing.items():
        if stored_id not in kept:
            records.delete(session, obj, actor)
    for rid, data in rows:
        if rid is None:
            records.create(session, model, data, actor)
        elif differs(existing[rid], data):
            records.update(session, existing[rid], data, actor)


# --- JSON ------------------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return value


def to_json(draft: Draft) -> dict[str, Any]:
    """The draft as JSON data: {"id", the fields…, each part}; what `from_json` reads."""
    out: dict[str, Any] = {"id": draft.id, **jsonable(draft.fields)}
    for name in draft.PARTS:
        value = getattr(draft, name)
        if value is not None:
            out[name] = jsonable(value)
    return out


def from_json(draft_type: type[Draft], data: Any) -> tuple[Draft, list[Problem]]:
    """A draft from JSON data, with the values typed as the record's columns; problems name
    the field (or the part and row) that could not be read."""
    if not isinstance(data, dict):
        return draft_type(), [Problem("id", _("The file must hold one record (a JSON object)."))]
    problems: list[Problem] = []
    record_id = data.get("id")
    if record_id is not None and not isinstance(record_id, str):
        problems.append(Problem("id", _("The id must be text.")))
        record_id = None
    values = {k: v for k, v in data.items() if k != "id" and k not in draft_type.PARTS}
    fields, found = _typed(values, draft_type.FIELDS, (draft_type.MODEL,))
    problems += found
    parts: dict[str, Any] = {}
    for name, spec in draft_type.PARTS.items():
        if data.get(name) is not None:
            parts[name], found = _part(name, spec, data[name])
            problems += found
    return draft_type(id=record_id, fields=fields, **parts), problems


def _part(name: str, spec: PartSpec, value: Any) -> tuple[Any, list[Problem]]:
    if spec.model is None:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return [], [Problem(name, _("Give a list of ids."))]
        return list(value), []
    models = (spec.model, *spec.extra)
    keys = ("id", *spec.keys)
    if not spec.many:
        if not isinstance(value, dict):
            return {}, [Problem(name, _("Give the values as a JSON object."))]
        typed, problems = _typed(value, keys, models)
        return typed, _prefixed(name, problems)
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return [], [Problem(name, _("Give a list of rows (JSON objects)."))]
    rows, problems = [], []
    for n, row in enumerate(value):
        typed, found = _typed(row, keys, models)
        rows.append(typed)
        problems += in_part(name, n, found)
    return rows, problems


def _prefixed(name: str, problems: list[Problem]) -> list[Problem]:
    return [Problem(f"{name}.{p.field}", p.message, p.severity) for p in problems]


def _typed(
    values: Mapping[str, Any], keys: tuple[str, ...], models: tuple[type[Base], ...]
) -> tuple[dict[str, Any], list[Problem]]:
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in values.items():
        if key not in keys:
            problems.append(Problem(key, _("There is no field “{field}” here.").format(field=key)))
            continue
        column = _column(models, key)
        try:
            out[key] = value if column is None else _typed_value(column.type, value)
        except ValueError as exc:
            problems.append(Problem(key, str(exc)))
    return out, problems


def _column(models: tuple[type[Base], ...], key: str) -> Any:
    for model in models:
        column = model.__table__.columns.get(key)
        if column is not None:
            return column
    return None


def _typed_value(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(kind, Boolean):
        if isinstance(value, bool):
            return value
        raise ValueError(_("Write true or false (not “{value}”).").format(value=value))
    if isinstance(kind, Integer | BigInteger):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ValueError(_("Write a whole number (not “{value}”).").format(value=value))
    if isinstance(kind, Numeric):
        try:
            if isinstance(value, bool):
                raise InvalidOperation
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(_("Write a number (not “{value}”).").format(value=value)) from None
    if isinstance(kind, Date):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValueError(
                _("Write the date as YYYY-MM-DD (not “{value}”).").format(value=value)
            ) from None
    if not isinstance(value, str):
        raise ValueError(_("Write this as text (not {value}).").format(value=value))
    return value
