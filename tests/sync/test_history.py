"""A record's History says where a change came from: typed here, or which bundle brought it."""

from __future__ import annotations

from coopdesk.db import models as m
from coopdesk.services import records
from coopdesk.sync import conflicts, undo
from tests.sync.helpers import COMMUNE_A, PROVINCE, person

OFFICER = "Lò Thị Mai"


def _history(site, record_id: str) -> list[records.HistoryEntry]:
    with site.session() as s:
        return records.history(s, m.Cooperative, record_id)


def _create(site, name: str) -> str:
    with site.session() as s:
        data = {"kind": "HTX", "name": name, "unit_code": COMMUNE_A}
        return records.create(s, m.Cooperative, data, OFFICER).id


def _rename(site, record_id: str, name: str, actor: str = OFFICER) -> None:
    with site.session() as s:
        records.update(s, records.get_live(s, m.Cooperative, record_id), {"name": name}, actor)


def test_imported_changes_name_their_bundle_and_sender(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = _create(a, "HTX Hoa Ban")
    assert p.receive(a.export(PROVINCE)).applied
    _rename(a, cid, "HTX Hoa Ban Tân Phong")
    assert p.receive(a.export(PROVINCE)).applied
    latest, first = _history(p, cid)
    assert (first.action, first.source) == ("import", "nhập từ gói số 1 của Phường Tân Phong")
    assert latest.source == "nhập từ gói số 2 của Phường Tân Phong"
    assert latest.actor == OFFICER  # who made the change at the commune
    names = [(c.before, c.after) for c in latest.changes if c.field == "name"]
    assert names == [("HTX Hoa Ban", "HTX Hoa Ban Tân Phong")]
    assert [e.source for e in _history(a, cid)] == ["", ""]  # typed at the commune


def test_undoing_an_import_is_in_the_history(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = _create(a, "HTX Hoa Ban")
    p.receive(a.export(PROVINCE))
    _rename(a, cid, "HTX Hoa Ban Tân Phong")
    second = p.receive(a.export(PROVINCE))
    with p.session() as s:
        undo.undo_import(s, second.import_id)
    undone = _history(p, cid)[0]
    assert (undone.action, undone.source) == (
        "undo-import",
        "hoàn tác việc nhập gói số 2 của Phường Tân Phong",
    )
    names = [(c.before, c.after) for c in undone.changes if c.field == "name"]
    assert names == [("HTX Hoa Ban Tân Phong", "HTX Hoa Ban")]


def test_undoing_the_import_that_brought_a_record(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = _create(a, "HTX Hoa Ban")
    first = p.receive(a.export(PROVINCE))
    with p.session() as s:
        undo.undo_import(s, first.import_id)
    assert p.get(m.Cooperative, cid) is None
    gone, brought = _history(p, cid)
    assert gone.source == "hoàn tác việc nhập gói số 1 của Phường Tân Phong"
    assert [c.before for c in gone.changes if c.field == "name"] == ["HTX Hoa Ban"]
    assert [c.after for c in brought.changes if c.field == "name"] == ["HTX Hoa Ban"]


def test_a_resolved_conflict_reads_back(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    cid = _create(a, "HTX Hoa Ban")
    p.receive(a.export(PROVINCE))
    _rename(a, cid, "HTX Hoa Ban (xã)")
    _rename(p, cid, "HTX Hoa Ban (tỉnh)", "Cán bộ tỉnh")
    p.receive(a.export(PROVINCE))
    with p.session() as s:
        conflicts.resolve_conflict(s, "cooperatives", cid, {"name": "HTX Hoa Ban"}, "Cán bộ tỉnh")
    resolved = _history(p, cid)[0]
    assert (resolved.action, resolved.actor) == ("resolve", "Cán bộ tỉnh")
    assert [c.after for c in resolved.changes if c.field == "name"] == ["HTX Hoa Ban"]


def test_an_erasure_that_arrives_leaves_no_name_in_the_audit_log(make_site) -> None:
    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    pid = a.add(m.Person, **person("Hoa"), phone="0912 345 678")
    p.receive(a.export(PROVINCE))
    with p.session() as s:
        texts = [f"{e.before}{e.after}" for e in s.query(m.AuditEvent).filter_by(entity_id=pid)]
    assert any("Hoa" in t for t in texts)  # the import was audited with her details
    with a.session() as s:
        conflicts.erase_person(s, pid, "xã")
    assert p.receive(a.export(PROVINCE)).applied
    with p.session() as s:
        events = s.query(m.AuditEvent).filter_by(entity="people", entity_id=pid).all()
        texts = [f"{e.before}{e.after}" for e in events]
    assert len(events) == 2
    assert not any("Hoa" in t or "0912" in t for t in texts), texts
    assert _history_of_person(p, pid)[0].source == "nhập từ gói số 2 của Phường Tân Phong"


def _history_of_person(site, record_id: str) -> list[records.HistoryEntry]:
    with site.session() as s:
        return records.history(s, m.Person, record_id)


def _traces(site, *needles: str) -> list[str]:
    """Where any of `needles` is still written: audit events, import undo logs, other versions."""
    found = []
    with site.session() as s:
        for e in s.query(m.AuditEvent):
            found += [f"audit {e.id}" for n in needles if n in f"{e.before}{e.after}"]
        for log in s.query(m.SyncImport):
            found += [f"undo log {log.id}" for n in needles if n in (log.undo or "")]
        for model in (m.SyncConflict, m.SyncPending):
            for row in s.query(model):
                found += [
                    f"{model.__tablename__} {row.record_id}" for n in needles if n in row.data
                ]
    return found


def test_an_erased_person_is_forgotten_in_the_undo_logs_and_stays_erased_after_an_undo(
    make_site,
) -> None:
    from coopdesk.services import people

    a, p = make_site("a", COMMUNE_A), make_site("p", PROVINCE)
    pid = a.add(m.Person, **person("Hoa"), phone="0912 345 678")
    p.receive(a.export(PROVINCE))
    with p.session() as s:  # the province corrects her phone: the commune's undo log keeps it
        records.update(s, records.get_live(s, m.Person, pid), {"phone": "0987 654 321"}, "tỉnh")
    a.receive(p.export(COMMUNE_A))
    assert _traces(a, "0912 345 678") and _traces(p, "0987 654 321")
    with a.session() as s:
        people.erase_person(s, records.get_live(s, m.Person, pid), "xã")
    assert _traces(a, "Hoa", "0912 345 678", "0987 654 321") == []  # at the erasing site
    brought = p.receive(a.export(PROVINCE))
    assert brought.applied
    assert _traces(p, "Hoa", "0912 345 678", "0987 654 321") == []  # and where it arrives
    with p.session() as s:
        undo.undo_import(s, brought.import_id)
    erased = p.get(m.Person, pid)
    assert erased is not None and erased.full_name == people.ERASED_NAME  # the erasure stays
