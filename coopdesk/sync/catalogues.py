"""Catalogue updates sent down by the province: sectors and ethnic groups, keyed by code.

Catalogues have no versions: the unit above is their owner, so its entries are applied as
they come (new codes added, changed names updated; nothing is ever removed by a bundle).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import Base
from coopdesk.i18n import _
from coopdesk.sync import scope
from coopdesk.sync.records import FieldProblem

CATALOGUES = ("sectors", "ethnicities")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def sends_catalogues(tree: scope.UnitTree, writer: str, holder: str) -> bool:
    return writer != holder and tree.within(holder, writer)


def export(session: Session) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name in CATALOGUES:
        table = _table(name)
        rows = session.execute(select(table).order_by(table.c.code)).mappings()
        out[name] = [dict(r) for r in rows]
    return out


def check(raw: Any) -> dict[str, list[dict[str, str]]]:
    """The catalogue section of a bundle, checked; raises FieldProblem."""
    if not isinstance(raw, dict) or set(raw) - set(CATALOGUES):
        raise FieldProblem("catalogues", _("unknown catalogue"))
    out: dict[str, list[dict[str, str]]] = {}
    for name, entries in raw.items():
        table = _table(name)
        columns = {c.name: c for c in table.columns}
        if not isinstance(entries, list):
            raise FieldProblem(name, _("not a list"))
        for entry in entries:
            if not isinstance(entry, dict) or set(entry) != set(columns):
                raise FieldProblem(name, _("not a catalogue entry"))
            for key, value in entry.items():
                length = getattr(columns[key].type, "length", None)
                if (
                    not isinstance(value, str)
                    or not value.strip()
                    or (length and len(value) > length)
                ):
                    raise FieldProblem(f"{name}.{key}", _("expected text"))
        out[name] = entries
    return out


def plan(session: Session, entries: dict[str, list[dict[str, str]]]) -> list[dict[str, Any]]:
    """Entries that are new or changed, each with the local row before (None if new)."""
    changes: list[dict[str, Any]] = []
    for name, rows in sorted(entries.items()):
        table = _table(name)
        for entry in rows:
            local = session.execute(select(table).where(table.c.code == entry["code"])).mappings()
            before = next(iter(local), None)
            if before is None or dict(before) != entry:
                changes.append(
                    {"t": name, "entry": entry, "before": dict(before) if before else None}
                )
    return changes


def apply(session: Session, changes: list[dict[str, Any]]) -> None:
    for change in changes:
        table = _table(change["t"])
        entry = change["entry"]
        if change["before"] is None:
            session.execute(insert(table).values(**entry))
        else:
            session.execute(update(table).where(table.c.code == entry["code"]).values(**entry))


def undo(session: Session, changes: list[dict[str, Any]]) -> None:
    for change in changes:
        table = _table(change["t"])
        code = change["entry"]["code"]
        if change["before"] is None:
            session.execute(delete(table).where(table.c.code == code))
        else:
            session.execute(update(table).where(table.c.code == code).values(**change["before"]))


def label(change: dict[str, Any]) -> str:
    entry = change["entry"]
    return str(entry.get("name_vi") or entry.get("name") or entry["code"])
