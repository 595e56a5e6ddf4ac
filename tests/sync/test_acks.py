"""Acknowledgements speak only for the sender's own databases (issue 12 item 5): a trusted
computer that claims to be another one's replica, to say that the province already holds a
laptop's edits, is refused, and the laptop's next export still carries them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from coopdesk.db import models as m
from coopdesk.sync import canonical, versions
from tests.sync.forge import forge, seal_as, split
from tests.sync.helpers import COMMUNE_A, PROVINCE, Site, coop


def replica_of(site: Site) -> str:
    with site.session() as s:
        return versions.replica_id(s)


def counter_of(site: Site) -> int:
    with site.session() as s:
        return versions.current_counter(s)


def names(site: Site) -> set[str]:
    with site.session() as s:
        return set(s.scalars(select(m.Cooperative.name)))


def forged_ack(by: Site, to: Site, speaking_for: Site) -> bytes:
    """A bundle by `by` (a trusted computer of the province) to `to`, claiming to be
    `speaking_for`'s replica and that it holds everything `to` has made."""
    header, body = split(by.export(to.unit))
    header["sender"] = {**header["sender"], "replica": replica_of(speaking_for)}
    header["seq"] = 7  # a number that replica has not used with `to` (not a copied database)
    knowledge: dict[str, Any] = body["knowledge"]
    units = sorted({u for per_unit in knowledge.values() for u in per_unit} | {to.unit})
    knowledge[replica_of(to)] = dict.fromkeys(units, counter_of(to))
    return seal_as(by, to, forge(header, canonical.dumps_bytes(body)))


def test_a_forged_acknowledgement_does_not_stop_a_laptops_edits(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    p2 = make_site("p2", PROVINCE)  # a second computer of the province, trusted by Tân Phong
    a.add(m.Cooperative, **coop("HTX Đã Gửi"))
    assert p.receive(a.export(PROVINCE)).applied
    assert a.receive(p.export(COMMUNE_A)).applied  # the province's acknowledgement
    a.add(m.Cooperative, **coop("HTX Chưa Gửi"))

    before = a.dump()
    forged = forged_ack(p2, a, speaking_for=p)
    for report in (a.preview(forged), a.receive(forged)):
        assert report.refused and report.reason == "ack_scope", report.to_json()
    assert "nói thay cho một cơ sở dữ liệu mà một máy khác đang gửi đi" in report.message
    assert "Lai Châu (12)" in report.message
    assert a.dump() == before

    # the laptop's next bundle still carries the edit, and the province gets it
    assert p.receive(a.export(PROVINCE)).applied
    assert "HTX Chưa Gửi" in names(p)


def test_a_computer_speaks_for_its_own_replica_again(make_site) -> None:
    """The same computer's later bundles (its own replica, its own keys) are taken as usual,
    so its acknowledgement moves on and the next export is a delta."""
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    a.add(m.Cooperative, **coop("HTX Một"))
    assert p.receive(a.export(PROVINCE)).applied
    assert a.receive(p.export(COMMUNE_A)).applied
    assert a.receive(p.export(COMMUNE_A)).applied
    header, body = split(a.export(PROVINCE))
    assert header["scope"] == "delta" and body["records"] == []
