"""The one place that reads and writes sensitive details and consents (issue 13 item 2).

Once the installation has accounts, a person's sensitive details and the category and purpose
of her consents are stored sealed under the data key (`services.records.sealed`): a copy of the
database file or of a backup shows none of them. Writing them (through the one write path,
`services.records`, which seals what it is given in clear) needs the vault open and an account
that may see them, else `SensitiveLocked` (or `accounts.NotAllowed`) says why and nothing is
written; reading them here opens them. Without accounts (an installation from before them) they
stay in clear, as they always were.

`seal_existing(session)` seals what was stored in clear, with its history in the audit log,
when the first administrator is made (`services.accounts`, in the same transaction); after the
commit the file is rebuilt so that no clear copy is left in its free space or its WAL.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, select, update
from sqlalchemy import event as sa_event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from coopdesk.db.engine import overwrite_freed_space, rebuild
from coopdesk.db.models import AuditEvent, Consent, Person, PersonSensitive
from coopdesk.services import records
from coopdesk.services.records.sealed import (
    SEALED_FIELDS,
    SensitiveLocked,
    clear_values,
    require_open,
    seal_columns,
)

__all__ = [
    "SensitiveLocked",
    "add_consent",
    "consent_values",
    "details",
    "save_details",
    "seal_existing",
]


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


# --- reading ---------------------------------------------------------------------------------


def details(session: Session, row: PersonSensitive) -> dict[str, Any]:
    """A person's sensitive details (field → value), opened if sealed (SensitiveLocked)."""
    return clear_values(session, "person_sensitive", _columns(row))


def consent_values(session: Session, consent: Consent) -> dict[str, Any]:
    """A consent's category and purpose, opened if sealed (SensitiveLocked)."""
    return clear_values(session, "consents", _columns(consent))


# --- writing ---------------------------------------------------------------------------------


def save_details(
    session: Session,
    person: Person,
    row: PersonSensitive | None,
    changes: Mapping[str, Any],
    actor: str,
) -> PersonSensitive:
    """Save changed sensitive details of a person (`row`: her current ones); the one write path
    validates them in clear and stores them sealed when the installation has accounts
    (ValidationFailed, SensitiveLocked: nothing is written)."""
    if row is None:
        data = {"person_id": person.id, "unit_code": person.unit_code, **changes}
        return records.create(session, PersonSensitive, data, actor)
    return records.update(session, row, dict(changes), actor)


def add_consent(
    session: Session,
    person: Person,
    values: Mapping[str, Any],
    actor: str,
) -> Consent:
    """Record a consent (`values`: category, purpose, recorded_by, given_on); its category
    and purpose are stored sealed when the installation has accounts."""
    data = {"person_id": person.id, "unit_code": person.unit_code, **values}
    return records.create(session, Consent, data, actor)


# --- sealing what was stored in clear ----------------------------------------------------------

_SCRUB_KEY = "coopdesk.sensitive.scrub"
log = logging.getLogger(__name__)


def seal_existing(session: Session) -> int:
    """Seal every sensitive record stored in clear, and their values in the audit log, under
    the data key (the vault must be open); the number of records sealed. Run in the caller's
    transaction (with the first administrator); once it commits, the file is rebuilt (VACUUM)
    and its WAL emptied, so the clear values it held are not left in free pages."""
    require_open(session)
    connection = session.connection()
    overwrite_freed_space(connection)
    session.flush()
    count = sum(_seal_table(session, model) for model in (PersonSensitive, Consent))
    if not count:
        return 0
    _seal_audit(session)
    session.expire_all()
    if not session.info.get(_SCRUB_KEY):
        session.info[_SCRUB_KEY] = True
        engine = connection.engine

        def rebuild(committed: Session) -> None:
            committed.info.pop(_SCRUB_KEY, None)
            scrub(engine)

        sa_event.listen(session, "after_commit", rebuild, once=True)
    return count


def _seal_table(session: Session, model: type[PersonSensitive] | type[Consent]) -> int:
    table = model.__table__
    name = model.__tablename__
    rows = session.execute(select(table).where(table.c.sealed.is_(None))).mappings().all()
    for row in rows:
        sealed = seal_columns(name, row["id"], dict(row))
        changed = {k: sealed[k] for k in (*SEALED_FIELDS[name], "sealed")}
        changed["updated_at"] = row["updated_at"]  # stored differently, not changed
        statement = update(model).where(model.id == row["id"]).values(**changed)
        session.execute(statement.execution_options(synchronize_session=False))
    return len(rows)


def _seal_audit(session: Session) -> None:
    """The before/after values of the audited changes of sensitive records, sealed too."""
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.entity.in_(tuple(SEALED_FIELDS)))
    ).all()
    for event in events:
        for attr in ("before", "after"):
            text = getattr(event, attr)
            if text:
                sealed = _sealed_json(event.entity, event.entity_id, json.loads(text))
                setattr(event, attr, json.dumps(sealed, ensure_ascii=False, sort_keys=True))
    session.flush()


def _sealed_json(table: str, record_id: str, data: Any) -> Any:
    if isinstance(data, dict):
        return seal_columns(table, record_id, data)
    if isinstance(data, list):  # a resolution keeps [version, values] of what it settled
        return [[v, _sealed_json(table, record_id, d)] for v, d in data]
    return data


def scrub(engine: Engine) -> None:
    """Rebuild the database file and empty its WAL: the clear values that sealing replaced
    are then in no free page, free block or WAL frame of the file (or of a backup of it)."""
    try:
        rebuild(engine, ("person_sensitive", "consents", "audit_events"))
    except (sqlite3.Error, SQLAlchemyError):  # busy, or a full disk: the sealing itself stands
        log.warning("sealed details: the database file could not be rebuilt", exc_info=True)
