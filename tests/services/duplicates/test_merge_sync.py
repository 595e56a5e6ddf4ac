"""A merge travels in bundles: made at the commune, it reaches the province; what the province
wrote meanwhile on the merged record (a correction, a role) ends on the kept one at both ends,
with no conflict left; and a merge undone at the province is undone at the commune too."""

from __future__ import annotations

from sqlalchemy import select

from coopdesk.db.models import DuplicateMerge, Person, Role, SyncConflict
from coopdesk.services import records, settings
from coopdesk.services.duplicates import merge as merges
from coopdesk.sync import undo
from tests.services.duplicates.merge_data import OFFICER, two_hoas
from tests.sync.helpers import COMMUNE_A, PROVINCE

SHARED = ("people", "roles", "participations", "support", "cooperatives", "duplicate_merges")


def _site(make_site, name: str, unit: str, role: str):
    site = make_site(name, unit)
    with site.session() as s:
        settings.save_installation(
            s, settings.Installation(unit_code=unit, role=role, officer=OFFICER)
        )
    return site


def _receive(src, dst) -> None:
    report = dst.receive(src.export(dst.unit))
    assert not report.refused, report.message


def _live_roles(site, person_id: str) -> set[tuple[str, str]]:
    with site.session() as s:
        rows = s.scalars(select(Role).where(Role.person_id == person_id, Role.deleted_at.is_(None)))
        return {(r.cooperative_id, r.role) for r in rows}


def _shared(site) -> dict:
    return {t: rows for t, rows in site.visible().items() if t in SHARED}


def test_a_correction_made_elsewhere_after_the_merge_ends_on_the_kept_record(make_site) -> None:
    commune = _site(make_site, "a", COMMUNE_A, "commune")
    province = _site(make_site, "p", PROVINCE, "aggregator")
    with commune.session() as s:
        pair, made = two_hoas(s)
    _receive(commune, province)
    with commune.session() as s:
        merges.merge(s, "people", pair.kept, pair.other, OFFICER)
    with province.session() as s:  # not knowing of the merge yet
        other = s.get(Person, pair.other)
        records.update(s, other, {"address": "Bản Na Nọi"}, "Lan")
        role = {"person_id": pair.other, "cooperative_id": made["che"], "role": "member"}
        records.create(s, Role, role, "Lan")
    _receive(commune, province)
    _receive(province, commune)
    for site in (commune, province):
        with site.session() as s:
            assert s.get(Person, pair.other).deleted_at is not None, site.name
            kept = s.get(Person, pair.kept)
            assert kept.deleted_at is None and kept.address == "Bản Na Nọi", site.name
            assert s.scalars(select(SyncConflict)).all() == [], site.name
            assert merges.merged_into(s, "people", pair.other).kept_id == pair.kept
        assert _live_roles(site, pair.other) == set()
        assert _live_roles(site, pair.kept) == {
            (made["che"], "chair"),
            (made["lua"], "member"),
            (made["che"], "member"),
        }
    _receive(commune, province)
    assert _shared(commune) == _shared(province)


def test_a_merge_undone_at_the_province_is_undone_at_the_commune(make_site) -> None:
    commune = _site(make_site, "a", COMMUNE_A, "commune")
    province = _site(make_site, "p", PROVINCE, "aggregator")
    with commune.session() as s:
        pair, made = two_hoas(s)
        merge_id = merges.merge(s, "people", pair.kept, pair.other, OFFICER).id
    _receive(commune, province)
    with province.session() as s:
        assert s.get(Person, pair.other).deleted_at is not None
        merges.unmerge(s, merge_id, "Lan")
    _receive(province, commune)
    with commune.session() as s:
        assert s.get(Person, pair.other).deleted_at is None
        assert s.get(DuplicateMerge, merge_id).undone_at is not None
        assert s.scalars(select(SyncConflict)).all() == []
    assert _live_roles(commune, pair.other) == {(made["lua"], "member")}
    assert _live_roles(commune, pair.kept) == {(made["che"], "chair")}


def test_undoing_the_import_undoes_what_settling_it_changed(make_site) -> None:
    commune = _site(make_site, "a", COMMUNE_A, "commune")
    province = _site(make_site, "p", PROVINCE, "aggregator")
    with commune.session() as s:
        pair, made = two_hoas(s)
    _receive(commune, province)
    with commune.session() as s:
        merges.merge(s, "people", pair.kept, pair.other, OFFICER)
    with province.session() as s:
        records.update(s, s.get(Person, pair.other), {"address": "Bản Na Nọi"}, "Lan")
        role = {"person_id": pair.other, "cooperative_id": made["che"], "role": "member"}
        records.create(s, Role, role, "Lan")
    before = _shared(province)
    report = province.receive(commune.export(PROVINCE))
    with province.session() as s:
        assert s.get(Person, pair.kept).address == "Bản Na Nọi"  # settled
        undo.undo_import(s, report.import_id)
    assert _shared(province) == before
