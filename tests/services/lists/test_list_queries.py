"""The list queries without Qt: scope, folded search, Vietnamese order, paging, bad filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.services import lists
from coopdesk.services.lists import BadFilter, Scope
from tests.services.lists.data import HOME, OTHER, cooperative, person

PEOPLE = [
    ("Nguyễn", "Thị", "Hoà", "F"),
    ("Lò", "Thị", "Ánh", "F"),
    ("Trần", "Văn", "Bình", "M"),
    ("Nguyễn", "Thị", "Ánh", "F"),
    ("Đặng", "Thị", "Đào", "F"),
    ("Nguyen", "", "Dung", "F"),
]


@pytest.fixture
def s(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as session:
        yield session


def names(s: Session, kind: str, scope: Scope | None = None, **kw: object) -> list[str]:
    query = lists.query(s, kind, scope or Scope(HOME), **kw)  # type: ignore[arg-type]
    return [row[1] for row in query.all_rows(s)]


def test_search_ignores_diacritics_and_case(s: Session) -> None:
    for family, middle, given, gender in PEOPLE:
        person(s, family, middle, given, gender)
    assert names(s, "people", search="nguyen thi hoa") == ["Nguyễn Thị Hoà"]
    assert names(s, "people", search="nguyen thi") == ["Nguyễn Thị Ánh", "Nguyễn Thị Hoà"]
    assert names(s, "people", search="ĐÀO") == ["Đặng Thị Đào"]
    assert names(s, "people", search="dao") == ["Đặng Thị Đào"]  # đ is d when folded
    assert names(s, "people", search="50%") == []  # % is a character, not a wildcard


def test_people_in_vietnamese_order_by_given_name(s: Session) -> None:
    for family, middle, given, gender in PEOPLE:
        person(s, family, middle, given, gender)
    assert names(s, "people") == [
        "Lò Thị Ánh",
        "Nguyễn Thị Ánh",
        "Trần Văn Bình",
        "Nguyen Dung",
        "Đặng Thị Đào",
        "Nguyễn Thị Hoà",
    ]
    query = lists.query(s, "people", Scope(HOME))
    rows = query.block(s, 0, 3, "name", descending=True)
    assert [r[1] for r in rows] == ["Nguyễn Thị Hoà", "Đặng Thị Đào", "Nguyen Dung"]


def test_digits_also_search_the_phone(s: Session) -> None:
    person(s, "Lò", "Thị", "Ánh", phone="0912 345 678")
    person(s, "Vàng", "Thị", "Mai", phone="0987 000 111")
    assert names(s, "people", search="0912 345") == ["Lò Thị Ánh"]  # its first digits
    assert names(s, "people", search="mai") == ["Vàng Thị Mai"]


def test_a_commune_sees_its_own_records_a_province_office_its_communes_and_whose(
    s: Session,
) -> None:
    cooperative(s, "HTX Chè Tân Phong")
    cooperative(s, "HTX Nông nghiệp Mường Mô", unit_code=OTHER)
    assert names(s, "cooperatives") == ["HTX Chè Tân Phong"]
    assert names(s, "cooperatives", Scope(OTHER)) == ["HTX Nông nghiệp Mường Mô"]
    province = lists.query(s, "cooperatives", Scope("12", subtree=True))
    assert province.columns[-1].key == "unit"
    rows = province.all_rows(s)
    assert [(r[1], r[-1]) for r in rows] == [
        ("HTX Chè Tân Phong", "Phường Tân Phong"),
        ("HTX Nông nghiệp Mường Mô", "Xã Mường Mô"),
    ]
    assert province.count(s) == 2


def test_deleted_records_are_not_listed(s: Session) -> None:
    import datetime as dt

    cooperative(s, "HTX Còn")
    cooperative(s, "HTX Đã xoá", deleted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert names(s, "cooperatives") == ["HTX Còn"]


def test_blocks_page_through_the_rows_in_order(s: Session) -> None:
    for n in range(450):
        cooperative(s, f"HTX Nông nghiệp số {n:03d}")
    query = lists.query(s, "cooperatives", Scope(HOME))
    assert query.count(s) == 450
    first = query.block(s, 0, 200)
    last = query.block(s, 400, 200)
    assert len(first) == 200 and first[0][1] == "HTX Nông nghiệp số 000"
    assert [r[1] for r in last] == [f"HTX Nông nghiệp số {n:03d}" for n in range(400, 450)]
    assert query.block(s, 450, 200) == []
    down = query.block(s, 0, 2, "name", descending=True)
    assert [r[1] for r in down] == ["HTX Nông nghiệp số 449", "HTX Nông nghiệp số 448"]
    every = [r for n in range(0, 450, 200) for r in query.block(s, n, 200)]
    assert every == query.all_rows(s)


def test_a_row_is_the_id_then_each_columns_value_and_its_shown_text(s: Session) -> None:
    import datetime as dt

    coop = cooperative(s, "HTX Chè", status="suspended", founded_on=dt.date(2024, 3, 5))
    query = lists.query(s, "cooperatives", Scope(HOME))
    (row,) = query.all_rows(s)
    assert row[0] == coop.id
    values = dict(zip((c.key for c in query.columns), row[1:], strict=True))
    assert values["founded"] == dt.date(2024, 3, 5)
    assert query.column("status").fmt(values["status"]) == "Tạm ngừng hoạt động"
    assert query.column("founded").fmt(values["founded"]) == "05/03/2024"


def test_bad_filters_name_the_filter(s: Session) -> None:
    with pytest.raises(BadFilter) as unknown:
        lists.query(s, "people", Scope(HOME), {"women_managed": True})
    assert unknown.value.field == "women_managed"
    assert str(unknown.value) == "Bộ lọc này không dùng cho danh sách này."
    with pytest.raises(BadFilter) as value:
        lists.query(s, "cooperatives", Scope(HOME), {"kind": "ABC"})
    assert (value.value.field, str(value.value)) == (
        "kind",
        "“ABC” không thuộc các giá trị: HTX, THT, LHHTX.",
    )
    with pytest.raises(BadFilter) as year:
        lists.query(s, "trainings", Scope(HOME), {"year": 20})
    assert year.value.field == "year"
    with pytest.raises(lists.UnknownList):
        lists.definition(s, "nonsense", Scope(HOME))


def test_sorting_by_a_sensitive_column_keeps_every_person_once(s: Session) -> None:
    from coopdesk.db.models import PersonSensitive

    for given, poverty in (("An", "poor"), ("Bình", None), ("Chi", "near_poor")):
        who = person(s, "Lò", "Thị", given)
        if poverty:
            s.add(PersonSensitive(unit_code=HOME, person_id=who.id, poverty_status=poverty))
    s.flush()
    query = lists.query(s, "people", Scope(HOME))
    place = 1 + [c.key for c in query.columns].index("poverty")
    rows = query.block(s, 0, 10, "poverty", descending=True)
    assert [(r[1], r[place]) for r in rows] == [
        ("Lò Thị An", "poor"),
        ("Lò Thị Chi", "near_poor"),
        ("Lò Thị Bình", None),
    ]
    assert query.count(s) == 3
