"""Migration 0014 and bundles across catalogues: a database made with the list CoopDesk shipped
before (Kim Liên 00226, Hạ Lang 01561) is moved to the official codes with nothing lost, and
what it sends still lands under the right commune at a province on the official catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, select, text

from coopdesk.db import models as m
from coopdesk.db.engine import alembic_config, engine_of, session_scope
from coopdesk.domain import unit_catalogue
from coopdesk.sync import bundle, unit_codes
from coopdesk.sync.unit_codes import catalogue
from tests import backends
from tests.sync import forge
from tests.sync.helpers import Site, coop

BEFORE = "0012_duplicates"
KIM_LIEN_BEFORE, KIM_LIEN = "00226", "00229"
HA_LANG_BEFORE, HA_LANG = "01561", "01558"


def _units_before() -> list[dict[str, object]]:
    """The units table as the list before wrote it: official rows under their old codes."""
    cat = catalogue()
    back = {new: old for old, new in cat.recoded.items()}
    rows = []
    for row in unit_catalogue.current_rows(cat):
        code = str(row["code"])
        if code in back:
            old = back[code]
            row = {**row, "code": old, "name": cat.names_before[old]}
        rows.append(row)
    return rows


def _insert_coop(conn: object, coop_id: str, unit: str, name: str) -> None:
    conn.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO cooperatives (id, unit_code, created_at, updated_at, created_by, "
            "updated_by, kind, name, name_folded, sort_key, registration_no, address, phone, "
            "products, ocop_product, status, hoi_supported, founded_with_hoi_support, "
            "value_chain, traditional_craft, community_tourism, ecommerce, trademark, "
            "traceability, growing_area_code, notes) VALUES (:id, :unit, '2025-09-01 00:00:00', "
            "'2025-09-01 00:00:00', 'Lò Thị Mai', 'Lò Thị Mai', 'HTX', :name, :name, '', '', '', "
            "'', '', '', 'active', TRUE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, '', '')"
        ),
        {"id": coop_id, "unit": unit, "name": name},
    )


def _database_before(data_dir: Path) -> Engine:
    engine = engine_of(data_dir)
    command.upgrade(alembic_config(engine), BEFORE)
    settings = {
        "installation": {"unit_code": KIM_LIEN_BEFORE, "role": "commune", "officer": "Mai"},
        f"documents:{KIM_LIEN_BEFORE}": {"issuer": "HỘI LHPN PHƯỜNG KIM LIÊN"},
        f"documents:{HA_LANG_BEFORE}": {"issuer": "HỘI LHPN XÃ HẠ LANG"},
        "documents:00226x": {"issuer": "not a unit"},
    }
    with engine.begin() as conn:
        conn.execute(m.Unit.__table__.insert(), _units_before())
        _insert_coop(conn, "c-kim-lien", KIM_LIEN_BEFORE, "HTX May Kim Liên")
        _insert_coop(conn, "c-ha-lang", HA_LANG_BEFORE, "HTX Dệt Hạ Lang")
        _insert_coop(conn, "c-m-gar", "24280", "HTX Cà phê Cư M’gar")
        for key, value in settings.items():
            conn.execute(
                text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                {"k": key, "v": json.dumps(value, ensure_ascii=False)},
            )
        conn.execute(
            text("INSERT INTO sync_knowledge (replica_id, unit_code, counter) VALUES ('r', :u, 7)"),
            {"u": KIM_LIEN_BEFORE},
        )
    return engine


@pytest.fixture
def commune_dir(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Path]:
    """A data folder for the database made before 0014: its file, or a server database."""
    folder = tmp_path / "commune"
    folder.mkdir()
    if backend == "postgresql":
        request.getfixturevalue("pg_server")
        backends.new_server_database(folder)
    yield folder
    backends.drop_installation(folder)


def test_records_move_to_the_official_code_and_nothing_is_lost(commune_dir: Path) -> None:
    engine = _database_before(commune_dir)
    command.upgrade(alembic_config(engine), "head")
    with session_scope(engine) as s:
        coops = {c.id: c for c in s.scalars(select(m.Cooperative))}
        assert {k: c.unit_code for k, c in coops.items()} == {
            "c-kim-lien": KIM_LIEN,
            "c-ha-lang": HA_LANG,
            "c-m-gar": "24280",
        }
        assert coops["c-m-gar"].name_folded == "htx ca phe cu mgar"
        assert s.get(m.Unit, KIM_LIEN_BEFORE).name == "Phường Văn Miếu - Quốc Tử Giám"  # type: ignore[union-attr]
        assert s.get(m.Unit, KIM_LIEN).name == "Phường Kim Liên"  # type: ignore[union-attr]
        assert s.get(m.Unit, HA_LANG).name == "Xã Hạ Lang"  # type: ignore[union-attr]
        old = s.get(m.Unit, "2025:" + KIM_LIEN_BEFORE)
        assert old is not None and old.legacy and old.name == "Phường Kim Liên"
        settings = {row.key: json.loads(row.value) for row in s.scalars(select(m.Setting))}
        assert settings["installation"]["unit_code"] == KIM_LIEN
        assert settings[f"documents:{KIM_LIEN}"] == {"issuer": "HỘI LHPN PHƯỜNG KIM LIÊN"}
        assert settings[f"documents:{HA_LANG}"] == {"issuer": "HỘI LHPN XÃ HẠ LANG"}
        assert f"documents:{KIM_LIEN_BEFORE}" not in settings
        assert settings["documents:00226x"] == {"issuer": "not a unit"}
        assert settings["units.catalogue_version"] == catalogue().version
        knowledge = s.execute(select(m.SyncKnowledge.unit_code, m.SyncKnowledge.counter)).all()
        assert [tuple(k) for k in knowledge] == [(KIM_LIEN, 7)]
    engine.dispose()


def test_downgrade_moves_the_records_back(commune_dir: Path) -> None:
    engine = _database_before(commune_dir)
    command.upgrade(alembic_config(engine), "head")
    command.downgrade(alembic_config(engine), BEFORE)
    with session_scope(engine) as s:
        rows = s.execute(select(m.Cooperative.id, m.Cooperative.unit_code)).all()
        coops = {coop_id: unit for coop_id, unit in rows}
        assert coops == {
            "c-kim-lien": KIM_LIEN_BEFORE,
            "c-ha-lang": HA_LANG_BEFORE,
            "c-m-gar": "24280",
        }
        assert s.get(m.Setting, "units.catalogue_version") is None
    engine.dispose()


def _as_made_before(data: bytes) -> bundle.Bundle:
    """The same bundle as CoopDesk made it before catalogues had versions: old codes, no
    catalogue field."""
    b = bundle.decode(forge.unseal(data))
    moves = {new: old for old, new in catalogue().recoded.items()}
    b.header.pop("catalogue")
    b.header["sender"] = {**b.header["sender"], "unit": moves.get(b.header["sender"]["unit"])}
    for record in b.body["records"]:
        record["d"]["unit_code"] = moves.get(record["d"]["unit_code"], record["d"]["unit_code"])
    knowledge = b.body["knowledge"]
    b.body["knowledge"] = {
        r: {moves.get(u, u): n for u, n in k.items()} for r, k in knowledge.items()
    }
    return b


def test_a_bundle_made_before_is_read_under_the_official_commune(
    make_site: Callable[[str, str], Site],
) -> None:
    """Kim Liên was 00226, which now names Văn Miếu – Quốc Tử Giám; Hạ Lang's old code now
    names Lý Quốc: the published map reads the old bundle's records under the right commune.
    (Bundles are sealed since this release, so the seal's sender is already in the official
    codes; the map serves the records and books of a bundle made before.)"""
    for unit, province_code, name in (
        (KIM_LIEN, "01", "HTX May Kim Liên"),
        (HA_LANG, "04", "HTX Dệt Hạ Lang"),
    ):
        province = make_site(f"province-{province_code}", province_code)
        commune = make_site(f"commune-{unit}", unit)
        coop_id = commune.add(m.Cooperative, **coop(name))
        b = _as_made_before(commune.export(province_code, full=True))
        assert b.header["sender"]["unit"] != unit  # under the old code, another commune's now
        with province.session() as s:
            unit_codes.translate(s, b)
        assert b.header["sender"]["unit"] == unit
        (record,) = [r for r in b.body["records"] if r["id"] == coop_id]
        assert record["d"]["unit_code"] == unit


def test_bundles_of_a_migrated_database_merge_at_a_province(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("ha-noi", "01")
    commune = make_site("kim-lien", KIM_LIEN)
    coop_id = commune.add(m.Cooperative, **coop("HTX May Kim Liên"))
    report = province.receive(commune.export("01", full=True))
    assert not report.refused, report.message
    assert province.get(m.Cooperative, coop_id).unit_code == KIM_LIEN


def test_a_bundle_under_an_unknown_catalogue_is_refused(
    make_site: Callable[[str, str], Site],
) -> None:
    province = make_site("ha-noi", "01")
    commune = make_site("kim-lien", KIM_LIEN)
    commune.add(m.Cooperative, **coop("HTX May Kim Liên"))
    b = bundle.decode(forge.unseal(commune.export("01", full=True)))
    header = {k: v for k, v in b.header.items() if k != "bundle_id"}
    header["catalogue"] = "NSO-2031-01-01"
    report = province.receive(forge.seal_as(commune, province, bundle.encode(header, b.body)))
    assert report.refused
    assert "NSO-2031-01-01" in report.message
    with province.session() as s:
        assert s.scalars(select(m.Cooperative)).first() is None
