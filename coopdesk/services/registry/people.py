"""A person with her consents, sensitive details and roles: `save_person(session, draft, actor)`.

Consents are evidence and are never deleted: a row without an id records a new consent, a
"withdrawn_on" set on a recorded one withdraws it (the details it covered are cleared).
Sensitive details (`sensitive`, None = left as they are) are saved only under a consent in
force, counting the consents the same draft records. Reading them is logged, so `load_person`
leaves them out; `reveal_sensitive` reads them for someone who asked to see them. With accounts
they and the consents are sealed (`services.sensitive_store`): `load_person` then leaves the
consents out (None) when they cannot be opened, and `sensitive_refusal` says why.

Rows of other areas that name a person (a board member, a participant, an officer) use
`person_problems` and `person_for`: an existing person by "person_id", or a new one by
"full_name" and "gender".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    Consent,
    Cooperative,
    Participation,
    Person,
    PersonSensitive,
    Role,
    Support,
    Training,
)
from coopdesk.domain.choices import SENSITIVE_CATEGORIES
from coopdesk.domain.validation import Context, Problem, validate
from coopdesk.i18n import _
from coopdesk.security.vault import SealBroken
from coopdesk.services import people, records, sensitive_store
from coopdesk.services.records.sealed import SensitiveLocked, refusal
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    PartSpec,
    Saved,
    check_record,
    delete_record,
    in_part,
    main_values,
    raise_on_errors,
    save_main,
    save_rows,
    stored,
    unknown_rows,
    values_of,
)

FIELDS = (
    "unit_code", "full_name", "given_name", "gender", "birth_year", "phone", "address", "notes",
)  # fmt: skip
CONSENT_KEYS = ("category", "purpose", "given_on", "withdrawn_on", "recorded_by")
ROLE_KEYS = ("cooperative_id", "role", "member_kind", "start_on", "end_on")


@dataclass
class PersonDraft(Draft):
    MODEL = Person
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {
        "consents": PartSpec(Consent, CONSENT_KEYS),
        "sensitive": PartSpec(PersonSensitive, tuple(SENSITIVE_CATEGORIES), many=False),
        "roles": PartSpec(Role, ROLE_KEYS),
    }

    consents: list[dict[str, Any]] | None = None
    sensitive: dict[str, Any] | None = None
    roles: list[dict[str, Any]] | None = None


# --- a person named in another record --------------------------------------------------------


def person_problems(session: Session, row: dict[str, Any]) -> list[Problem]:
    """Problems of the person a row names: an existing one, or a new one's name and gender."""
    if row.get("person_id"):
        person = session.get(Person, row["person_id"])
        if person is None or person.deleted_at is not None:
            message = _("{what} “{value}” was not found (it may have been deleted).")
            return [
                Problem("person_id", message.format(what=_("The person"), value=row["person_id"]))
            ]
        return []
    if not (row.get("full_name") or "").strip():
        return [
            Problem("full_name", _("Choose a person in the list or type the name of a new person."))
        ]
    data = {"full_name": row["full_name"], "given_name": "-", "gender": row.get("gender") or "F"}
    return validate("Person", data)


def person_for(
    session: Session,
    row: dict[str, Any],
    unit_code: str,
    actor: str,
    created: dict[tuple[str, str], str],
) -> str:
    """The id of the person a row names, adding a new person once per name and gender
    (with her birth year when the row has one: an Excel import's)."""
    if row.get("person_id"):
        return str(row["person_id"])
    key = (str(row["full_name"]).strip(), row.get("gender") or "F")
    if key not in created:
        person = people.create_person(
            session,
            key[0],
            actor=actor,
            unit_code=unit_code,
            gender=key[1],
            birth_year=row.get("birth_year"),
        )
        created[key] = person.id
    return created[key]


# --- loading ---------------------------------------------------------------------------------


def new_person() -> PersonDraft:
    return PersonDraft(fields={"gender": "F"}, consents=[])


def load_person(session: Session, person_id: str) -> PersonDraft:
    person = records.get_live(session, Person, person_id)
    consents = None
    if refusal(session) is None:
        consents = [
            {"id": c.id, **_consent(session, c)} for c in people.consents_of(session, person)
        ]
    return PersonDraft(
        id=person.id,
        fields=values_of(person, FIELDS),
        consents=consents,
        roles=[{"id": r.id, **values_of(r, ROLE_KEYS)} for r in people.roles_of(session, person)],
    )


def _consent(session: Session, consent: Consent) -> dict[str, Any]:
    return {**values_of(consent, CONSENT_KEYS), **sensitive_store.consent_values(session, consent)}


