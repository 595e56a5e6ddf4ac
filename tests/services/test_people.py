"""People: roles, training, consent-guarded sensitive details, erasure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import (
    AuditEvent,
    Consent,
    Participation,
    Person,
    PersonSensitive,
    Role,
)
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services import people, settings
from coopdesk.services.registry import cooperatives, officers, trainings
from coopdesk.services.registry import people as registry_people
from coopdesk.services.settings import Installation

ACTOR = "Lò Thị Mai"


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as s:
        settings.save_installation(s, Installation("3408", "commune", ACTOR))
        yield s


@pytest.fixture
def huong(session: Session) -> Person:
    return people.create_person(
        session, "Tòng Thị Hương", actor=ACTOR, birth_year=1985, phone="0912 345 678"
    )


def test_person_from_a_full_name(session: Session) -> None:
    p = people.create_person(session, "Nguyễn Thị Mai Anh", given_name="Mai Anh", actor=ACTOR)
    assert (p.family_name, p.middle_name, p.given_name, p.gender) == (
        "Nguyễn",
        "Thị",
        "Mai Anh",
        "F",
    )
    renamed = registry_people.PersonDraft(id=p.id, fields={"full_name": "Nguyễn Thị Mai Lan"})
    registry_people.save_person(session, renamed, ACTOR)
    assert (p.given_name, p.full_name) == ("Lan", "Nguyễn Thị Mai Lan")


def _chair_and_trainee(session: Session, person: Person, role: str) -> tuple[str, str]:
    """(cooperative id, training id): the person on a board and in a training."""
    coop = cooperatives.save_cooperative(
        session,
        cooperatives.CooperativeDraft(
            fields={"name": "HTX Nông nghiệp Bản Bo", "kind": "HTX"},
            board=[{"person_id": person.id, "role": role, "start_on": dt.date(2024, 1, 1)}],
        ),
        ACTOR,
    )
    training = trainings.save_training(
        session,
        trainings.TrainingDraft(
            fields={"title": "Tập huấn thương mại điện tử", "start_on": dt.date(2025, 5, 5)},
            participants=[{"person_id": person.id}],
        ),
        ACTOR,
    )
    return coop.id, training.id


def test_roles_and_training(session: Session, huong: Person) -> None:
    coop_id, training_id = _chair_and_trainee(session, huong, "director")
    board = cooperatives.load_cooperative(session, coop_id)
    assert board.board is not None
    board.board[0]["end_on"] = dt.date(2025, 12, 31)
    cooperatives.save_cooperative(session, board, ACTOR)
    assert [(r.role, r.end_on) for r in people.roles_of(session, huong)] == [
        ("director", dt.date(2025, 12, 31))
    ]
    part = session.scalars(select(Participation)).one()
    assert (part.training_id, part.person_id, part.unit_code) == (training_id, huong.id, "03408")


def test_officer_of_the_unit(session: Session, huong: Person) -> None:
    draft = officers.OfficerDraft(
        fields={"person_id": huong.id, "position": "Phó Chủ tịch Hội LHPN phường"}
    )
    officer = officers.load_officer(session, officers.save_officer(session, draft, ACTOR).id)
    assert (
        officer.fields["unit_code"],
        officer.fields["position"],
        officer.fields["collective_economy_work"],
    ) == ("03408", "Phó Chủ tịch Hội LHPN phường", True)


def test_sensitive_details_need_consent(session: Session, huong: Person) -> None:
    with pytest.raises(ValidationFailed, match="dân tộc"):
        people.set_sensitive(session, huong, {"ethnicity_code": "03"}, ACTOR)
    assert session.scalars(select(PersonSensitive)).all() == []
    consent = people.record_consent(
        session,
        huong,
        "ethnicity",
        "Thống kê phụ nữ DTTS tham gia HTX",
        recorded_by=ACTOR,
        actor=ACTOR,
    )
    row = people.set_sensitive(session, huong, {"ethnicity_code": "03"}, ACTOR)
    assert row.ethnicity_code == "03"
    with pytest.raises(ValidationFailed, match="nghèo"):
        people.set_sensitive(session, huong, {"poverty_status": "poor"}, ACTOR)
    assert [c.category for c in people.consents_of(session, huong)] == ["ethnicity"]
    assert consent.recorded_by == ACTOR and consent.given_on == dt.date.today()


def test_reading_sensitive_details_is_logged(session: Session, huong: Person) -> None:
    people.record_consent(session, huong, "disability", "Hỗ trợ", recorded_by=ACTOR, actor=ACTOR)
    people.set_sensitive(session, huong, {"disability": True}, ACTOR)
    row = people.get_sensitive(session, huong, actor="Cán bộ tỉnh")
    assert row is not None and row.disability is True
    views = session.scalars(select(AuditEvent).where(AuditEvent.action == "view")).all()
    assert [(v.actor, v.entity) for v in views] == [("Cán bộ tỉnh", "person_sensitive")]


def test_withdrawing_consent_clears_its_details(session: Session, huong: Person) -> None:
    consent = people.record_consent(
        session, huong, "ethnicity", "Thống kê", recorded_by=ACTOR, actor=ACTOR
    )
    people.record_consent(session, huong, "disability", "Hỗ trợ", recorded_by=ACTOR, actor=ACTOR)
    row = people.set_sensitive(session, huong, {"ethnicity_code": "03", "disability": True}, ACTOR)
    people.withdraw_consent(session, consent, actor=ACTOR)
    assert (row.ethnicity_code, row.disability) == (None, True)


def test_unknown_sensitive_field_is_refused(session: Session, huong: Person) -> None:
    with pytest.raises(ValidationFailed, match="phone"):
        people.set_sensitive(session, huong, {"phone": "1"}, ACTOR)


def test_erasure_redacts_but_keeps_the_counted_facts(session: Session, huong: Person) -> None:
    _chair_and_trainee(session, huong, "chair")
    people.record_consent(session, huong, "ethnicity", "Thống kê", recorded_by=ACTOR, actor=ACTOR)
    people.set_sensitive(session, huong, {"ethnicity_code": "03"}, ACTOR)

    people.erase_person(session, huong, "Lò Thị Mai")

    erased = session.get(Person, huong.id)
    assert erased is not None and erased.redacted
    assert erased.full_name == people.ERASED_NAME == "[đã xoá]"
    assert (erased.phone, erased.birth_year, erased.name_folded) == ("", None, "")
    assert people.display_name(erased) == "[đã xoá]"
    assert (
        session.scalars(select(PersonSensitive).where(PersonSensitive.deleted_at.is_(None))).all()
        == []
    )
    assert all(c.deleted_at is not None for c in session.scalars(select(Consent)))
    # counted facts stay: she was chair and was trained
    assert (
        session.scalars(select(Role).where(Role.deleted_at.is_(None))).one().person_id == huong.id
    )
    assert session.scalars(select(Participation)).one().person_id == huong.id
    # her name is gone from the history too
    texts = " ".join(
        (e.before or "") + (e.after or "") for e in session.scalars(select(AuditEvent))
    )
    assert "Hương" not in texts and "0912" not in texts
    assert "erase" in {e.action for e in session.scalars(select(AuditEvent))}


def test_display_name_in_english(session: Session, huong: Person) -> None:
    from coopdesk import i18n

    people.erase_person(session, huong, ACTOR)
    i18n.set_language("en")
    assert people.display_name(session.get(Person, huong.id)) == "[erased]"
