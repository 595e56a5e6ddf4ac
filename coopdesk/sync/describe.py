"""Names for records in previews and conflict lists: "Hợp tác xã Hoa Ban", never an id."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Base
from coopdesk.domain.indicators import BY_CODE
from coopdesk.domain.labels import BUDGET_SOURCE, ROLE, SUPPORT_KIND
from coopdesk.domain.periods import Period
from coopdesk.domain.priority_women import GROUPS
from coopdesk.i18n import N_, _

KIND_LABELS = {
    "cooperatives": N_("Cooperative"),
    "cooperative_years": N_("Cooperative year figures"),
    "people": N_("Person"),
    "person_sensitive": N_("Sensitive details"),
    "consents": N_("Consent"),
    "roles": N_("Role"),
    "officers": N_("Hội officer"),
    "trainings": N_("Training"),
    "participations": N_("Training participant"),
    "activities": N_("Activity"),
    "activity_cooperatives": N_("Cooperative in an activity"),
    "support": N_("Support"),
    "budgets": N_("Budget"),
    "plans": N_("Plan"),
    "targets": N_("Target"),
    "assignments": N_("Assigned task"),
    "reports": N_("Report"),
    "sectors": N_("Sector"),
    "ethnicities": N_("Ethnic group"),
    "unit_changes": N_("Change of administrative units"),
    "duplicate_dismissals": N_("Not the same record (possible duplicates)"),
    "duplicate_merges": N_("Merge of two records"),
    "priority_counts": N_("Count of priority women"),
}

Lookup = Callable[[str, str], Mapping[str, Any] | None]


def kind_label(table_name: str) -> str:
    return _(KIND_LABELS.get(table_name, table_name))


def db_lookup(session: Session, extra: Mapping[tuple[str, str], Mapping[str, Any]]) -> Lookup:
    """Find a record's fields in `extra` (e.g. the bundle being imported), else the database."""
    cache: dict[tuple[str, str], Mapping[str, Any] | None] = {}

    def lookup(table_name: str, record_id: str) -> Mapping[str, Any] | None:
        key = (table_name, record_id)
        if key in extra:
            return extra[key]
        if key not in cache:
            table = Base.metadata.tables.get(table_name)
            row = None
            if table is not None:  # by id; a catalogue (units) by its code
                key_column = next(iter(table.primary_key.columns))
                row = (
                    session.execute(select(table).where(key_column == record_id)).mappings().first()
                )
            cache[key] = dict(row) if row is not None else None
        return cache[key]

    return lookup


def _short(text: Any, size: int = 80) -> str:
    value = str(text or "").strip().replace("\n", " ")
    return value if len(value) <= size else value[: size - 1] + "…"


def describe(table_name: str, data: Mapping[str, Any], lookup: Lookup) -> str:
    """A short name for a record, using the names of the records it refers to."""
    own = _own_name(table_name, data)
    if own is not None:
        return own
    linked = _linked_name(table_name, data, lambda table, rid: _name_of(table, rid, lookup))
    if linked is not None:
        return linked
    return str(data.get("id") or "")


def _name_of(table: str, record_id: Any, lookup: Lookup) -> str:
    """The name of a record referred to, or that it has not arrived."""
    if not record_id:
        return "?"
    found = lookup(table, str(record_id))
    if not found:
        return _("(not received yet)")
    return describe(table, found, lookup)


def _own_name(table_name: str, d: Mapping[str, Any]) -> str | None:
    """A record named by its own fields (a name, a title…); None for the other kinds."""
    match table_name:
        case "cooperatives":
            return _short(d.get("name"))
        case "people":
            if d.get("redacted"):
                return _("(erased person)")
            return _short(d.get("full_name"))
        case "trainings" | "activities" | "plans":
            return _short(d.get("title"))
        case "budgets":
            source = BUDGET_SOURCE.get(str(d.get("source")))
            return _("Budget {year} – {source}").format(
                year=d.get("year"), source=_(source) if source else d.get("source")
            )
        case "units":
            return _short(d.get("name") or d.get("code"))
        case "assignments":
            return _short(d.get("task"), 60)
        case "unit_changes":
            return _short(d.get("target_name"))
        case "reports":
            return _short(d.get("title") or f"{d.get('doc_type')} {d.get('year')}")
    return None


def _period_label(key: Any) -> str:
    try:
        return Period.parse(str(key)).label()
    except ValueError:
        return str(key)


def _linked_name(
    table_name: str, d: Mapping[str, Any], name_of: Callable[[str, Any], str]
) -> str | None:
    """A record named by the records it links (a person's role in a cooperative…); None for
    the other kinds."""
    match table_name:
        case "targets":  # "HTX do phụ nữ tham gia quản lý – Năm 2026 – Phường Tân Phong"
            indicator = BY_CODE.get(str(d.get("indicator_code")))
            name = indicator.name() if indicator else d.get("indicator_code")
            return f"{name} – {_period_label(d.get('period'))} – " + name_of(
                "units", d.get("target_unit_code")
            )
        case "cooperative_years":
            return _("{coop}, year {year}").format(
                coop=name_of("cooperatives", d.get("cooperative_id")), year=d.get("year")
            )
        case "roles":
            role = ROLE.get(str(d.get("role")))
            return (
                f"{name_of('people', d.get('person_id'))} – "
                f"{_(role) if role else d.get('role')} – "
                f"{name_of('cooperatives', d.get('cooperative_id'))}"
            )
        case "officers" | "person_sensitive" | "consents":
            return name_of("people", d.get("person_id"))
        case "participations":
            return (
                f"{name_of('people', d.get('person_id'))} – "
                f"{name_of('trainings', d.get('training_id'))}"
            )
        case "activity_cooperatives":
            return (
                f"{name_of('activities', d.get('activity_id'))} – "
                f"{name_of('cooperatives', d.get('cooperative_id'))}"
            )
        case "support":
            who = (
                name_of("cooperatives", d.get("cooperative_id"))
                if d.get("cooperative_id")
                else name_of("people", d.get("person_id"))
            )
            kind = SUPPORT_KIND.get(str(d.get("kind")))
            return f"{_(kind) if kind else d.get('kind')} {d.get('given_on')} – {who}"
        case "priority_counts":
            group = GROUPS.get(str(d.get("group")))
            where = (
                name_of("cooperatives", d.get("cooperative_id"))
                if d.get("cooperative_id")
                else name_of("units", d.get("unit_code"))
            )
            return f"{_(group) if group else d.get('group')} – {where}: {d.get('women')}"
    return None
