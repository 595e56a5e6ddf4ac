"""The national level: the country's office (unit VN) is above every province."""

from __future__ import annotations

from decimal import Decimal

from coopdesk.db import models as m
from coopdesk.services import lists, reporting
from coopdesk.sync import scope
from tests.sync.helpers import COMMUNE_A, PROVINCE, coop, person

COUNTRY = "VN"


def _national_target() -> dict[str, object]:
    return {
        "target_unit_code": COUNTRY,
        "indicator_code": "new_jobs_women",
        "period": "2026",
        "value": Decimal(5000),
        "unit_code": COUNTRY,
    }


def test_every_province_is_below_the_country(engine) -> None:
    from coopdesk.db.engine import session_scope

    with session_scope(engine) as s:
        tree = scope.UnitTree.load(s)
    provinces = tree.children(COUNTRY)
    assert len(provinces) == 34 and PROVINCE in provinces
    assert tree.within(COMMUNE_A, COUNTRY)
    assert tree.ancestors(COMMUNE_A) == [PROVINCE, COUNTRY]


def test_commune_province_country_and_back_down(make_site) -> None:
    a = make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    vn = make_site("vn", COUNTRY)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    own = p.add(m.Cooperative, **coop("Liên hiệp HTX Lai Châu"))

    assert not p.receive(a.export(PROVINCE)).refused
    up = p.export(COUNTRY)
    report = vn.receive(up)
    assert not report.refused, report.message
    assert report.counts["new"] == 3  # the commune's two records and the province's own
    assert vn.get(m.Cooperative, cid).name == "HTX Hoa Ban"
    assert vn.get(m.Cooperative, own).unit_code == PROVINCE

    tid = vn.add(m.Target, **_national_target())
    with vn.session() as s:
        s.add(m.Sector(code="ocop", name_vi="Sản phẩm OCOP", name_en="OCOP products"))
    down = p.receive(vn.export(PROVINCE))
    assert not down.refused, down.message
    assert p.get(m.Target, tid).value == Decimal(5000)
    assert p.get(m.Sector, "ocop").name_vi == "Sản phẩm OCOP"

    commune = a.receive(p.export(COMMUNE_A))
    assert not commune.refused, commune.message
    assert a.get(m.Target, tid).value == Decimal(5000)
    assert a.get(m.Sector, "ocop").name_en == "OCOP products"
    assert a.get(m.Person, pid) is not None


def test_the_country_lists_everyone_and_sees_who_has_reported(make_site) -> None:
    a, p, vn = make_site("a", COMMUNE_A), make_site("p", PROVINCE), make_site("vn", COUNTRY)
    a.add(m.Person, **person("Hoa"))
    p.add(m.Person, **person("Lan", family="Trần"))
    assert not p.receive(a.export(PROVINCE)).refused
    assert not vn.receive(p.export(COUNTRY)).refused
    with vn.session() as s:
        query = lists.definition(s, "people", lists.Scope(COUNTRY, subtree=True)).query()
        names = sorted(row[1] for row in query.all_rows(s))
        assert query.count(s) == 2
        overview = reporting.who_has_reported(s, COUNTRY, 2026)
    assert names == ["Nguyễn Thị Hoa", "Trần Thị Lan"]
    statuses = {row.unit_code: row.status for row in overview.units}
    assert len(statuses) == 34
    assert statuses[PROVINCE] != statuses["01"]


def test_a_province_does_not_send_the_country_another_provinces_records(make_site) -> None:
    p = make_site("p", PROVINCE)
    other = p.add(m.Cooperative, **coop("HTX Hà Nội"), unit_code="01")
    vn = make_site("vn", COUNTRY)
    report = vn.receive(p.export(COUNTRY))
    assert vn.get(m.Cooperative, other) is None
    assert report.counts["new"] == 0
