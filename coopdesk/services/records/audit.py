"""The audit log: every change written with its values before and after, read back as History.

The values are JSON (dates ISO, Decimals as strings). `history(session, entity, id)` gives a
record's changes newest first, with where a change not typed here came from (a bundle).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Base, Unit
from coopdesk.i18n import _
from coopdesk.security.vault import SealBroken
from coopdesk.services import accounts
from coopdesk.services.records.sealed import SEALED_FIELDS, SensitiveLocked, in_clear
from coopdesk.services.records.values import DERIVED, MANAGED

HISTORY_HIDDEN = MANAGED | DERIVED | {"id", "sealed"}


# --- writing ---------------------------------------------------------------------------------


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
        actor=accounts.writer(session, actor),  # refused for a viewer or nobody (accounts)
        action=action,
        entity=obj.__tablename__,
        entity_id=str(getattr(obj, "id", "") or getattr(obj, "code", "")),
        unit_code=getattr(obj, "unit_code", None),
        before=_dumps(before),
        after=_dumps(after),
    )
    session.add(event)
    return event


# --- reading: History ------------------------------------------------------------------------


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
    if isinstance(data, dict) and "excel" in data:
        if data.get("undo"):
            return _("import of the Excel file {file} undone").format(file=data.get("file", ""))
        return _("imported from the Excel file {file}").format(file=data.get("file", ""))
    if not isinstance(data, dict) or "bundle" not in data:
        return ""
    unit = session.get(Unit, str(data.get("sender", "")))
    words = {"seq": data["bundle"], "unit": unit.name if unit else data.get("sender", "")}
    if action == "undo-import":
        return _("import of bundle {seq} of {unit} undone").format(**words)
    return _("imported from bundle {seq} of {unit}").format(**words)


def _readable(session: Session, table: str, record_id: str, data: Any) -> Any:
    """Audited values with sensitive ones opened when they are sealed and may be seen now;
    left out (no change shown) when not."""
    if table not in SEALED_FIELDS or not isinstance(data, dict) or not data.get("sealed"):
        return data
    try:
        return in_clear(session, table, {**data, "id": record_id})
    except (SensitiveLocked, SealBroken):
        return data


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
        before = _readable(session, event.entity, event.entity_id, before)
        after = _readable(session, event.entity, event.entity_id, after)
        keys = sorted(set(before) | set(after))
        changes = [
            Change(k, before.get(k), after.get(k))
            for k in keys
            if before.get(k) != after.get(k) and k not in HISTORY_HIDDEN
        ]
        source = source_text(session, event.action, event.source)
        out.append(HistoryEntry(event.at, event.actor, event.action, changes, source))
    return out
