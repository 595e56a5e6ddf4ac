"""The unit catalogue: 34 provinces, 3,321 communes, codes as strings, search without accents."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Ethnicity, Sector, Unit
from coopdesk.i18n import collation_key
from coopdesk.services import units


def test_catalogue_sizes(engine: Engine) -> None:
    with session_scope(engine) as s:
        count = lambda level: s.scalar(  # noqa: E731
            select(func.count()).select_from(Unit).where(Unit.level == level, ~Unit.legacy)
        )
        assert count("province") == 34
        assert count("commune") == 3321
        assert s.scalar(select(func.count()).select_from(Ethnicity)) == 54
        assert s.scalar(select(func.count()).select_from(Sector)) >= 15


def test_codes_are_padded_strings_with_parents(engine: Engine) -> None:
    with session_scope(engine) as s:
        tan_phong = s.get(Unit, "03408")
        assert tan_phong is not None
        assert (tan_phong.name, tan_phong.parent_code, tan_phong.division_type) == (
            "Phường Tân Phong",
            "12",
            "phường",
        )
        assert s.get(Unit, "12").name == "Lai Châu"
        assert s.get(Unit, "01").name == "Thành phố Hà Nội"


def test_search_ignores_diacritics_and_needs_every_word(engine: Engine) -> None:
    with session_scope(engine) as s:
        (hit,) = units.search(s, "tan phong lai chau")
        assert (hit.code, hit.name, hit.province_name) == ("03408", "Phường Tân Phong", "Lai Châu")
        assert units.search(s, "TÂN PHONG")[0].code == "03408"
        assert units.search(s, "tan phong ha noi") == []
        names = [u.name for u in units.search(s, "dac khu", limit=50)]
        assert len(names) == 13 and all(n.startswith("Đặc khu") for n in names)


def test_search_lists_the_province_first_then_communes(engine: Engine) -> None:
    with session_scope(engine) as s:
        found = units.search(s, "lai chau", limit=100)
        assert found[0].code == "12" and found[0].level == "province"
        assert {u.level for u in found[1:]} == {"commune"}
        # the province, its 38 communes, then Xã Nhơn Châu (Gia Lai): words, not a phrase
        assert len(found) == 40
        assert {u.province_code for u in found[:39]} == {"12"}
        assert (found[39].name, found[39].province_name) == ("Xã Nhơn Châu", "Gia Lai")


def test_search_by_code(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert [u.code for u in units.search(s, "3408")] == ["03408"]
        assert [u.code for u in units.search(s, "12")] == ["12"]


def test_resolve_code_pads_and_names_unknown_codes(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert units.resolve_code(s, "3408") == "03408"
        assert units.resolve_code(s, " 12 ") == "12"
        assert units.resolve_code(s, "1") == "01"
        with pytest.raises(units.UnknownUnit, match="99999"):
            units.resolve_code(s, "99999")
        with pytest.raises(units.UnknownUnit, match="Tân Phong"):
            units.resolve_code(s, "Tân Phong")


def test_children_and_get(engine: Engine) -> None:
    with session_scope(engine) as s:
        provinces = units.children(s)
        assert len(provinces) == 34
        lai_chau = units.children(s, "12")
        assert len(lai_chau) == 38
        names = [u.name for u in lai_chau]
        assert "Phường Tân Phong" in names
        info = units.get(s, "3408")
        assert info is not None and units.display_name(info) == "Phường Tân Phong, Lai Châu"
        assert units.get(s, "00000") is None
        assert units.get(s, "abc") is None


def test_communes_sort_in_vietnamese_order(engine: Engine) -> None:
    with session_scope(engine) as s:
        names = [u.name for u in units.children(s, "12")]
    assert names == sorted(names, key=collation_key)
    assert names != sorted(names)  # plain code-point order would differ


def test_ensure_catalogues_is_idempotent_and_cheap(engine: Engine) -> None:
    assert units.ensure_catalogues(engine) == 0
    with session_scope(engine) as s:
        assert units.ensure_catalogues(s) == 0
        assert (
            s.scalar(select(func.count()).select_from(Unit)) == 1 + 34 + 3321 + 10810 + 123
        )  # + the re-coded communes under their old codes


def test_short_province_names_for_the_place_line() -> None:
    assert units.short_province_name("Thành phố Hà Nội") == "Hà Nội"
    assert units.short_province_name("Lai Châu") == "Lai Châu"
    assert units.short_province_name("Thành phố Hồ Chí Minh") == "Thành phố Hồ Chí Minh"


def test_legacy_units_keep_the_pre_2025_tree(engine: Engine) -> None:
    with session_scope(engine) as s:
        city = units.get(s, "old:105")
        assert city is not None
        assert (city.name, city.level, city.legacy) == ("Thành phố Lai Châu", "district", True)
        assert city.parent_code == "old:12"
        assert units.get(s, "old:12").name == "Tỉnh Lai Châu"  # type: ignore[union-attr]
        wards = {u.name for u in units.children(s, "old:105")}
        assert "Phường Tân Phong" in wards
        assert all(u.legacy and u.province_code == "old:12" for u in units.children(s, "old:105"))
        assert units.resolve_code(s, "old:105") == "old:105"


def test_legacy_units_are_found_only_when_asked(engine: Engine) -> None:
    with session_scope(engine) as s:
        current = units.search(s, "tan phong lai chau")
        assert [u.code for u in current] == ["03408"]
        both = units.search(s, "tan phong lai chau", include_legacy=True)
        assert [u.code for u in both][:1] == ["03408"]
        old = [u for u in both if u.legacy]
        assert [(u.code, u.name, u.parent_code) for u in old] == [
            ("old:03387", "Phường Tân Phong", "old:105")  # codes were reused in 2025
        ]


def test_search_by_province_gives_the_picker_tree(engine: Engine) -> None:
    with session_scope(engine) as s:
        tree = units.search_by_province(s, "tan phong")
        by_province = {province.name: [c.name for c in communes] for province, communes in tree}
        assert by_province["Lai Châu"] == ["Phường Tân Phong"]  # its province, though not typed
        (lai_chau, communes) = units.search_by_province(s, "lai chau")[0]
        assert lai_chau.code == "12" and len(communes) == 38


def test_label_names_a_commune_with_its_province(engine: Engine) -> None:
    with session_scope(engine) as s:
        assert units.label(s, "03408") == "Phường Tân Phong, Lai Châu"
        assert units.label(s, "12") == "Lai Châu"
        assert units.label(s, "99999") == "99999"
