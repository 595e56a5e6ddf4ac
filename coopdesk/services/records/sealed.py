"""Sensitive values in their sealed form (issue 13 item 2): which fields, where, and opening.

A person's sensitive details (`person_sensitive`) and the category and purpose of her consents
(`consents`: a consent to keep "victim" details tells that she is one) are stored sealed once
the installation has accounts: the `sealed` column holds them as one JSON value sealed under the
data key (`coopdesk.security.vault`), bound to the table and the record's id, and their clear
columns are NULL. An installation without accounts keeps them in clear, as before.

This module turns stored columns into values and values into the columns to store; it writes
nothing. The one write path (`services.records`) seals what it is given in clear and validates
in clear; History (`records.audit`) opens what may be seen; `services.sensitive_store` reads
the records and seals what was stored before the installation had accounts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.domain.accounts import Permission
from coopdesk.domain.choices import SENSITIVE_CATEGORIES
from coopdesk.i18n import _
from coopdesk.security import vault
from coopdesk.services import accounts

SEALED_FIELDS: dict[str, tuple[str, ...]] = {
    "person_sensitive": tuple(SENSITIVE_CATEGORIES),
    "consents": ("category", "purpose"),
}


class SensitiveLocked(Exception):
    """Sealed details asked for while they cannot be opened: nobody logged in, or an account
    that may not see them (a viewer). The message says which, for the officer."""


def place(table: str, record_id: str) -> str:
    """What a sealed value is bound to: it opens only on this record of this table."""
    return f"coopdesk:{table}:{record_id}"


def sealing(session: Session) -> bool:
    """Whether new sensitive values are stored sealed: once the installation has accounts."""
    return accounts.has_accounts(session)


def refusal(session: Session) -> str | None:
    """Why sensitive details cannot be seen now (in words for the officer), or None: always
    None for an installation without accounts."""
    if not accounts.has_accounts(session):
        return None
    if not accounts.allowed(session, Permission.SEE_SENSITIVE):
        if accounts.current() is None:
            return _("Sensitive details are locked: log in to see or change them.")
        return _("Your account may not see sensitive details; an officer or an administrator can.")
    if not vault.is_unlocked():
        return _("Sensitive details are locked: log in to see or change them.")
    return None


def require_open(session: Session) -> None:
    """SensitiveLocked with the reason when sealed details cannot be opened now."""
    reason = refusal(session)
    if reason is not None:
        raise SensitiveLocked(reason)


def open_values(session: Session, table: str, record_id: str, text: str) -> dict[str, Any]:
    """The values a sealed text holds (SensitiveLocked, or vault.SealBroken if it was moved
    from another record or damaged)."""
    require_open(session)
    if not vault.is_unlocked():  # sealed details in a file whose accounts are gone
        raise SensitiveLocked(_("Sensitive details are locked: log in to see or change them."))
    try:
        data = vault.open_sealed(text, place(table, record_id))
    except vault.SealBroken as exc:
        raise vault.SealBroken(
            _(
                "These sensitive details do not open with this installation's key (damaged, "
                "or copied from another record or computer)."
            )
        ) from exc
    return {k: data.get(k) for k in SEALED_FIELDS[table]}


def clear_values(session: Session, table: str, columns: Mapping[str, Any]) -> dict[str, Any]:
    """The sensitive values of a stored record (its column values), opened if sealed."""
    if columns.get("sealed"):
        return open_values(session, table, str(columns["id"]), str(columns["sealed"]))
    return {k: columns.get(k) for k in SEALED_FIELDS[table]}


def in_clear(session: Session, table: str, columns: Mapping[str, Any]) -> dict[str, Any]:
    """The column values with the sealed ones opened (records of other tables as they are)."""
    if table not in SEALED_FIELDS or not columns.get("sealed"):
        return dict(columns)
    return {**columns, **clear_values(session, table, columns), "sealed": None}


def would_be_clear(
    session: Session, table: str, values: Mapping[str, Any], data: Mapping[str, Any]
) -> dict[str, Any]:
    """The values a record would have (`values`: its stored ones under the `data` given), in
    clear: the sealed ones opened, those `data` gives kept."""
    if table not in SEALED_FIELDS or not values.get("sealed"):
        return dict(values)
    opened = open_values(session, table, str(values["id"]), str(values["sealed"]))
    kept = {k: v for k, v in opened.items() if k not in data}
    return {**values, **kept, "sealed": None}


def sealed_columns(
    session: Session, table: str, record_id: str, clear: Mapping[str, Any], data: Mapping[str, Any]
) -> dict[str, Any]:
    """The columns the one write path stores instead of the clear sensitive ones (`clear`: the
    record's values in clear), when the installation has accounts and `data` sets any of them;
    {} otherwise (SensitiveLocked when they cannot be sealed now)."""
    fields = SEALED_FIELDS.get(table)
    if not fields or not any(k in data for k in fields) or not sealing(session):
        return {}
    return stored_form(session, table, record_id, clear)


def stored_form(
    session: Session, table: str, record_id: str, values: Mapping[str, Any]
) -> dict[str, Any]:
    """The columns to store for the record's sensitive `values` (every field of the table):
    sealed with the clear columns NULL when the installation has accounts, else in clear."""
    fields = SEALED_FIELDS[table]
    if not sealing(session):
        return {**{k: values.get(k) for k in fields}, "sealed": None}
    require_open(session)
    data = {k: values.get(k) for k in fields}
    return {**dict.fromkeys(fields), "sealed": vault.seal(data, place(table, record_id))}


def seal_columns(table: str, record_id: str, columns: Mapping[str, Any]) -> dict[str, Any]:
    """Stored column values (or an audited snapshot) with the clear sensitive ones sealed: for
    sealing what was stored before the installation had accounts (the vault is open)."""
    fields = SEALED_FIELDS[table]
    if columns.get("sealed") or not any(k in columns for k in fields):
        return dict(columns)
    data = {k: columns.get(k) for k in fields}
    sealed = vault.seal(data, place(table, record_id))
    return {**columns, **dict.fromkeys(fields), "sealed": sealed}
