"""A Hội officer of a unit: an existing person or a new one, her position and dates.

    save_officer(session, OfficerDraft(fields={"position": "Phó Chủ tịch Hội LHPN phường"},
                                       person={"full_name": "Đặng Thị Đào", "gender": "F"}), actor)

`fields["person_id"]` names an existing person; without it, `person` ("full_name", "gender")
is added as a new person of the officer's unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Person
from coopdesk.domain.validation import Problem
from coopdesk.services import records
from coopdesk.services.registry import people as registry_people
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    PartSpec,
    Saved,
    check_record,
    delete_record,
    main_values,
    raise_on_errors,
    save_main,
    stored,
    values_of,
)

FIELDS = ("unit_code", "person_id", "position", "collective_economy_work", "start_on", "end_on")


@dataclass
class OfficerDraft(Draft):
    MODEL = Officer
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {
        "person": PartSpec(Person, ("full_name", "gender"), many=False),
    }

    person: dict[str, Any] | None = None  # a new person (when no person_id), or who she is


def new_officer() -> OfficerDraft:
    return OfficerDraft(fields={"collective_economy_work": True})


def load_officer(session: Session, officer_id: str) -> OfficerDraft:
    officer = records.get_live(session, Officer, officer_id)
    person = session.get(Person, officer.person_id)
    from coopdesk.services.people import display_name

    shown = {"full_name": display_name(person), "gender": person.gender} if person else None
    return OfficerDraft(id=officer.id, fields=values_of(officer, FIELDS), person=shown)


def check_officer(session: Session, draft: OfficerDraft) -> list[Problem]:
    try:
        officer = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    data = main_values(session, draft)
    if officer is None and not data.get("person_id"):
        found = registry_people.person_problems(session, draft.person or {})
        return [Problem(f"person.{p.field}", p.message, p.severity) for p in found] + [
            p
            for p in check_record(session, Officer, {**data, "person_id": "-"}, None)
            if p.field != "person_id"
        ]
    return check_record(session, Officer, data, officer)


def save_officer(session: Session, draft: OfficerDraft, actor: str) -> Saved:
    """Create or update the officer (adding her as a new person if need be)."""
    raise_on_errors(check_officer(session, draft))
    fields = main_values(session, draft)
    if draft.id is None and not fields.get("person_id"):
        row = draft.person or {}
        fields["person_id"] = registry_people.person_for(
            session, row, fields["unit_code"], actor, {}
        )
    officer = save_main(session, OfficerDraft(id=draft.id, fields=fields), actor)
    return Saved.of(officer)


def delete_officer(session: Session, officer_id: str, actor: str) -> None:
    delete_record(session, Officer, officer_id, actor)


AREA = Area(
    kind="officers",
    entity="officers",
    draft=OfficerDraft,
    new=new_officer,
    load=load_officer,
    check=check_officer,
    save=save_officer,
    delete=delete_officer,
)
