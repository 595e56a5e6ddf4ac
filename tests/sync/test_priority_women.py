"""Priority women (issue 12 item 8): the sensitive details stay in the commune; the counts per
cooperative and group travel up instead, so the province's indicator on priority women adds up
its communes, and follows a withdrawn consent and an erasure."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopdesk.db import models as m
from coopdesk.domain.priority_women import GROUPS, groups_of, validate_count
from coopdesk.domain.validation import problems_for_table
from coopdesk.services import people, priority_women, records
from coopdesk.services import sync as sync_service
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE

PURPOSE = "Hỗ trợ sinh kế cho phụ nữ hộ nghèo"


def test_the_groups_a_womans_details_put_her_in() -> None:
    assert groups_of({"ethnicity_code": "01", "poverty_status": None}) == []  # Kinh
    assert groups_of({"ethnicity_code": "03", "poverty_status": "near_poor",
                      "disability": True, "violence_victim": False}) == [
        "ethnic_minority", "near_poor", "disability"]  # fmt: skip
    assert list(GROUPS)[:3] == ["ethnic_minority", "poor", "near_poor"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"group": "ZZZ", "women": 3}, "group"),
        ({"group": "poor", "women": -1}, "women"),
        ({"group": "poor", "women": "3"}, "women"),
        ({"group": "poor", "women": 10**12}, "women"),
        ({"women": 2}, "group"),
    ],
)
def test_a_count_from_a_bundle_is_checked_like_any_record(data: dict, field: str) -> None:
    problems = problems_for_table("priority_counts", data)
    assert field in [p.field for p in problems] and problems == validate_count(data)


def _woman(site, name: str, details: dict, coop: str | None = None) -> str:
    with site.session() as s:
        person = people.create_person(s, name, actor="Mai", unit_code=site.unit)
        for category in ("ethnicity", "poverty", "disability"):
            people.record_consent(s, person, category, PURPOSE, recorded_by="Mai", actor="Mai")
        people.set_sensitive(s, person, details, "Mai")
        if coop:
            records.create(s, m.Role, {"person_id": person.id, "cooperative_id": coop,
                                       "role": "member", "unit_code": site.unit}, "Mai")  # fmt: skip
        return person.id


def _send_up(site, out: Path) -> bytes:
    with site.session() as s:
        me = sync_service.Me(site.unit, aggregator=False, officer="Mai")
        return sync_service.export_bundle(s, to=PROVINCE, out=out, me=me).path.read_bytes()


def _indicator(site, unit: str | None) -> dict[str, int]:
    with site.session() as s:
        return priority_women.priority_women(s, unit, held_here=site.unit).by_group


def test_the_counts_travel_up_and_the_details_do_not(make_site, tmp_path: Path) -> None:
    a, b, p = make_site("a", COMMUNE_A), make_site("b", COMMUNE_B), make_site("p", PROVINCE)
    with a.session() as s:
        coop = records.create(s, m.Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX",
                                                 "unit_code": COMMUNE_A}, "Mai").id  # fmt: skip
    hoa = _woman(a, "Lò Thị Hoa", {"ethnicity_code": "03", "poverty_status": "poor"}, coop)
    _woman(a, "Tòng Thị Lan", {"ethnicity_code": "03"})
    _woman(b, "Nguyễn Thị Mai", {"ethnicity_code": "01", "disability": True})
    assert _indicator(a, COMMUNE_A)["ethnic_minority"] == 2  # counted where the details are
    for site in (a, b):
        assert p.receive(_send_up(site, tmp_path / f"{site.unit}.bundle")).applied
    held = p.visible()
    assert not held["person_sensitive"] and not held["consents"]
    province = _indicator(p, PROVINCE)
    assert (province["ethnic_minority"], province["poor"], province["disability"]) == (2, 1, 1)
    assert _indicator(p, COMMUNE_B)["ethnic_minority"] == 0
    per_coop = {(r["cooperative_id"], r["group"]): r["women"]
                for r in held["priority_counts"].values() if r["cooperative_id"]}  # fmt: skip
    assert per_coop == {(coop, "ethnic_minority"): 1, (coop, "poor"): 1}

    with a.session() as s:  # Hoa withdraws her poverty consent: the detail goes, then the count
        consent = next(c for c in people.consents_of(s, s.get(m.Person, hoa))
                       if people.sensitive_store.consent_values(s, c)["category"] == "poverty")  # fmt: skip
        people.withdraw_consent(s, consent, actor="Mai")
    assert p.receive(_send_up(a, tmp_path / "second.bundle")).applied
    assert _indicator(p, PROVINCE)["poor"] == 0
    with a.session() as s:
        people.erase_person(s, s.get(m.Person, hoa), "Mai")
    assert p.receive(_send_up(a, tmp_path / "third.bundle")).applied
    assert _indicator(p, PROVINCE)["ethnic_minority"] == 1
