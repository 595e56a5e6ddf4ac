"""People search served by the index (whole-word prefixes of names, phone digits), kept by
every write; pages read by key give the rows that offsets give, from either end."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.services import lists
from coopdesk.services.lists import Scope, paging
from tests.services.lists.data import HOME, OTHER, cooperative, person


@pytest.fixture
def s(engine: Engine) -> Iterator[Session]:
    with session_scope(engine) as session:
        yield session


def found(s: Session, typed: str) -> list[str]:
    query = lists.query(s, "people", Scope(HOME), search=typed)
    return [row[1] for row in query.all_rows(s)]


def test_search_matches_the_beginning_of_any_word_of_the_name(s: Session) -> None:
    person(s, "Nguyễn", "Thị", "Hoà")
    person(s, "Lò", "Thị", "Thuỷ")
    person(s, "Trần", "Văn", "Nguyên")
    assert found(s, "hoa") == ["Nguyễn Thị Hoà"]
    assert found(s, "th ng") == ["Nguyễn Thị Hoà"]  # every word typed begins a word
    assert found(s, "nguy") == ["Nguyễn Thị Hoà", "Trần Văn Nguyên"]  # by given name
    assert found(s, "uy") == []  # inside a word is not a match
    assert found(s, "thuy lo") == ["Lò Thị Thuỷ"]


def test_search_finds_a_phone_by_its_first_digits(s: Session) -> None:
    person(s, "Nguyễn", "Thị", "Hoà", phone="0912 345.678")
    person(s, "Lò", "Thị", "Ánh", phone="0388 111 222")
    assert found(s, "0912") == ["Nguyễn Thị Hoà"]
    assert found(s, "0912 34") == ["Nguyễn Thị Hoà"]
    assert found(s, "345") == []


def test_the_index_follows_edits_erasures_and_plain_sql(s: Session) -> None:
    hoa = person(s, "Nguyễn", "Thị", "Hoà")
    hoa.full_name, hoa.name_folded = "Nguyễn Thị Hồng", "nguyen thi hong"
    s.flush()
    assert found(s, "hoa") == [] and found(s, "hong") == ["Nguyễn Thị Hồng"]
    s.execute(text("UPDATE people SET phone = '0977000111' WHERE id = :id"), {"id": hoa.id})
    assert found(s, "0977") == ["Nguyễn Thị Hồng"]
    s.execute(text("DELETE FROM people WHERE id = :id"), {"id": hoa.id})
    assert found(s, "hong") == [] and found(s, "0977") == []


def _cooperatives(s: Session, n: int) -> lists.ListQuery:
    for i in range(n):
        cooperative(s, f"HTX số {i:03d}", registration_no=f"{i % 7}" if i % 3 else "")
    return lists.query(s, "cooperatives", Scope(HOME))


@pytest.mark.parametrize("sort_key", ["name", "registration"])
@pytest.mark.parametrize("descending", [False, True])
def test_pages_by_key_are_the_pages_by_offset(s: Session, sort_key: str, descending: bool) -> None:
    query = _cooperatives(s, 95)
    total = query.count(s)
    by_offset = [query.block(s, n, 10, sort_key, descending) for n in range(0, total, 10)]
    down, last = [], None
    for n in range(0, total, 10):
        got = paging.page(s, query, n, 10, sort_key, descending, after=last)
        down.append(got.rows)
        last = got.last_key
    assert down == by_offset
    up, first = [], None
    for n in reversed(range(0, total, 10)):
        got = paging.page(s, query, n, 10, sort_key, descending, before=first, total=total)
        up.insert(0, got.rows)
        first = got.first_key
    assert up == by_offset


def test_the_end_of_the_list_is_read_from_the_end(s: Session) -> None:
    query = _cooperatives(s, 45)
    end = paging.page(s, query, 40, 10, total=45)
    assert [r[1] for r in end.rows] == [f"HTX số {i:03d}" for i in range(40, 45)]


def test_a_first_count_stops_at_its_cap(s: Session) -> None:
    query = _cooperatives(s, 30)
    assert query.count_upto(s, 10) == 10
    assert query.count_upto(s, 100) == query.count(s) == 30


@pytest.mark.parametrize("narrow_at", [0, 8000])
def test_both_ways_of_reading_a_search_give_the_same_people(
    s: Session, monkeypatch: pytest.MonkeyPatch, narrow_at: int
) -> None:
    """Few matches are read from the search index first, many by walking the list's order:
    the officer sees the same people, deleted ones left out, in the same order, either way."""
    monkeypatch.setattr(sys.modules["coopdesk.services.lists.query"], "NARROW_SEARCH", narrow_at)
    for given in ("Hoà", "Hoa", "Hoài", "Lan"):
        person(s, "Nguyễn", "Thị", given)
    gone = person(s, "Trần", "Thị", "Hoa")
    gone.deleted_at = gone.created_at
    s.flush()
    query = lists.query(s, "people", Scope(HOME), search="hoa")
    shown = [row[1] for row in query.all_rows(s)]
    assert shown == ["Nguyễn Thị Hoa", "Nguyễn Thị Hoà", "Nguyễn Thị Hoài"]
    assert query.count(s) == 3
    assert query.count_upto(s, 2) == 2 and query.count_upto(s, 10) == 3
    assert (query.rows(s) is query.filtered) == (narrow_at == 0)


@pytest.mark.parametrize("narrow_at", [0, 8000])
def test_a_first_count_of_a_search_keeps_to_the_scope(
    s: Session, monkeypatch: pytest.MonkeyPatch, narrow_at: int
) -> None:
    """Walked from the index (many match) or read among its ids (few), the first count leaves
    out another commune's people, the deleted and those the filters leave out."""
    monkeypatch.setattr(sys.modules["coopdesk.services.lists.query"], "NARROW_SEARCH", narrow_at)
    for given in ("Hoa", "Hoà", "Hoài"):
        person(s, "Lò", "Thị", given)
    person(s, "Lò", "Văn", "Hoàng", gender="M")
    person(s, "Lò", "Thị", "Hoa", unit_code=OTHER)
    gone = person(s, "Lò", "Thị", "Hoan")
    gone.deleted_at = gone.created_at
    s.flush()
    query = lists.query(s, "people", Scope(HOME), {"gender": "F"}, "lo ho")
    assert query.count_upto(s, 100) == query.count(s) == 3
    assert query.count_upto(s, 2) == 2
    province = lists.query(s, "people", Scope("12", subtree=True), {}, "lo ho")
    assert province.count_upto(s, 100) == province.count(s) == 5
