"""Merging: conflicts, order, waiting parents, older bundles, undo, erasure, natural ids."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, text

from coopdesk.db import models as m
from coopdesk.services import records
from coopdesk.sync import conflicts, undo, versions
from coopdesk.sync.versions import Version
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, coop, person


def _sync(src, dst, to=None) -> None:
    report = dst.receive(src.export(to or dst.unit))
    assert not report.refused, report.message


def test_local_writes_are_stamped_once_per_transaction(make_site) -> None:
    a = make_site("a", COMMUNE_A)
    with a.session() as s:
        c1 = records.create(
            s, m.Cooperative, {"kind": "HTX", "name": "HTX Một", "unit_code": COMMUNE_A}, "Mai"
        )
        c2 = records.create(
            s, m.Cooperative, {"kind": "HTX", "name": "HTX Hai", "unit_code": COMMUNE_A}, "Mai"
        )
        records.update(s, c1, {"notes": "sửa trong cùng giao dịch"}, "Mai")
    v1, v2 = Version.parse(c1.version), Version.parse(c2.version)
    assert v1 == v2 and v1.counter == 1
    with a.session() as s:
        records.update(s, records.get_live(s, m.Cooperative, c1.id), {"name": "HTX Một Sửa"})
    v3 = Version.parse(a.get(m.Cooperative, c1.id).version)
    assert v3.counter == 2 and v3.dominates(v1)
    with a.session() as s:  # saving what is already there is no change: no new version
        records.update(s, records.get_live(s, m.Cooperative, c1.id), {"name": "HTX Một Sửa"})
    assert Version.parse(a.get(m.Cooperative, c1.id).version) == v3


def test_a_second_transaction_in_one_session_takes_a_new_counter(make_site) -> None:
    a = make_site("a", COMMUNE_A)
    with a.session() as s:
        first = records.create(
            s, m.Cooperative, {"kind": "HTX", "name": "HTX Một", "unit_code": COMMUNE_A}, "Mai"
        )
        s.commit()
        second = records.create(
            s, m.Cooperative, {"kind": "HTX", "name": "HTX Hai", "unit_code": COMMUNE_A}, "Mai"
        )
    counters = [Version.parse(o.version).counter for o in (first, second)]
    assert counters == [1, 2]


def test_deleted_then_created_again_is_the_same_record(make_site) -> None:
    p = make_site("p", PROVINCE)
    fields = {
        "target_unit_code": COMMUNE_A,
        "indicator_code": "new_jobs_women",
        "period": "2026",
        "unit_code": PROVINCE,
    }
    with p.session() as s:
        tid = records.create(s, m.Target, {**fields, "value": Decimal(5)}, "tỉnh").id
    with p.session() as s:
        records.delete(s, records.get_live(s, m.Target, tid), "tỉnh")
    with p.session() as s:
        again = records.create(s, m.Target, {**fields, "value": Decimal(7)}, "tỉnh")
        assert again.id == tid
    target = p.get(m.Target, tid)
    assert target.value == Decimal(7) and target.deleted_at is None
    assert Version.parse(target.version).counter == 3
    with p.session() as s:
        actions = [e.action for e in records.history(s, m.Target, tid)]
    assert actions == ["create", "delete", "create"]


def test_two_communes_to_province(make_site) -> None:
    a, b, p = make_site("a", COMMUNE_A), make_site("b", COMMUNE_B), make_site("p", PROVINCE)
    ca = a.add(m.Cooperative, **coop("HTX Tân Phong"))
    cb = b.add(m.Cooperative, **coop("HTX Bản Giang"))
    _sync(a, p)
    _sync(b, p)
    assert p.get(m.Cooperative, ca).unit_code == COMMUNE_A
    assert p.get(m.Cooperative, cb).unit_code == COMMUNE_B
    # the province sends commune A only what is commune A's (and its targets)
    p.add(
        m.Target,
        target_unit_code=COMMUNE_A,
        indicator_code="comm_events",
        period="2026",
        value=Decimal(3),
        unit_code=PROVINCE,
    )
    _sync(p, a)
    assert a.get(m.Cooperative, cb) is None
    with a.session() as s:
        assert s.scalar(select(m.Target.value)) == Decimal(3)


def test_correction_crossing_commune_edit(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    _sync(a, p)
    a.edit(m.Cooperative, cid, name="HTX Hoa Ban (xã sửa)", phone="0912")
    p.edit(m.Cooperative, cid, name="HTX Hoa Ban (tỉnh sửa)", address="Tân Phong")
    to_p, to_a = a.export(PROVINCE), p.export(COMMUNE_A)
    rp, ra = p.receive(to_p), a.receive(to_a)
    assert rp.counts["conflicts"] == 1 and ra.counts["conflicts"] == 1
    shown_a, shown_p = a.get(m.Cooperative, cid), p.get(m.Cooperative, cid)
    assert shown_a.name == shown_p.name and shown_a.version == shown_p.version
    with a.session() as s:
        [record] = conflicts.list_conflicts(s, COMMUNE_A)
    assert record.name == shown_a.name
    assert {"name", "phone", "address"} <= set(record.differing)
    assert len(record.versions) == 2 and record.versions[0].shown
    # combine: the province's name, the commune's phone
    prov = next(v for v in record.versions if "tỉnh" in v.data["name"])
    com = next(v for v in record.versions if "xã" in v.data["name"])
    with a.session() as s:
        conflicts.resolve_conflict(
            s,
            "cooperatives",
            cid,
            {
                "name": prov.data["name"],
                "phone": com.data["phone"],
                "address": prov.data["address"],
            },
            "Chị Lan",
        )
    _sync(a, p)
    for site in (a, p):
        got = site.get(m.Cooperative, cid)
        assert (got.name, got.phone, got.address) == ("HTX Hoa Ban (tỉnh sửa)", "0912", "Tân Phong")
        with site.session() as s:
            assert conflicts.list_conflicts(s) == []


def test_bundles_in_any_order_and_waiting_parent(make_site) -> None:
    a, p, p2 = make_site("a", COMMUNE_A), make_site("p", PROVINCE), make_site("p2", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    first = a.export(PROVINCE)
    _sync(a, p)
    _sync(p, a)  # the acknowledgement comes back
    rid = a.add(m.Role, person_id=pid, cooperative_id=cid, role="chair")
    second = a.export(PROVINCE)
    report = p2.receive(second)
    assert report.counts["waiting"] == 1 and report.counts["new"] == 0, report.to_json()
    assert p2.get(m.Role, rid) is None
    report = p2.receive(first)
    assert report.counts["new"] == 3, report.to_json()  # the person, the coop, and the role
    assert p2.get(m.Role, rid).role == "chair"


def test_older_bundle_never_rolls_back(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Một"))
    old = a.export(PROVINCE)
    a.edit(m.Cooperative, cid, name="HTX Một (mới)")
    new = a.export(PROVINCE)
    assert not p.receive(new).refused
    report = p.receive(old)
    assert report.counts["unchanged"] == 1
    assert p.get(m.Cooperative, cid).name == "HTX Một (mới)"


def test_same_bundle_twice_says_already_imported(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Một"))
    data = a.export(PROVINCE)
    p.receive(data)
    before = p.dump()
    again = p.receive(data)
    assert again.already_imported and not again.refused
    assert p.dump() == before


def _indexed(s) -> int:
    """How many people the search index holds (PostgreSQL's index is on `people` itself)."""
    table = "people_search" if s.get_bind().dialect.name == "sqlite" else "people"
    return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar())


