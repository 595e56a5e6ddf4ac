from __future__ import annotations

from coopdesk.db import models as m
from coopdesk.sync import envelope
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, Site, coop, person

COUNTRY = "VN"


def test_commune_to_province_and_back(make_site) -> None:
    a = make_site("a", COMMUNE_A)
    p = make_site("p", PROVINCE)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))
    a.add(m.Role, person_id=pid, cooperative_id=cid, role="director")

    report = p.receive(a.export(PROVINCE))
    assert not report.refused, report.message
    assert report.counts["new"] == 3
    assert p.get(m.Cooperative, cid).name == "HTX Hoa Ban"

    again = p.receive(a.export(PROVINCE))
    assert again.counts["new"] == 0

    p.edit(m.Cooperative, cid, name="HTX Hoa Ban Tân Phong")
    back = a.receive(p.export(COMMUNE_A))
    assert not back.refused, back.message
    assert back.counts["updated"] == 1
    assert a.get(m.Cooperative, cid).name == "HTX Hoa Ban Tân Phong"
    assert a.visible() == p.visible() | {
        k: v for k, v in a.visible().items() if k not in p.visible()
    }


def _sealed_leg(sender: Site, recipient: Site, bystander: Site) -> bytes:
    """A bundle from `sender` to `recipient`, checked sealed: signed by the sender, nothing
    personal in clear, and not readable by a third site that trusts the sender."""
    data = sender.export(recipient.unit)
    routing = envelope.routing_of(data)
    assert routing["sender"]["unit"] == sender.unit
    assert routing["recipient"] == {
        "unit": recipient.unit,
        "keys": [recipient.keys.key_id],
    }
    for clear in ("Nguyễn Thị Hoa".encode(), b"HTX Hoa Ban", b"records", b"replica"):
        assert clear not in data
    assert bystander.preview(data).reason == "recipient"
    return data


def test_commune_province_country_and_back_sealed(make_site) -> None:
    a, b = make_site("a", COMMUNE_A), make_site("b", COMMUNE_B)
    p, vn = make_site("p", PROVINCE), make_site("vn", COUNTRY)
    cid = a.add(m.Cooperative, **coop("HTX Hoa Ban"))
    pid = a.add(m.Person, **person("Hoa"))

    assert p.receive(_sealed_leg(a, p, b)).applied
    report = vn.receive(_sealed_leg(p, vn, a))
    assert report.applied and report.counts["new"] == 2
    assert vn.get(m.Person, pid).full_name == "Nguyễn Thị Hoa"

    vn.edit(m.Cooperative, cid, name="HTX Hoa Ban (đã sửa ở Trung ương)")
    assert p.receive(_sealed_leg(vn, p, a)).counts["updated"] == 1
    assert a.receive(_sealed_leg(p, a, b)).counts["updated"] == 1
    assert a.get(m.Cooperative, cid).name == "HTX Hoa Ban (đã sửa ở Trung ương)"
    for site in (p, vn):
        assert site.visible()["cooperatives"][cid] == a.visible()["cooperatives"][cid]
