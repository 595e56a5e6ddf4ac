"""A pair an officer said is not the same ("Không phải trùng") is stored once, versioned and
audited, and is not flagged again, whichever of the two is being saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Cooperative, DuplicateDismissal
from coopdesk.services import people, records
from coopdesk.services.duplicates import (
    cooperatives_like,
    mark_not_duplicate,
    people_like,
    save_as_different,
)
from coopdesk.services.registry import people as registry_people
from tests.services.duplicates.conftest import OFFICER

HOA = {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985}


def _hoa(session: Session) -> str:
    return people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985).id


def _dismissals(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DuplicateDismissal)) or 0


def test_a_dismissed_pair_is_not_flagged_again_from_either_side(session: Session) -> None:
    first, second = _hoa(session), _hoa(session)
    assert [d.record_id for d in people_like(session, HOA, exclude_id=second)] == [first]
    mark_not_duplicate(session, "people", second, first, OFFICER)
    assert people_like(session, HOA, exclude_id=second) == []
    assert people_like(session, HOA, exclude_id=first) == []
    third = _hoa(session)  # a third namesake is still flagged against both
    found = {d.record_id for d in people_like(session, HOA, exclude_id=third)}
    assert found == {first, second}


def test_the_pair_is_stored_once_in_order_versioned_and_audited(session: Session) -> None:
    a, b = _hoa(session), _hoa(session)
    saved = mark_not_duplicate(session, "people", b, a, OFFICER)
    again = mark_not_duplicate(session, "people", a, b, OFFICER)
    assert again.id == saved.id and _dismissals(session) == 1
    assert (saved.first_id, saved.second_id) == tuple(sorted((a, b)))
    assert saved.version and saved.created_by == OFFICER and saved.unit_code == "03408"
    events = session.scalars(
        select(AuditEvent.action).where(
            AuditEvent.entity == "duplicate_dismissals", AuditEvent.entity_id == saved.id
        )
    )
    assert list(events) == ["create"]


def test_a_deleted_dismissal_flags_the_pair_again_and_can_be_said_again(session: Session) -> None:
    a, b = _hoa(session), _hoa(session)
    saved = mark_not_duplicate(session, "people", a, b, OFFICER)
    records.delete(session, saved, OFFICER)
    assert [d.record_id for d in people_like(session, HOA, exclude_id=b)] == [a]
    revived = mark_not_duplicate(session, "people", a, b, OFFICER)
    assert revived.id == saved.id and revived.deleted_at is None
    assert people_like(session, HOA, exclude_id=b) == []


def test_cooperatives_are_dismissed_by_pair_too(session: Session) -> None:
    data = {"name": "HTX Chè Tân Phong", "kind": "HTX", "unit_code": "03408"}
    one = records.create(session, Cooperative, data, OFFICER)
    two = records.create(session, Cooperative, data, OFFICER)
    fields = {"name": "HTX Chè Tân Phong", "unit_code": "03408"}
    assert [d.record_id for d in cooperatives_like(session, fields, exclude_id=two.id)] == [one.id]
    mark_not_duplicate(session, "cooperatives", two.id, one.id, OFFICER)
    assert cooperatives_like(session, fields, exclude_id=two.id) == []


def test_a_record_with_itself_a_missing_record_or_another_kind_is_refused(
    session: Session,
) -> None:
    a = _hoa(session)
    with pytest.raises(records.RecordError):
        mark_not_duplicate(session, "people", a, a, OFFICER)
    with pytest.raises(records.RecordError):
        mark_not_duplicate(session, "people", a, "no-such-person", OFFICER)
    with pytest.raises(ValueError):
        mark_not_duplicate(session, "trainings", a, _hoa(session), OFFICER)
    assert _dismissals(session) == 0


def test_save_as_different_saves_the_person_and_remembers_each_pair(session: Session) -> None:
    first, second = _hoa(session), _hoa(session)
    draft = registry_people.PersonDraft(fields={**HOA, "unit_code": "03408"})
    saved = save_as_different(session, registry_people.AREA, draft, OFFICER, [first, second])
    assert people_like(session, HOA, exclude_id=saved.id) == []
    assert _dismissals(session) == 2