def test_undo_whole_import_until_next_local_change(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Một"))
    _sync(a, p)
    a.edit(m.Cooperative, cid, name="HTX Một (sửa)")
    a.add(m.Person, **person("Lan"))
    before = p.dump()
    with p.session() as s:
        indexed = _indexed(s)
    report = p.receive(a.export(PROVINCE))
    with p.session() as s:
        undo.undo_import(s, report.import_id)

    # the import log, the counter that moved, and the audit log that says both happened; and
    # the search index's own storage (FTS5 keeps merged-away segments), checked by a search
    def kept(row: tuple) -> bool:
        return row[0] not in {"sync_imports", "sync_state", "audit_events"} and not str(
            row[0]
        ).startswith("people_search")

    after = [r for r in p.dump() if kept(r)]
    assert after == [r for r in before if kept(r)]
    with p.session() as s:
        assert _indexed(s) == indexed
    assert p.get(m.Cooperative, cid).name == "HTX Một"
    # imported again after the undo, then a local change: no more undo
    report = p.receive(a.export(PROVINCE))
    assert report.applied and report.counts["updated"] == 1
    p.add(m.Cooperative, **coop("HTX Tỉnh"))
    with p.session() as s:
        log = s.get(m.SyncImport, report.import_id)
        assert undo.undo_blocker(s, log)


def test_erasure_wins_everywhere(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    pid = a.add(m.Person, **person("Hoa"))
    _sync(a, p)
    a.edit(m.Person, pid, phone="0987")  # a concurrent edit at the commune
    with p.session() as s:
        conflicts.erase_person(s, pid, "tỉnh")
    _sync(p, a)
    _sync(a, p)
    for site in (a, p):
        got = site.get(m.Person, pid)
        assert got.redacted and got.full_name == "" and got.phone == ""
        with site.session() as s:
            assert conflicts.list_conflicts(s) == []


def test_unversioned_bulk_rows_get_versions(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with a.session() as s:
        s.execute(
            m.Cooperative.__table__.insert(),
            [
                {
                    "id": f"00000000-0000-4000-8000-00000000000{i}",
                    "unit_code": COMMUNE_A,
                    "created_at": m.utcnow(),
                    "updated_at": m.utcnow(),
                    "created_by": "demo",
                    "updated_by": "demo",
                    **coop(f"HTX {i}"),
                    "sort_key": "",
                    "registration_no": "",
                    "address": "",
                    "phone": "",
                    "products": "",
                    "ocop_product": "",
                    "status": "active",
                    "hoi_supported": False,
                    "founded_with_hoi_support": False,
                    "value_chain": False,
                    "traditional_craft": False,
                    "community_tourism": False,
                    "ecommerce": False,
                    "trademark": False,
                    "traceability": False,
                    "growing_area_code": "",
                    "notes": "",
                }
                for i in range(3)
            ],
        )
    report = p.receive(a.export(PROVINCE))
    assert report.counts["new"] == 3
    with a.session() as s:
        assert versions.stamp_unversioned(s) == 0


def test_catalogue_updates_go_down_only(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    with p.session() as s:
        s.add(
            m.Sector(
                code="coop_test_sector", name_vi="Du lịch cộng đồng", name_en="Community tourism"
            )
        )
    p.add(m.Cooperative, **coop("HTX Du lịch"), sector_code="coop_test_sector", unit_code=COMMUNE_A)
    report = a.receive(p.export(COMMUNE_A))
    assert not report.refused, report.message
    new = {(i.table, i.label) for i in report.items if i.outcome == "new"}
    assert ("sectors", "Du lịch cộng đồng") in new and ("cooperatives", "HTX Du lịch") in new
    assert a.get(m.Sector, "coop_test_sector").name_vi == "Du lịch cộng đồng"
    with a.session() as s:
        undo.undo_import(s, report.import_id)
    assert a.get(m.Sector, "coop_test_sector") is None
    # a commune may not send catalogues up
    from coopdesk.sync import canonical
    from tests.sync.forge import forge, seal_as, split

    header, body = split(a.export(PROVINCE))
    body["catalogues"] = {"sectors": [{"code": "x", "name_vi": "X", "name_en": "X"}]}
    refused = p.receive(seal_as(a, p, forge(header, canonical.dumps_bytes(body))))
    assert refused.refused and refused.reason == "scope"


def test_restored_database_is_a_new_replica(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Một"))
    _sync(a, p)
    _sync(p, a)
    with a.session() as s:
        old = versions.replica_id(s)
        versions.new_replica(s)  # what services.database.on_restored does after a restore
    a.edit(m.Cooperative, cid, name="HTX Một (sau khôi phục)")
    report = p.receive(a.export(PROVINCE))
    assert report.counts["updated"] == 1
    version = Version.parse(p.get(m.Cooperative, cid).version)
    assert version.by != old and dict(version.vv)[old] >= 1
    with p.session() as s:
        acks = {r for (r,) in s.execute(select(m.SyncAck.replica_id))}
    assert old not in acks  # the old replica's acknowledgement is retired


def test_sensitive_details_and_consents_stay_on_the_laptop(make_site) -> None:
    import datetime as dt

    from tests.sync.forge import split

    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    pid = a.add(m.Person, **person("Tươi", family="Lò"))
    a.add(
        m.Consent,
        person_id=pid,
        category="ethnicity",
        purpose="Báo cáo Đề án 01",
        recorded_by="Lò Thị Mai",
        given_on=dt.date(2026, 3, 1),
    )
    a.add(m.PersonSensitive, person_id=pid, ethnicity_code="17", poverty_status="poor")
    data = a.export(PROVINCE)
    tables = {r["t"] for r in split(data)[1]["records"]}
    assert "people" in tables
    assert not tables & {"person_sensitive", "consents"}
    _sync(a, p)
    assert p.get(m.Person, pid).given_name == "Tươi"
    with p.session() as s:
        assert s.scalars(select(m.PersonSensitive)).all() == []
        assert s.scalars(select(m.Consent)).all() == []
