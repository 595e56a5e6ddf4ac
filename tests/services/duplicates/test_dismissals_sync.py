"""A pair said to be different travels in the commune's bundle: the province does not flag it
again, and the same pair dismissed at both ends is one record (its natural id)."""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.db.models import DuplicateDismissal
from coopdesk.services import people
from coopdesk.services.duplicates import mark_not_duplicate, people_like
from tests.sync.helpers import COMMUNE_A, PROVINCE

HOA = {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985}


def _two_namesakes(site) -> tuple[str, str]:
    with site.session() as s:
        ids = [
            people.create_person(
                s, "Nguyễn Thị Hoa", actor="Mai", birth_year=1985, unit_code=COMMUNE_A
            ).id
            for _n in range(2)
        ]
    return ids[0], ids[1]


def _receive(src, dst) -> None:
    report = dst.receive(src.export(dst.unit))
    assert not report.refused, report.message


def test_a_dismissed_pair_is_not_flagged_at_the_province_either(make_site) -> None:
    commune, province = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    first, second = _two_namesakes(commune)
    _receive(commune, province)
    with province.session() as s:
        assert [d.record_id for d in people_like(s, HOA, exclude_id=second)] == [first]
    with commune.session() as s:
        mark_not_duplicate(s, "people", second, first, "Mai")
    _receive(commune, province)
    with province.session() as s:
        assert people_like(s, HOA, exclude_id=second) == []
        mark_not_duplicate(s, "people", first, second, "Lan")  # said again there: no change
        assert len(s.scalars(select(DuplicateDismissal)).all()) == 1


def test_the_same_pair_dismissed_at_both_ends_is_one_record(make_site) -> None:
    commune, province = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    first, second = _two_namesakes(commune)
    _receive(commune, province)
    with province.session() as s:
        mark_not_duplicate(s, "people", first, second, "Lan")
    with commune.session() as s:
        mark_not_duplicate(s, "people", second, first, "Mai")
    _receive(commune, province)
    with province.session() as s:
        kept = s.scalars(select(DuplicateDismissal)).all()
        assert len(kept) == 1 and kept[0].deleted_at is None
        assert people_like(s, HOA, exclude_id=first) == []
