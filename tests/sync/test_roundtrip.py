from __future__ import annotations

from coopdesk.db import models as m
from tests.sync.helpers import COMMUNE_A, COMMUNE_B, PROVINCE, coop, person


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
    _ = COMMUNE_B
