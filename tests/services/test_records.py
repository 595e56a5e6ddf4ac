"""The generic record service: normalised text, derived columns, validation, audit, history."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import (
    AuditEvent,
    Cooperative,
    CooperativeYear,
    Person,
    Role,
    Target,
    Training,
)
from coopdesk.domain.validation import ValidationFailed
from coopdesk.i18n import person_sort_key
from coopdesk.services import records, settings
from coopdesk.services.settings import Installation

ACTOR = "Lò Thị Mai"


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as s:
        settings.save_installation(s, Installation("3408", "commune", ACTOR))
        yield s


def coop(session: Session, **extra: object) -> Cooperative:
    data = {"name": "HTX Chè Shan Tuyết Tân Phong", "kind": "HTX"} | extra
    return records.create(session, Cooperative, data, ACTOR)


def test_create_normalises_and_fills_derived_columns(session: Session) -> None:
    name = unicodedata.normalize("NFD", "  HTX  Dệt thổ cẩm   Hoà Bình ")
    obj = coop(session, name=name, notes="Dòng 1\n  Dòng 2  \n")
    assert obj.name == "HTX Dệt thổ cẩm Hoà Bình"
    assert unicodedata.is_normalized("NFC", obj.name)
    assert obj.name_folded == "htx det tho cam hoa binh"
    assert obj.sort_key
    assert obj.notes == "Dòng 1\n  Dòng 2"  # free text keeps its lines
    assert obj.unit_code == "03408"  # the installation's unit
    assert (obj.created_by, obj.updated_by) == (ACTOR, ACTOR)
    assert obj.warnings == []


def test_person_name_parts_and_sort_key(session: Session) -> None:
    p = records.create(
        session, Person, {"full_name": "Nguyễn Thị Mai Anh", "given_name": "Mai Anh"}, ACTOR
    )
    assert (p.family_name, p.middle_name, p.given_name) == ("Nguyễn", "Thị", "Mai Anh")
    assert p.name_folded == "nguyen thi mai anh"
    assert p.sort_key == person_sort_key("Nguyễn", "Thị", "Mai Anh")
    records.update(session, p, {"family_name": "Trần"}, ACTOR)
    assert p.full_name == "Trần Thị Mai Anh" and p.name_folded == "tran thi mai anh"


def test_errors_refuse_and_nothing_is_saved(session: Session) -> None:
    with pytest.raises(ValidationFailed) as caught:
        records.create(session, Cooperative, {"name": "", "kind": "HTX"}, ACTOR)
    assert [p.field for p in caught.value.errors] == ["name"]
    assert session.scalars(select(Cooperative)).all() == []
    assert session.scalars(select(AuditEvent)).all() == []


def test_warnings_are_returned_not_refused(session: Session) -> None:
    c = coop(session, registration_no="0100109107")
    assert [(w.field, w.severity) for w in c.warnings] == [("registration_no", "warning")]
    y = records.create(
        session,
        CooperativeYear,
        {
            "cooperative_id": c.id,
            "year": 2025,
            "official_members": 3,
            "workers": 9,
            "female_workers": 6,
        },
        ACTOR,
    )
    assert y.unit_code == c.unit_code
    assert [w.field for w in y.warnings] == ["official_members"]


def test_role_outside_the_cooperatives_life_is_refused(session: Session) -> None:
    c = coop(session, founded_on=dt.date(2024, 3, 1))
    p = records.create(session, Person, {"full_name": "Tòng Thị Hương"}, ACTOR)
    with pytest.raises(ValidationFailed, match="01/03/2024"):
        records.create(
            session,
            Role,
            {
                "person_id": p.id,
                "cooperative_id": c.id,
                "role": "director",
                "start_on": dt.date(2023, 1, 1),
            },
            ACTOR,
        )


def test_unknown_fields_and_managed_fields_are_refused(session: Session) -> None:
    with pytest.raises(records.RecordError, match="colour"):
        records.create(
            session, Cooperative, {"name": "HTX A", "kind": "HTX", "colour": "red"}, ACTOR
        )
    with pytest.raises(records.RecordError, match="name_folded"):
        records.create(
            session, Cooperative, {"name": "HTX A", "kind": "HTX", "name_folded": "x"}, ACTOR
        )


def test_references_to_missing_records_are_named(session: Session) -> None:
    with pytest.raises(ValidationFailed) as caught:
        records.create(
            session, CooperativeYear, {"cooperative_id": "no-such-id", "year": 2025}, ACTOR
        )
    (problem,) = caught.value.errors
    assert problem.field == "cooperative_id" and "no-such-id" in problem.message


def test_audit_before_and_after_as_json(session: Session) -> None:
    c = coop(session, founded_on=dt.date(2024, 3, 1))
    records.update(session, c, {"phone": "0213 3876 543"}, ACTOR)
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["create", "update"]
    created = json.loads(events[0].after)
    assert (
        created["founded_on"] == "2024-03-01" and created["name"] == "HTX Chè Shan Tuyết Tân Phong"
    )
    assert events[0].before is None
    assert json.loads(events[1].before)["phone"] == ""
    assert json.loads(events[1].after)["phone"] == "0213 3876 543"
    assert {e.actor for e in events} == {ACTOR}
    assert {e.unit_code for e in events} == {"03408"}


def test_decimals_are_strings_in_the_audit(session: Session) -> None:
    t = records.create(
        session,
        Target,
        {
            "target_unit_code": "03408",
            "indicator_code": "new_htx_programme",
            "period": "phase1",
            "value": Decimal("1.5"),
        },
        ACTOR,
    )
    after = json.loads(
        session.scalars(select(AuditEvent.after).where(AuditEvent.entity_id == t.id)).one()
    )
    assert after["value"] == "1.5"


def test_an_update_that_changes_nothing_is_not_audited(session: Session) -> None:
    c = coop(session)
    records.update(session, c, {"name": " HTX Chè Shan Tuyết  Tân Phong"}, ACTOR)
    assert len(records.history(session, Cooperative, c.id)) == 1


def test_soft_delete_cascades_and_history_reads_back(session: Session) -> None:
    c = coop(session)
    y = records.create(
        session, CooperativeYear, {"cooperative_id": c.id, "year": 2025, "members": 12}, ACTOR
    )
    p = records.create(session, Person, {"full_name": "Lò Thị Thanh"}, ACTOR)
    r = records.create(
        session, Role, {"person_id": p.id, "cooperative_id": c.id, "role": "chair"}, ACTOR
    )
    records.update(session, c, {"phone": "0912 000 111"}, "Tòng Văn Sơn")
    records.delete(session, c, ACTOR)
    assert c.deleted_at is not None and y.deleted_at is not None and r.deleted_at is not None
    assert p.deleted_at is None  # the person stays
    history = records.history(session, Cooperative, c.id)
    assert [h.action for h in history] == ["delete", "update", "create"]
    assert history[1].actor == "Tòng Văn Sơn"
    assert [(ch.field, ch.before, ch.after) for ch in history[1].changes] == [
        ("phone", "", "0912 000 111")
    ]
    assert records.history(session, "CooperativeYear", y.id)[0].action == "delete"
    with pytest.raises(records.RecordError):
        records.update(session, c, {"phone": "1"}, ACTOR)


def test_deleted_yearly_figures_can_be_entered_again(session: Session) -> None:
    c = coop(session)
    y = records.create(
        session, CooperativeYear, {"cooperative_id": c.id, "year": 2025, "members": 12}, ACTOR
    )
    with pytest.raises(ValidationFailed, match="đã có"):
        records.create(session, CooperativeYear, {"cooperative_id": c.id, "year": 2025}, ACTOR)
    records.delete(session, y, ACTOR)
    again = records.create(
        session, CooperativeYear, {"cooperative_id": c.id, "year": 2025, "members": 15}, ACTOR
    )
    assert again.id == y.id and again.deleted_at is None and again.members == 15


def test_training_title_is_folded(session: Session) -> None:
    t = records.create(
        session,
        Training,
        {"title": "Tập huấn chuyển đổi số cho nữ quản lý HTX", "start_on": dt.date(2025, 9, 10)},
        ACTOR,
    )
    assert t.title_folded == "tap huan chuyen doi so cho nu quan ly htx"


def test_get_live(session: Session) -> None:
    c = coop(session)
    assert records.get_live(session, Cooperative, c.id) is c
    records.delete(session, c, ACTOR)
    with pytest.raises(records.RecordError):
        records.get_live(session, Cooperative, c.id)


def test_stored_names_are_found_and_sorted_the_vietnamese_way(session: Session) -> None:
    import unicodedata as ud

    for name in (
        "Nguyễn Thị Hòa",  # old-style tone placement
        ud.normalize("NFD", "Lò Thị Hoà"),
        "Đỗ Thị Ánh",
        "Bùi Thị Anh",
        "Vàng Thị Dung",
    ):
        records.create(session, Person, {"full_name": name}, ACTOR)
    found = session.scalars(
        select(Person.full_name)
        .where(Person.name_folded.like("%thi hoa"))
        .order_by(Person.sort_key)
    ).all()
    assert found == ["Lò Thị Hoà", "Nguyễn Thị Hòa"]  # same given name: then family name
    ordered = session.scalars(select(Person.full_name).order_by(Person.sort_key)).all()
    assert ordered == [
        "Bùi Thị Anh",
        "Đỗ Thị Ánh",
        "Vàng Thị Dung",
        "Lò Thị Hoà",
        "Nguyễn Thị Hòa",
    ]
