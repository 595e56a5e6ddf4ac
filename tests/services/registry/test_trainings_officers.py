"""Trainings with participants and Hội officers, saved without the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Participation, Person, Training
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services.registry import officers, trainings
from tests.services.registry.conftest import OFFICER

TITLE = "Tập huấn quản trị HTX cho nữ cán bộ quản lý"


def test_an_officer_who_is_a_new_person(session: Session) -> None:
    draft = officers.OfficerDraft(
        fields={"position": "Phó Chủ tịch Hội LHPN phường"},
        person={"full_name": "Đặng Thị Đào", "gender": "F"},
    )
    saved = officers.save_officer(session, draft, OFFICER)
    loaded = officers.load_officer(session, saved.id)
    assert loaded.person == {"full_name": "Đặng Thị Đào", "gender": "F"}
    assert loaded.fields["collective_economy_work"] is True


def test_an_officer_needs_a_person(session: Session) -> None:
    problems = officers.check_officer(session, officers.OfficerDraft(fields={"position": "x"}))
    assert [p.field for p in problems] == ["person.full_name"]
    with pytest.raises(ValidationFailed):
        officers.save_officer(session, officers.OfficerDraft(fields={"position": "x"}), OFFICER)
    assert session.scalars(select(Officer)).all() == []


def test_a_training_with_participants_existing_and_new(session: Session) -> None:
    officer = officers.save_officer(
        session,
        officers.OfficerDraft(person={"full_name": "Đặng Thị Đào", "gender": "F"}),
        OFFICER,
    )
    person_id = officers.load_officer(session, officer.id).fields["person_id"]
    draft = trainings.TrainingDraft(
        fields={"title": TITLE, "start_on": dt.date(2026, 3, 12)},
        participants=[
            {"person_id": person_id},
            {"full_name": "Vàng Thị Sùng", "gender": "F", "completed": False},
        ],
    )
    saved = trainings.save_training(session, draft, OFFICER)
    loaded = trainings.load_training(session, saved.id)
    assert [(p["full_name"], p["officer"], p["completed"]) for p in loaded.participants] == [
        ("Đặng Thị Đào", True, True),
        ("Vàng Thị Sùng", False, False),
    ]
    loaded.participants = loaded.participants[1:]
    trainings.save_training(session, loaded, OFFICER)
    live = session.scalars(select(Participation).where(Participation.deleted_at.is_(None)))
    assert len(live.all()) == 1


def test_a_wrong_participant_saves_nothing(session: Session) -> None:
    draft = trainings.TrainingDraft(
        fields={"title": TITLE},  # no start date either
        participants=[{"full_name": "Vàng Thị Sùng"}, {"full_name": ""}],
    )
    fields = {p.field for p in trainings.check_training(session, draft)}
    assert fields == {"start_on", "participants[1].full_name"}
    with pytest.raises(ValidationFailed):
        trainings.save_training(session, draft, OFFICER)
    assert session.scalars(select(Training)).all() == []
    assert session.scalars(select(Person)).all() == []
