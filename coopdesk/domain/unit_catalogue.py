"""CoopDesk's catalogue of units (resources/units/units.json.gz, made by tools/units_catalogue.py
from the National Statistics Office's list) as rows of the `units` table, and how a code of the
list CoopDesk used before maps to the official one.

The list before (vietnam-provinces 2025.10.1, version "VP-2025.10.1") gave 123 communes
another code than the official list, and 9 of its codes name a different commune there
(00226 was Phường Kim Liên, officially 00229; 00226 is now Phường Văn Miếu - Quốc Tử Giám).
A code is therefore only meaningful with its catalogue version: `translate_code` turns a code
of the list before into the official one. Each re-coded commune stays findable by its old code
as a legacy unit "2025:00226" (Phường Kim Liên, the code it had before).

Pure: the caller reads the file (`parse` takes its JSON).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coopdesk.i18n import collation_key, fold, normalize

COUNTRY_CODE = "VN"  # the whole country: national targets and the central level hang on it
SUPERSEDED_PREFIX = "2025:"  # a commune's code in the list before the official one
_CITY_PREFIX = "Thành phố "
_PROVINCE_PREFIX = "Tỉnh "


class CatalogueMismatch(ValueError):
    """Data made under a catalogue version this CoopDesk cannot translate."""


@dataclass(frozen=True)
class Catalogue:
    version: str  # "NSO-2026-09-20"
    source: Mapping[str, str]
    provinces: tuple[tuple[str, str, str], ...]  # code, official name, kind
    communes: tuple[tuple[str, str, str, str], ...]  # code, name, kind, province code
    superseded_version: str  # "VP-2025.10.1"
    recoded: Mapping[str, str]  # code before → official code
    names_before: Mapping[str, str]  # code before → the commune's name in the list before


def parse(data: Mapping[str, Any]) -> Catalogue:
    superseded = data["superseded"]
    recoded = [tuple(r) for r in superseded["recoded"]]
    return Catalogue(
        version=str(data["version"]),
        source=dict(data["source"]),
        provinces=tuple((str(c), str(n), str(k)) for c, n, k in data["provinces"]),
        communes=tuple((str(c), str(n), str(k), str(p)) for c, n, k, p in data["communes"]),
        superseded_version=str(superseded["version"]),
        recoded={str(old): str(new) for old, new, _name in recoded},
        names_before={str(old): str(name) for old, _new, name in recoded},
    )


def short_province_name(name: str) -> str:
    """'Thành phố Hà Nội' → 'Hà Nội'; 'Tỉnh Lai Châu' and 'Lai Châu' → 'Lai Châu' (the place
    line of documents). A city named after a person keeps its full name (Nghị định 30):
    'Thành phố Hồ Chí Minh'."""
    name = normalize(name)
    if name.startswith(_PROVINCE_PREFIX):
        return name[len(_PROVINCE_PREFIX) :]
    if name.startswith(_CITY_PREFIX) and name != "Thành phố Hồ Chí Minh":
        return name[len(_CITY_PREFIX) :]
    return name


def stored_province_name(official: str) -> str:
    """How a province is named in the units table: 'Tỉnh Cao Bằng' → 'Cao Bằng' (the kind is
    added where needed, never twice), a city keeps 'Thành phố'."""
    name = normalize(official)
    return name[len(_PROVINCE_PREFIX) :] if name.startswith(_PROVINCE_PREFIX) else name


def province_label(name: str) -> str:
    """'Cao Bằng' or 'Tỉnh Cao Bằng' → 'Tỉnh Cao Bằng'; 'Thành phố Huế' stays."""
    name = stored_province_name(name)
    return name if name.startswith(_CITY_PREFIX) else _PROVINCE_PREFIX + name


def _row(code: str, name: str, folded: str, kind: str, level: str, parent: str | None) -> dict:
    return {
        "code": code,
        "name": name,
        "name_folded": fold(folded),
        "division_type": kind,
        "level": level,
        "parent_code": parent,
        "province_code": parent or (code if level == "province" else None),
        "legacy": code.startswith(SUPERSEDED_PREFIX),
        "sort_key": collation_key(short_province_name(name) if level == "province" else name),
    }


def current_rows(catalogue: Catalogue) -> list[dict[str, object]]:
    """The country, its provinces and their communes, as rows of the units table."""
    rows = [_row(COUNTRY_CODE, "Việt Nam", "Việt Nam toàn quốc", "quốc gia", "country", None)]
    rows[0]["province_code"] = None
    names: dict[str, str] = {}
    for code, official, kind in catalogue.provinces:
        names[code] = stored_province_name(official)
        rows.append(_row(code, names[code], province_label(official), kind, "province", None))
        rows[-1]["parent_code"] = COUNTRY_CODE  # the country is the root above every province
    for code, name, kind, province in catalogue.communes:
        rows.append(_row(code, name, f"{name} {names[province]}", kind, "commune", province))
    return rows


def superseded_rows(catalogue: Catalogue) -> list[dict[str, object]]:
    """Each re-coded commune under its code before, as a legacy unit: '2025:00226' Phường Kim
    Liên (province 01 but no parent), so the old code still finds it."""
    provinces = {code: stored_province_name(name) for code, name, _k in catalogue.provinces}
    communes = {code: (kind, province) for code, _n, kind, province in catalogue.communes}
    rows = []
    for old, new in sorted(catalogue.recoded.items()):
        kind, province = communes[new]
        name = catalogue.names_before[old]
        row = _row(
            SUPERSEDED_PREFIX + old,
            name,
            f"{name} {provinces[province]}",
            kind,
            "commune",
            province,
        )
        row["parent_code"] = None  # outside today's tree: no list or indicator counts it twice
        rows.append(row)
    return rows


def translate_code(catalogue: Catalogue, code: str, version: str) -> str:
    """A unit code written under catalogue `version`, as the current catalogue writes it.

    Raises CatalogueMismatch for a version neither current nor the one before."""
    if version == catalogue.version:
        return code
    if version == catalogue.superseded_version:
        return catalogue.recoded.get(code, code)
    raise CatalogueMismatch(version)
