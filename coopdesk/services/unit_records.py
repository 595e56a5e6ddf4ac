"""The root records of a commune (domain.unit_changes: what a split divides): cooperatives,
people and trainings, which their address divides, and activities and budgets, which the
province chooses for. Read by the split's plan and by the preview of a split held here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.domain import unit_changes as rules
from coopdesk.sync import describe, versions


def roots(session: Session, unit_code: str) -> list[tuple[str, str, str, str]]:
    """(table, id, label, address) of every live root record held in the commune."""
    found = []
    lookup = describe.db_lookup(session, {})
    for table in versions.synced_tables():
        if table.name not in (*rules.ADDRESSED, *rules.UNADDRESSED):
            continue
        address_col = rules.ADDRESSED.get(table.name)
        query = select(table).where(table.c.unit_code == unit_code, table.c.deleted_at.is_(None))
        for row in session.execute(query).mappings():
            address = str(row[address_col] or "") if address_col else ""
            label = describe.describe(table.name, dict(row), lookup)
            shown = f"{label} — {address}" if address else label
            found.append((table.name, str(row["id"]), shown, address))
    return found


def root_ids(session: Session, unit_code: str) -> list[str]:
    """The ids of the commune's live root records."""
    return [record_id for _table, record_id, _label, _address in roots(session, unit_code)]
