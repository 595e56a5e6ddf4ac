"""The values a record is saved with: texts tidied, derived columns filled.

Texts are stored NFC with white space tidied; `name_folded`, `title_folded`, `sort_key` and a
person's `full_name` are filled here, never by the caller; a column the service manages
cannot be set.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Text

from coopdesk.db.models import Base
from coopdesk.domain import names
from coopdesk.i18n import _, collation_key, fold, normalize, person_sort_key

# Columns the service manages; a caller may not set them.
MANAGED = frozenset(
    {"created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version"}
)
DERIVED = frozenset({"name_folded", "title_folded", "sort_key"})


class RecordError(ValueError):
    """A request the service cannot carry out (unknown field, missing record…)."""


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


def _defaults(model: type[Base]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        default = column.default
        if default is not None and getattr(default, "is_scalar", False):
            out[column.key] = default.arg
        else:
            out[column.key] = None
    return out


def would_be(model: type[Base], data: Mapping[str, Any], obj: Base | None) -> dict[str, Any]:
    """Every value the record would have if saved with `data`."""
    return prepare(model, data, obj)[0]


def prepare(
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
