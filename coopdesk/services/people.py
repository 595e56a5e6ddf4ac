"""People: names, consents, sensitive data, erasure.

Typed helpers over `coopdesk.services.records`, used by `services.registry.people` (a person
with her parts, as the editor and `coopdesk save people` save her). Sensitive details
(ethnicity, disability, poverty, victim and hoàn lương categories…) are saved only under a
consent in force for their category; reading them is logged; withdrawing a consent clears the
details it covered; erasing a person redacts her everywhere but keeps the facts that are
counted (her roles and trainings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    AuditEvent,
    Consent,
    Person,
    PersonSensitive,
    Role,
)
from coopdesk.domain.accounts import Permission
from coopdesk.domain.choices import CONSENT_CATEGORIES, SENSITIVE_CATEGORIES
from coopdesk.domain.validation import Problem, ValidationFailed
from coopdesk.i18n import _
from coopdesk.services import accounts, records, sensitive_store
from coopdesk.services.records import active_consents

ERASED_NAME = "[đã xoá]"  # what an erased person's name reads in lists and documents


def display_name(person: Person) -> str:
    """The name to show: '[erased]' in the UI language for an erased person."""
    if person.redacted:
        return _("[erased]")
    return person.full_name


def create_person(
    session: Session,
    full_name: str,
    *,
    actor: str = "",
    unit_code: str | None = None,
    given_name: str | None = None,
    gender: str = "F",
    birth_year: int | None = None,
    phone: str = "",
    address: str = "",
    notes: str = "",
) -> Person:
    """A person from her full name ('Nguyễn Thị Mai Anh'); the given name is the last word
    unless `given_name` says otherwise ('Mai Anh')."""
    data: dict[str, Any] = {
        "full_name": full_name,
        "gender": gender,
        "birth_year": birth_year,
        "phone": phone,
        "address": address,
        "notes": notes,
    }
    if given_name:
        data["given_name"] = given_name
    if unit_code:
        data["unit_code"] = unit_code
    return records.create(session, Person, data, actor)


def roles_of(session: Session, person: Person) -> list[Role]:
    return list(
        session.scalars(
            select(Role)
            .where(Role.person_id == person.id, Role.deleted_at.is_(None))
            .order_by(Role.start_on)
        )
    )


# --- consent and sensitive data ------------------------------------------------------------------


def record_consent(
    session: Session,
    person: Person,
    category: str,
    purpose: str,
    *,
    recorded_by: str,
    given_on: dt.date | None = None,
    actor: str = "",
) -> Consent:
    """Record that the person agreed to `category` data being kept, for `purpose` (sealed
    when the installation has accounts: `services.sensitive_store`)."""
    values = {
        "category": category,
        "purpose": purpose,
        "recorded_by": recorded_by,
        "given_on": given_on or dt.date.today(),
    }
    return sensitive_store.add_consent(session, person, values, actor)


def withdraw_consent(
    session: Session, consent: Consent, withdrawn_on: dt.date | None = None, actor: str = ""
) -> Consent:
    """The person withdrew her consent: the details of that category are cleared."""
    day = withdrawn_on or dt.date.today()
    records.update(session, consent, {"withdrawn_on": day}, actor)
    sensitive = sensitive_row(session, consent.person_id)
    withdrawn = sensitive_store.consent_values(session, consent)["category"]
    if sensitive is not None and withdrawn not in active_consents(session, consent.person_id, day):
        current = sensitive_store.details(session, sensitive)
        cleared = {
            name: None
            for name, category in SENSITIVE_CATEGORIES.items()
            if category == withdrawn and current[name] is not None
        }
        if cleared:
            person = records.get_live(session, Person, consent.person_id)
            sensitive_store.save_details(session, person, sensitive, cleared, actor)
    return consent


def consents_of(session: Session, person: Person) -> list[Consent]:
    return list(
        session.scalars(
            select(Consent)
            .where(Consent.person_id == person.id, Consent.deleted_at.is_(None))
            .order_by(Consent.given_on)
        )
    )


def sensitive_row(session: Session, person_id: str) -> PersonSensitive | None:
    return session.scalars(
        select(PersonSensitive).where(
            PersonSensitive.person_id == person_id, PersonSensitive.deleted_at.is_(None)
        )
    ).first()


def set_sensitive(
    session: Session, person: Person, values: Mapping[str, Any], actor: str = ""
) -> PersonSensitive:
    """Save sensitive details; each needs a consent in force for its category. Sealed when the
    installation has accounts (SensitiveLocked when they cannot be: nothing is saved)."""
    unknown = sorted(set(values) - set(SENSITIVE_CATEGORIES))
    if unknown:
        raise ValidationFailed(
            [
                Problem(name, _("“{field}” is not a sensitive detail.").format(field=name))
                for name in unknown
            ]
        )
    row = sensitive_row(session, person.id)
    return sensitive_store.save_details(session, person, row, values, actor)


def get_sensitive(session: Session, person: Person, actor: str = "") -> PersonSensitive | None:
    """Read a person's sensitive details; the reading is logged (who saw what, when). Refused
    (NotAllowed) for an account that may not see them (a viewer)."""
    accounts.require(session, Permission.SEE_SENSITIVE)
    row = sensitive_row(session, person.id)
    if row is not None:
        session.add(
            AuditEvent(
                actor=accounts.audit_actor(actor),
                action="view",
                entity="person_sensitive",
                entity_id=row.id,
                unit_code=row.unit_code,
            )
        )
        session.flush()
    return row


# --- erasure -----------------------------------------------------------------------------------


def erase_person(session: Session, person: Person, actor: str = "") -> None:
    """Erase a person everywhere (a redaction that wins at every site when synced).

    Her name and contacts are blanked ("[đã xoá]"), her sensitive details and consents are
    deleted, the history of those records loses its values; her roles and trainings stay, so
    the counts in reports do not change.
    """
    from coopdesk.sync.conflicts import erase_person as erase_versions
    from coopdesk.sync.forget import forget_erased

    sensitive_ids = [
        rid
        for (rid,) in session.execute(
            select(PersonSensitive.id).where(PersonSensitive.person_id == person.id)
        )
    ]
    consent_ids = [
        rid for (rid,) in session.execute(select(Consent.id).where(Consent.person_id == person.id))
    ]
    session.flush()
    erase_versions(session, person.id, actor)
    session.execute(
        update(Person)
        .where(Person.id == person.id)
        .values(full_name=ERASED_NAME, given_name=ERASED_NAME, sort_key="", name_folded="")
    )
    forget_erased(
        session,
        {"people": [person.id], "person_sensitive": sensitive_ids, "consents": consent_ids},
    )
    session.expire_all()


__all__ = [
    "CONSENT_CATEGORIES",
    "ERASED_NAME",
    "consents_of",
    "create_person",
    "display_name",
    "erase_person",
    "get_sensitive",
    "record_consent",
    "roles_of",
    "sensitive_row",
    "set_sensitive",
    "withdraw_consent",
]