def sensitive_refusal(session: Session) -> str | None:
    """Why the consents and sensitive details cannot be seen or changed now (nobody logged
    in, a viewer), in words for the officer; None when they can."""
    return refusal(session)


def display_name(session: Session, person_id: str) -> str:
    person = session.get(Person, person_id)
    return people.display_name(person) if person is not None else ""


def consents_in_force(session: Session, person_id: str) -> set[str]:
    return records.active_consents(session, person_id)


@dataclass(frozen=True)
class PersonLinks:
    """What a person does, for her editor's tables."""

    roles: list[tuple[str, str, dt.date | None, dt.date | None]]  # cooperative, role, from, until
    trainings: list[tuple[str, dt.date, bool]]  # title, date, completed
    support: list[tuple[dt.date, str, str, int]]  # date, kind, fund, amount


def person_links(session: Session, person_id: str) -> PersonLinks:
    roles = session.execute(
        select(Cooperative.name, Role.role, Role.start_on, Role.end_on)
        .join(Cooperative, Cooperative.id == Role.cooperative_id)
        .where(Role.person_id == person_id, Role.deleted_at.is_(None))
        .order_by(Role.start_on)
    )
    trainings = session.execute(
        select(Training.title, Training.start_on, Participation.completed)
        .join(Training, Training.id == Participation.training_id)
        .where(Participation.person_id == person_id, Participation.deleted_at.is_(None))
        .order_by(Training.start_on)
    )
    support = session.execute(
        select(Support.given_on, Support.kind, Support.fund, Support.amount)
        .where(Support.person_id == person_id, Support.deleted_at.is_(None))
        .order_by(Support.given_on)
    )
    return PersonLinks(
        [tuple(r) for r in roles],  # type: ignore[misc]
        [tuple(r) for r in trainings],  # type: ignore[misc]
        [tuple(r) for r in support],  # type: ignore[misc]
    )


def reveal_sensitive(session: Session, person_id: str, actor: str) -> dict[str, Any]:
    """The person's sensitive details for someone who asked to see them (the reading is
    logged)."""
    person = records.get_live(session, Person, person_id)
    row = people.get_sensitive(session, person, actor=actor)
    return sensitive_store.details(session, row) if row is not None else {}


# --- checking --------------------------------------------------------------------------------


def _own_fields(session: Session, draft: PersonDraft) -> dict[str, Any]:
    data = main_values(session, draft)
    if not data.get("given_name"):
        data.pop("given_name", None)  # the last word of the full name
    return data


def check_person(session: Session, draft: PersonDraft) -> list[Problem]:
    """Every problem saving the draft would meet (nothing is written)."""
    try:
        person = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    problems = check_record(session, Person, _own_fields(session, draft), person)
    refused = refusal(session)
    if refused is not None and (draft.consents or draft.sensitive is not None):
        return [*problems, Problem("consents", refused)]  # locked since the editor opened
    try:
        problems += _consent_and_sensitive_problems(session, draft, person)
    except (SensitiveLocked, SealBroken) as exc:
        return [*problems, Problem("consents", str(exc))]
    if draft.roles is not None:
        problems += _role_problems(session, draft.roles, person)
    return problems


def _consent_and_sensitive_problems(
    session: Session, draft: PersonDraft, person: Any
) -> list[Problem]:
    recorded = {c.id: c for c in people.consents_of(session, person)} if person else {}
    problems = []
    if draft.consents is not None:
        problems += _consent_problems(session, draft.consents, recorded)
    if draft.sensitive is not None:
        problems += _sensitive_problems(session, draft, person, recorded)
    return problems


def _consent_problems(
    session: Session, rows: list[dict[str, Any]], recorded: dict[str, Consent]
) -> list[Problem]:
    problems = unknown_rows("consents", rows, recorded, lambda n: n)
    for n, row in enumerate(rows):
        found = recorded.get(row.get("id") or "")
        old = _consent(session, found) if found is not None else None
        data = {
            "person_id": "-",
            "recorded_by": "-",
            "given_on": dt.date.today(),
            **{k: v for k, v in row.items() if k in CONSENT_KEYS and v is not None},
        }
        if old is not None:
            kept = ("category", "purpose", "given_on")
            if any(k in row and row[k] != old[k] for k in kept):
                problems.append(
                    Problem(
                        f"consents[{n}].purpose",
                        _(
                            "A recorded consent cannot be changed: withdraw it and record a new one."
                        ),
                    )
                )
            data = {**old, "person_id": "-", **data}
        problems += in_part("consents", n, validate("Consent", data))
    return problems


