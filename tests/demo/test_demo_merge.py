"""Commune demos of different communes merge into their province; demo people have phones.

The province office is an empty installation holding only its own plan, written as the
province demo writes it (`demo.plans.write_office_plan`). Three commune demos of Lai Châu send
it their bundles, sealed and signed as every bundle is, and it sends each one its bundle back.
03434 and 03439 are a pair whose plans once drew the same ids (from the writer's counter), so
the second one's bundle was refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coopdesk.db.engine import open_database, session_scope
from coopdesk.db.models import Assignment, Person, Plan, Target, Unit
from coopdesk.demo import generate
from coopdesk.demo.plans import office_replica, write_office_plan
from coopdesk.demo.setup import install
from coopdesk.demo.writer import Writer
from coopdesk.services import lists, units
from coopdesk.services.lists import Scope
from coopdesk.sync import exporter, importer, trust, versions
from coopdesk.sync.import_report import ImportReport
from coopdesk.sync.scope import SENSITIVE_TABLES
from tests.sync_keys import make_identity, register_each_other

SEED = 2023
PROVINCE = "12"
COMMUNES = ("03408", "03434", "03439")
NOW = dt.datetime(2026, 11, 20, 9, 0)


@dataclass
class Merged:
    engines: dict[str, Engine]
    up: dict[str, ImportReport] = field(default_factory=dict)  # commune → its import here
    down: dict[str, ImportReport] = field(default_factory=dict)  # the province's, at each


def _send(merged: Merged, sender: str, recipient: str) -> ImportReport:
    with session_scope(merged.engines[sender]) as s:
        data = exporter.build(s, my_unit=sender, recipient_unit=recipient, now=NOW).data
    with session_scope(merged.engines[recipient]) as s:
        return importer.import_bundle(s, data, my_unit=recipient, apply=True, now=NOW)


def _province_office(data_dir: Path) -> Engine:
    engine = open_database(data_dir)
    with session_scope(engine) as s:
        units.ensure_catalogues(s)
        province = s.get(Unit, PROVINCE)
        assert province is not None
        install(s, province, "aggregator", "Lò Thị Mai", "Chủ tịch Hội LHPN tỉnh Lai Châu")
        w = Writer(s.connection(), SEED, None)
        write_office_plan(s, w, SEED, PROVINCE, "tỉnh Lai Châu")
        w.flush()
    return engine


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Merged]:
    root = tmp_path_factory.mktemp("merge")
    engines = {PROVINCE: _province_office(root / PROVINCE)}
    for code in COMMUNES:
        engines[code] = open_database(root / code)
        generate(engines[code], "commune", SEED, code)
    for engine in engines.values():
        make_identity(engine)
    register_each_other([(engine, code) for code, engine in engines.items()])
    result = Merged(engines)
    for code in COMMUNES:
        result.up[code] = _send(result, code, PROVINCE)
    for code in COMMUNES:
        result.down[code] = _send(result, PROVINCE, code)
    yield result
    trust.forget_unlocked()
    for engine in engines.values():
        engine.dispose()


def _ids(engine: Engine) -> dict[str, set[str]]:
    """Every synced record's id, by table."""
    with engine.connect() as conn:
        return {
            table.name: set(conn.execute(select(table.c.id)).scalars())
            for table in versions.synced_tables()
        }


def _office_records(s: Session) -> set[tuple[str, str, str | None]]:
    """(table, id, version) of the province's plan, targets and assignments."""
    out: set[tuple[str, str, str | None]] = set()
    for model in (Plan, Target, Assignment):
        rows = s.execute(select(model.id, model.version).where(model.unit_code == PROVINCE))
        out |= {(model.__tablename__, record_id, version) for record_id, version in rows}
    return out


