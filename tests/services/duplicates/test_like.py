"""people_like / cooperatives_like: the stored records a draft may duplicate, as the officer
reads them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Role
from coopdesk.services import people, records
from coopdesk.services.duplicates import cooperatives_like, people_like
from tests.services.duplicates.conftest import OFFICER


def _coop(session: Session, name: str, mst: str = "", unit: str = "03408") -> Cooperative:
    data = {"name": name, "kind": "HTX", "registration_no": mst, "unit_code": unit}
    return records.create(session, Cooperative, data, OFFICER)


def test_a_person_with_the_same_name_and_birth_year_is_flagged_with_her_cooperative(
    session: Session,
) -> None:
    hoa = people.create_person(session, "Nguyễn Thị Hoà", actor=OFFICER, birth_year=1985)
    coop = _coop(session, "HTX Chè Tân Phong")
    records.create(
        session,
        Role,
        {"person_id": hoa.id, "cooperative_id": coop.id, "role": "director"},
        OFFICER,
    )
    found = people_like(session, {"full_name": "nguyễn thị hòa", "birth_year": 1985})
    assert [(d.kind, d.record_id) for d in found] == [("people", hoa.id)]
    assert found[0].label == "Nguyễn Thị Hoà, sinh năm 1985, HTX Chè Tân Phong, Phường Tân Phong"
    assert found[0].reason == "cùng họ tên và năm sinh"


def test_the_same_phone_is_flagged_and_both_reasons_are_given(session: Session) -> None:
    hoa = people.create_person(
        session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985, phone="0912 345 678"
    )
    by_phone = people_like(session, {"full_name": "Lò Thị Mai", "phone": "+84912345678"})
    assert [d.record_id for d in by_phone] == [hoa.id]
    assert by_phone[0].reason == "cùng số điện thoại"
    both = people_like(
        session, {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985, "phone": "0912.345.678"}
    )
    assert both[0].reason == "cùng họ tên và năm sinh, cùng số điện thoại"


def test_the_record_itself_a_deleted_one_and_another_year_are_not_flagged(
    session: Session,
) -> None:
    hoa = people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985)
    gone = people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985)
    records.delete(session, gone, OFFICER)
    people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1990)
    fields = {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985}
    assert people_like(session, fields, exclude_id=hoa.id) == []
    assert [d.record_id for d in people_like(session, fields)] == [hoa.id]


def test_cooperatives_by_tax_code_anywhere_and_by_name_in_the_commune(session: Session) -> None:
    tea = _coop(session, "HTX Chè Tân Phong", "0101234567")
    _coop(session, "HTX Chè Tân Phong", unit="03405")  # another commune's namesake
    by_mst = cooperatives_like(session, {"name": "HTX Mới", "registration_no": "0101-234-567"})
    assert [(d.record_id, d.reason) for d in by_mst] == [(tea.id, "cùng mã số thuế")]
    assert by_mst[0].label == "HTX Chè Tân Phong, MST 0101234567, Phường Tân Phong"
    by_name = cooperatives_like(session, {"name": "htx che tan phong"})  # the commune's own
    assert [(d.record_id, d.reason) for d in by_name] == [(tea.id, "cùng tên trong cùng địa bàn")]
