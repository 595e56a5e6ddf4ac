"""Which record a spreadsheet row is: duplicates within the file and in the registry, and
what a row would change in a record.

The duplicate rule is `coopdesk.domain.duplicates` (keys of a record); records here are
found by their indexed folded name (or phone, tax code) and kept when their keys meet the
row's. A row whose possible duplicate here already holds
exactly its values is the same record imported before, so a second import changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Person
from coopdesk.domain.duplicates import cooperative_keys, person_keys
from coopdesk.i18n import _, fold, normalize

if TYPE_CHECKING:
    from coopdesk.services.excel_import.kinds import Kind
    from coopdesk.services.excel_import.preview import Row


def _keys(kind: str, values: dict[str, Any]) -> frozenset[str]:
    if kind == "people":
        return person_keys(values.get("full_name"), values.get("birth_year"), values.get("phone"))
    if kind == "cooperatives":
        return cooperative_keys(
            values.get("name"), values.get("registration_no"), values.get("unit_code")
        )
    return frozenset()


class FileKeys:
    """The duplicate keys of the rows read so far, to find a row that repeats an earlier one."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.rows: dict[str, int] = {}

    def earlier_row(self, row: Row) -> int | None:
        keys = _keys(self.kind, row.values)
        earlier = next((self.rows[k] for k in sorted(keys) if k in self.rows), None)
        for key in keys:
            self.rows.setdefault(key, row.number)
        return earlier


def _same(current: Any, value: Any) -> bool:
    if isinstance(current, str) or isinstance(value, str):
        return normalize(current or "") == normalize(value or "")
    return current == value


def changed_fields(record: Any, values: dict[str, Any]) -> list[str]:
    """The fields whose value in the row differs from the record's."""
    return [k for k, v in values.items() if not _same(getattr(record, k, None), v)]


def _candidates(session: Session, kind: str, values: dict[str, Any]) -> list[Any]:
    """Records here that may share a key with the row (by indexed columns)."""
    model: Any = Person if kind == "people" else Cooperative
    name = fold(values.get("full_name") if kind == "people" else values.get("name"))
    other = Person.phone if kind == "people" else Cooperative.registration_no
    other_value = values.get("phone") if kind == "people" else values.get("registration_no")
    conditions = [model.name_folded == name]
    if other_value:
        conditions.append(other == other_value)
    found = session.scalars(select(model).where(model.deleted_at.is_(None), or_(*conditions)))
    return list(found)


def _reason(kind: str, keys: frozenset[str]) -> str:
    from coopdesk.domain.duplicates import REASONS

    prefix = sorted(keys)[0].split(":", 1)[0]
    return _(REASONS.get((kind, prefix), "")) if (kind, prefix) in REASONS else ""


def against_registry(session: Session, spec: Kind, row: Row) -> None:
    """A new row that may be a record already here: "unchanged" when that record holds the
    row's values (imported before), else a "duplicate" for the officer to decide."""
    if not spec.finds_duplicates:
        return
    keys = _keys(spec.name, row.values)
    found = []
    for record in _candidates(session, spec.name, row.values):
        shared = keys & _keys(
            spec.name, {c.key: getattr(record, c.key) for c in record.__table__.columns}
        )
        if not shared:
            continue
        if not changed_fields(record, row.values):
            row.status, row.record_id = "unchanged", record.id
            return
        found.append((record, shared))
    if found:
        row.status = "duplicate"
        row.duplicates += [
            _("may be the same as {record} ({reason})").format(
                record=spec.label({c.key: getattr(r, c.key) for c in r.__table__.columns}),
                reason=_reason(spec.name, shared),
            )
            for r, shared in found
        ]
