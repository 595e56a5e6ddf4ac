"""A person with consents, sensitive details and roles, saved without the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Consent, Person, PersonSensitive, Role
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services.registry import cooperatives
from coopdesk.services.registry import people as reg
from tests.services.registry.conftest import OFFICER


def _new(**parts) -> reg.PersonDraft:
    return reg.PersonDraft(fields={"full_name": "Lường Thị Phượng", "birth_year": 1988}, **parts)


def test_a_person_with_a_consent_and_the_detail_it_covers(session: Session) -> None:
    draft = _new(
        consents=[{"category": "poverty", "purpose": "Xét chọn đối tượng vay vốn"}],
        sensitive={"poverty_status": "near_poor"},
    )
    saved = reg.save_person(session, draft, OFFICER)
    person = session.get(Person, saved.id)
    assert (person.given_name, person.unit_code) == ("Phượng", "03408")
    consent = session.scalars(select(Consent)).one()
    assert (consent.recorded_by, consent.given_on) == (OFFICER, dt.date.today())
    loaded = reg.load_person(session, saved.id)
    assert loaded.sensitive is None  # not read without asking: reading is logged
    assert session.scalars(select(AuditEvent).where(AuditEvent.action == "view")).all() == []
    assert reg.reveal_sensitive(session, saved.id, OFFICER)["poverty_status"] == "near_poor"
    assert session.scalar(select(AuditEvent.actor).where(AuditEvent.action == "view")) == OFFICER


def test_a_detail_without_consent_is_named_and_nothing_is_saved(session: Session) -> None:
    draft = _new(sensitive={"disability": True})
    problems = reg.check_person(session, draft)
    assert [p.field for p in problems] == ["sensitive.disability"]
    assert "khuyết tật" in problems[0].message
    with pytest.raises(ValidationFailed):
        reg.save_person(session, draft, OFFICER)
    assert session.scalars(select(Person)).all() == []
    assert session.scalars(select(PersonSensitive)).all() == []


def test_withdrawing_in_the_draft_clears_what_it_covered(session: Session) -> None:
    draft = _new(
        consents=[{"category": "poverty", "purpose": "Xét chọn đối tượng vay vốn"}],
        sensitive={"poverty_status": "poor"},
    )
    saved = reg.save_person(session, draft, OFFICER)
    again = reg.load_person(session, saved.id)
    assert again.consents is not None
    again.consents[0]["withdrawn_on"] = dt.date.today()
    reg.save_person(session, again, OFFICER)
    assert session.scalars(select(PersonSensitive.poverty_status)).one() is None
    changed = reg.load_person(session, saved.id)
    assert changed.consents is not None
    changed.consents[0]["purpose"] = "Mục đích khác"
    assert [p.field for p in reg.check_person(session, changed)] == ["consents[0].purpose"]


def test_roles_of_a_person(session: Session) -> None:
    coop = cooperatives.save_cooperative(
        session, cooperatives.CooperativeDraft(fields={"name": "HTX Rau", "kind": "HTX"}), OFFICER
    )
    saved = reg.save_person(
        session, _new(roles=[{"cooperative_id": coop.id, "role": "accountant"}]), OFFICER
    )
    assert session.scalars(select(Role.role).where(Role.person_id == saved.id)).all() == [
        "accountant"
    ]
    wrong = _new(roles=[{"cooperative_id": "không-có", "role": "accountant"}])
    assert [p.field for p in reg.check_person(session, wrong)] == ["roles[0].cooperative_id"]


def test_a_missing_name_is_named(session: Session) -> None:
    problems = reg.check_person(session, reg.PersonDraft(fields={"full_name": " "}))
    assert "full_name" in {p.field for p in problems}