def _sensitive_problems(
    session: Session, draft: PersonDraft, person: Any, recorded: dict[str, Consent]
) -> list[Problem]:
    assert draft.sensitive is not None
    allowed = records.active_consents(session, person.id) if person else set()
    for row in draft.consents or []:
        if not row.get("id") and not row.get("withdrawn_on"):
            allowed.add(str(row.get("category")))
        elif row.get("id") in recorded and row.get("withdrawn_on"):
            allowed.discard(_consent(session, recorded[row["id"]])["category"])
    changed = _changed_sensitive(session, person, draft.sensitive)
    found = validate(
        "PersonSensitive", {"person_id": "-", **changed}, Context(consents=frozenset(allowed))
    )
    return [Problem(f"sensitive.{p.field}", p.message, p.severity) for p in found]


def _changed_sensitive(session: Session, person: Any, values: dict[str, Any]) -> dict[str, Any]:
    row = people.sensitive_row(session, person.id) if person else None
    current = sensitive_store.details(session, row) if row is not None else {}
    return {k: v for k, v in values.items() if current.get(k) != v}


def _role_problems(session: Session, rows: list[dict[str, Any]], person: Any) -> list[Problem]:
    existing = {r.id: r for r in people.roles_of(session, person)} if person else {}
    problems = unknown_rows("roles", rows, existing, lambda n: n)
    for n, row in enumerate(rows):
        data = {k: row.get(k) for k in ROLE_KEYS}
        coop = session.get(Cooperative, data["cooperative_id"] or "")
        if coop is None or coop.deleted_at is not None:
            message = _("{what} “{value}” was not found (it may have been deleted).")
            what = _("The cooperative")
            found = [
                Problem("cooperative_id", message.format(what=what, value=data["cooperative_id"]))
            ]
        else:
            context = Context(
                cooperative_kind=coop.kind,
                cooperative_founded=coop.founded_on,
                cooperative_dissolved=coop.dissolved_on,
            )
            found = validate("Role", {**data, "person_id": "-"}, context)
        problems += in_part("roles", n, found)
    return problems


# --- saving ----------------------------------------------------------------------------------


def save_person(session: Session, draft: PersonDraft, actor: str) -> Saved:
    """Create or update the person, record and withdraw consents, save sensitive details and
    roles, in the caller's transaction; ValidationFailed (nothing written) on a wrong field."""
    raise_on_errors(check_person(session, draft))
    data = _own_fields(session, draft)
    person = save_main(session, PersonDraft(id=draft.id, fields=data), actor)
    if draft.consents is not None:
        _save_consents(session, person, draft.consents, actor)
    if draft.sensitive is not None:
        changed = _changed_sensitive(session, person, draft.sensitive)
        if changed:
            people.set_sensitive(session, person, changed, actor=actor)
    if draft.roles is not None:
        existing = {r.id: r for r in people.roles_of(session, person)}
        rows = [
            (
                row.get("id"),
                {k: row.get(k) for k in ROLE_KEYS}
                | ({} if row.get("id") else {"person_id": person.id}),
            )
            for row in draft.roles
        ]
        save_rows(session, Role, existing, rows, actor)
    return Saved.of(person)


def _save_consents(
    session: Session, person: Person, rows: list[dict[str, Any]], actor: str
) -> None:
    recorded = {c.id: c for c in people.consents_of(session, person)}
    for row in rows:
        old = recorded.get(row.get("id") or "")
        if old is None:
            people.record_consent(
                session,
                person,
                row["category"],
                row["purpose"],
                recorded_by=row.get("recorded_by") or actor,
                given_on=row.get("given_on"),
                actor=actor,
            )
        elif row.get("withdrawn_on") and old.withdrawn_on is None:
            people.withdraw_consent(session, old, row["withdrawn_on"], actor=actor)


def withdraw_consent(session: Session, consent_id: str, actor: str) -> None:
    """The person withdrew this consent today: the details it covered are cleared."""
    people.withdraw_consent(session, records.get_live(session, Consent, consent_id), actor=actor)


def erase_person(session: Session, person_id: str, actor: str) -> None:
    people.erase_person(session, records.get_live(session, Person, person_id), actor)


def delete_person(session: Session, person_id: str, actor: str) -> None:
    """Delete the person with her roles, trainings and officer records (soft delete)."""
    delete_record(session, Person, person_id, actor)


AREA = Area(
    kind="people",
    entity="people",
    draft=PersonDraft,
    new=new_person,
    load=load_person,
    check=check_person,
    save=save_person,
    delete=delete_person,
)
