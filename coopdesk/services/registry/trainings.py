"""A training with its participants (existing people, Hội officers, or new people) and who
completed it: `save_training(session, draft, actor)`.

A participant row names a person by "person_id", or a new person by "full_name" and
"gender"; "completed" says whether she finished. "officer" is shown, never saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Participation, Person, Training
from coopdesk.domain.validation import Problem
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.registry import people as registry_people
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
    "unit_code", "title", "kind", "topic", "audience", "start_on", "end_on", "location",
    "organiser", "cost", "funding_source", "notes",
)  # fmt: skip
PARTICIPANT_KEYS = ("person_id", "full_name", "gender", "officer", "completed")


@dataclass
class TrainingDraft(Draft):
    MODEL = Training
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {
        "participants": PartSpec(Participation, PARTICIPANT_KEYS, extra=(Person,)),
    }

    participants: list[dict[str, Any]] | None = None


def new_training() -> TrainingDraft:
    return TrainingDraft(
        fields={"kind": "short", "topic": "governance", "audience": "managers"}, participants=[]
    )


def load_training(session: Session, training_id: str) -> TrainingDraft:
    from coopdesk.services.people import display_name

    training = records.get_live(session, Training, training_id)
    rows = [
        {
            "id": part.id,
            "person_id": person.id,
            "full_name": display_name(person),
            "gender": person.gender,
            "officer": officer,
            "completed": part.completed,
        }
        for part, person, officer in _participants(session, training.id)
    ]
    return TrainingDraft(id=training.id, fields=values_of(training, FIELDS), participants=rows)


def _participants(session: Session, training_id: str) -> list[tuple[Participation, Person, bool]]:
    officer = (
        select(Officer.id)
        .where(Officer.person_id == Person.id, Officer.deleted_at.is_(None))
        .exists()
    )
    rows = session.execute(
        select(Participation, Person, officer)
        .join(Person, Person.id == Participation.person_id)
        .where(Participation.training_id == training_id, Participation.deleted_at.is_(None))
        .order_by(Person.sort_key)
    )
    return [(part, person, bool(o)) for part, person, o in rows]


def check_training(session: Session, draft: TrainingDraft) -> list[Problem]:
    try:
        training = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    problems = check_record(session, Training, main_values(session, draft), training)
    if draft.participants is None:
        return problems
    existing = (
        {p.id: p for p, _person, _o in _participants(session, training.id)} if training else {}
    )
    problems += unknown_rows("participants", draft.participants, existing, lambda n: n)
    seen: set[str] = set()
    for n, row in enumerate(draft.participants):
        if row.get("id") in existing:
            continue
        found = registry_people.person_problems(session, row)
        person_id = row.get("person_id")
        if person_id and (person_id in seen or _taking_part(existing, person_id)):
            name = row.get("full_name") or person_id
            message = _("{name} is already in the list.").format(name=name)
            found.append(Problem("person_id", message))
        seen.add(person_id or "")
        problems += in_part("participants", n, found)
    return problems


def _taking_part(existing: dict[str, Participation], person_id: str) -> bool:
    return any(p.person_id == person_id for p in existing.values())


def save_training(session: Session, draft: TrainingDraft, actor: str) -> Saved:
    """Create or update the training and its participants, in the caller's transaction."""
    raise_on_errors(check_training(session, draft))
    training = save_main(session, draft, actor)
    if draft.participants is not None:
        existing = {p.id: p for p, _person, _o in _participants(session, training.id)}
        created: dict[tuple[str, str], str] = {}
        rows: list[tuple[str | None, dict[str, Any]]] = []
        for row in draft.participants:
            data: dict[str, Any] = {"completed": bool(row.get("completed", True))}
            if not row.get("id"):
                person_id = registry_people.person_for(
                    session, row, training.unit_code, actor, created
                )
                data |= {
                    "training_id": training.id,
                    "person_id": person_id,
                    "unit_code": training.unit_code,
                }
            rows.append((row.get("id"), data))
        save_rows(session, Participation, existing, rows, actor)
    return Saved.of(training)


def delete_training(session: Session, training_id: str, actor: str) -> None:
    delete_record(session, Training, training_id, actor)


AREA = Area(
    kind="trainings",
    entity="trainings",
    draft=TrainingDraft,
    new=new_training,
    load=load_training,
    check=check_training,
    save=save_training,
    delete=delete_training,
)
