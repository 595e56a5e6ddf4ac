"""CoopDesk's own catalogue: the official (NSO) codes, the communes they moved from, and names
as they are printed."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import Engine, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Unit
from coopdesk.services import units

# Codes the official list gave differently from the list CoopDesk shipped before (issue 18).
OFFICIAL = {
    "00082": "Phường Cửa Nam",  # was 00073
    "00199": "Phường Láng",  # was 00187
    "00292": "Phường Bạch Mai",  # was 00277
    "00226": "Phường Văn Miếu - Quốc Tử Giám",  # 00226 was Kim Liên
    "00229": "Phường Kim Liên",
    "00331": "Phường Hoàng Mai",  # 00331 was Yên Sở
    "00340": "Phường Yên Sở",
    "01537": "Xã Lý Quốc",  # 01537, 01558, 01561 rotate
    "01558": "Xã Hạ Lang",
    "01561": "Xã Vinh Quý",
    "13291": "Phường Phù Vân",  # 13291 was Phủ Lý
    "13285": "Phường Phủ Lý",
}


def test_every_official_commune_is_found_by_its_code(engine: Engine) -> None:
    catalogue = units.catalogue()
    assert len(catalogue.communes) == units.COMMUNE_COUNT
    with session_scope(engine) as s:
        for code, name, _kind, _province in catalogue.communes:
            found = units.search(s, code, limit=1)
            assert [(u.code, u.name) for u in found] == [(code, name)]


def test_recoded_and_remeant_codes_name_the_official_commune(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert {code: units.search(s, code)[0].name for code in OFFICIAL} == OFFICIAL


def test_a_code_before_finds_the_commune_as_a_legacy_unit(engine: Engine) -> None:
    with session_scope(engine) as s:
        kim_lien = units.get(s, "2025:226")
        assert kim_lien is not None and kim_lien.legacy
        assert (kim_lien.name, kim_lien.province_code) == ("Phường Kim Liên", "01")
        found = units.search(s, "kim lien ha noi", include_legacy=True)
        assert [u.code for u in found] == ["00229", "2025:00226", "old:00229"]  # + pre-2025
        assert [u.code for u in units.search(s, "kim lien ha noi")] == ["00229"]


def test_the_map_moves_each_commune_to_its_official_code() -> None:
    catalogue = units.catalogue()
    assert catalogue.superseded_version == "VP-2025.10.1"
    assert len(catalogue.recoded) == units.RECODED_COUNT
    assert catalogue.recoded["00226"] == "00229"  # Kim Liên, not the new 00226
    assert catalogue.recoded["00073"] == "00082"
    assert [catalogue.recoded[c] for c in ("01537", "01558", "01561")] == [
        "01561",
        "01537",
        "01558",
    ]


def test_province_names_never_repeat_their_kind(engine: Engine) -> None:
    with session_scope(engine) as s:
        cao_bang = units.get(s, "04")
        assert cao_bang is not None and cao_bang.name == "Cao Bằng"
        assert [u.code for u in units.search(s, "tinh cao bang")][:1] == ["04"]
        names = list(s.scalars(select(Unit.name)))
        assert not [n for n in names if "Tỉnh Tỉnh" in n or "Thành phố Thành phố" in n]
        commune = units.get(s, "01558")
        assert commune is not None and units.display_name(commune) == "Xã Hạ Lang, Cao Bằng"


def test_the_cli_finds_a_commune_by_its_official_code(engine: Engine, tmp_path: object) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "coopdesk", "units", "--data-dir", str(tmp_path), "--search", "229"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "00229" in out and "Phường Kim Liên" in out and "Văn Miếu" not in out


def test_the_catalogue_needs_no_third_party_package() -> None:
    code = "import sys, coopdesk.services.units as u; u.catalogue(); print(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "coopdesk.domain.unit_catalogue" in out.stdout
    assert "vietnam_provinces" not in out.stdout


def test_names_with_apostrophes_are_found_however_typed(engine: Engine) -> None:
    with session_scope(engine) as s:
        for typed in ("cu mgar", "cu m'gar", "Cư M’gar", "CU M`GAR"):
            assert [u.name for u in units.search(s, typed)] == ["Xã Cư M’gar"]
        assert [u.name for u in units.search(s, "ea h'leo")] == ["Xã Ea H’Leo"]
        assert [u.name for u in units.search(s, "b'lao")] == ["Phường B’Lao"]


def test_codes_before_are_not_children_of_todays_province(engine: Engine) -> None:
    with session_scope(engine) as s:
        ha_noi = [u.code for u in units.children(s, "01")]
        assert "00229" in ha_noi and not [c for c in ha_noi if c.startswith("2025:")]
        assert len(ha_noi) == 126