def test_commune_demos_merge_into_their_province_without_conflicts(merged: Merged) -> None:
    for code, report in merged.up.items():
        assert not report.refused, (code, report.message)
        assert report.counts["conflicts"] == report.counts["refused"] == 0, code
        assert report.counts["new"] > 800, code
    held = _ids(merged.engines[PROVINCE])
    sent: dict[str, set[str]] = {name: set() for name in held}
    for code in COMMUNES:
        for name, ids in _ids(merged.engines[code]).items():
            sent[name] |= ids
    for name in SENSITIVE_TABLES:  # only another computer of the commune gets these
        assert sent.pop(name) and not held.pop(name)
    # Every record of every commune arrived, and the province's plan is the one it holds.
    assert {n: len(ids) for n, ids in held.items()} == {n: len(ids) for n, ids in sent.items()}
    assert held == sent
    with session_scope(merged.engines[PROVINCE]) as s:
        plans = Counter(s.scalars(select(Plan.unit_code)))
    assert plans == {PROVINCE: 1, **dict.fromkeys(COMMUNES, 1)}


def test_the_province_plan_reaches_each_commune_as_it_already_holds_it(merged: Merged) -> None:
    with session_scope(merged.engines[PROVINCE]) as s:
        office = _office_records(s)
    assert Counter(table for table, _id, _v in office) == {
        "plans": 1,
        "targets": 2,
        "assignments": 9,
    }
    replica = office_replica(SEED, PROVINCE)
    for _table, _id, version in office:
        parsed = versions.Version.parse(version)
        assert parsed is not None and parsed.vector == {replica: 1}
    for code in COMMUNES:
        report = merged.down[code]
        assert not report.refused, (code, report.message)
        assert report.counts["conflicts"] == report.counts["refused"] == 0, code
        assert report.counts["new"] == report.counts["updated"] == 0, code
        with session_scope(merged.engines[code]) as s:
            assert _office_records(s) == office, code
            assert len(list(s.scalars(select(Plan.id).where(Plan.unit_code == PROVINCE)))) == 1


PHONE = re.compile(r"0[35789]\d{8}")
# "0912345678", "0912 345 678", "091 234 5678", "0912.345.678", "091.234.5678"
SHAPES = {
    r"\d{10}",
    r"\d{4} \d{3} \d{3}",
    r"\d{3} \d{3} \d{4}",
    r"\d{4}\.\d{3}\.\d{3}",
    r"\d{3}\.\d{3}\.\d{4}",
}


def test_demo_people_have_phones_as_officers_type_them(merged: Merged) -> None:
    with session_scope(merged.engines["03408"]) as s:
        phones = list(s.scalars(select(Person.phone)))
    given = [p for p in phones if p]
    assert 0.55 < len(given) / len(phones) < 0.85  # a share of people have none
    shapes = Counter()
    for phone in given:
        assert PHONE.fullmatch(re.sub(r"[ .]", "", phone)), phone
        shapes.update(shape for shape in SHAPES if re.fullmatch(shape, phone))
    assert sum(shapes.values()) == len(given) and set(shapes) == SHAPES
    assert len(set(given)) > 0.99 * len(given)


def test_the_people_list_finds_a_demo_person_by_phone_digits(merged: Merged) -> None:
    with session_scope(merged.engines["03408"]) as s:
        people = s.execute(select(Person.id, Person.phone).where(Person.phone.like("% % %")))
        person_id, phone = people.first() or ("", "")
        digits = phone.replace(" ", "")
        for typed in (digits, digits[:6], f"{digits[:3]}.{digits[3:6]}.{digits[6:]}"):
            query = lists.query(s, "people", Scope("03408"), search=typed)
            assert query.contains(s, person_id), typed
        assert lists.query(s, "people", Scope("03408"), search=digits).count(s) < 3
    # At the province, among every commune's people.
    with session_scope(merged.engines[PROVINCE]) as s:
        query = lists.query(s, "people", Scope(PROVINCE, subtree=True), search=digits)
        assert query.contains(s, person_id)
