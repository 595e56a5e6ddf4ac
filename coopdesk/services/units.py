"""The unit catalogue (34 provinces, 3,321 communes) plus sectors and ethnic groups.

Current units come from CoopDesk's own catalogue (resources/units/units.json.gz, generated
from the National Statistics Office's list by tools/units_catalogue.py; see its SOURCE.md and
coopdesk.domain.unit_catalogue). Codes are strings: provinces two digits ("12" = Lai Châu),
communes five ("03408" = Phường Tân Phong). The catalogue version the database's codes follow
is the setting CATALOGUE_VERSION_KEY; a commune the list before coded differently is also a
legacy unit under its old code ("2025:00226" Phường Kim Liên, now 00229).
Legacy (pre-2025) units (63 provinces, their districts and communes) come from
`resources/units/legacy-units.json.gz` and carry an "old:" prefix: "old:12" (Tỉnh Lai Châu),
"old:105" (Thành phố Lai Châu, a district then), "old:03408". Records keep the unit they were
entered under; searches show current units unless legacy ones are asked for.

`name_folded` holds the folded name followed by the province's name, so that a search for
"tan phong lai chau" finds Phường Tân Phong; nothing is folded at query time except the
words typed.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Select, and_, case, func, insert, or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Ethnicity, Sector, Setting, Unit
from coopdesk.domain import unit_catalogue
from coopdesk.domain.unit_catalogue import COUNTRY_CODE, short_province_name
from coopdesk.i18n import _, collation_key, fold, normalize
from coopdesk.services.catalogue_data import ETHNICITIES, SECTORS
from coopdesk.sync import unit_codes

LEGACY_PREFIX = "old:"
PROVINCE_COUNT = 34
COMMUNE_COUNT = 3321
LEGACY_UNIT_COUNT = 10810  # 63 provinces, 696 districts, 10,051 communes before 01/07/2025
RECODED_COUNT = 123  # communes the list before the official one coded differently
CATALOGUE_VERSION_KEY = unit_codes.VERSION_KEY


class UnknownUnit(LookupError, ValueError):
    """A unit code or name that is not in the catalogue; the message names it. (A ValueError
    too: a unit asked for is a value given, and callers refuse bad values as one.)"""


@dataclass(frozen=True)
class UnitInfo:
    """A unit as lists and the CLI show it."""

    code: str
    name: str
    level: str  # province | district | commune
    division_type: str
    parent_code: str | None
    province_code: str | None
    province_name: str
    legacy: bool

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "division_type": self.division_type,
            "parent_code": self.parent_code,
            "province_code": self.province_code,
            "province_name": self.province_name,
            "legacy": self.legacy,
        }


# --- loading -------------------------------------------------------------------------------


catalogue = unit_codes.catalogue  # CoopDesk's catalogue of current units (resources/units)


def _current_rows() -> list[dict[str, object]]:
    return unit_catalogue.current_rows(catalogue())


def _legacy_rows() -> list[dict[str, object]]:
    from coopdesk import paths

    path = paths.resources_dir() / "units" / "legacy-units.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    by_code = {row[0]: row for row in data["rows"]}

    def province_of(code: str) -> str:
        row = by_code[code]
        return code if row[3] == "province" else province_of(row[4])

    rows: list[dict[str, object]] = []
    for code, name, division_type, level, parent in data["rows"]:
        name = normalize(name).replace("Thành Phố ", "Thành phố ")
        if not division_type and name.startswith("Thành phố "):
            division_type = "thành phố"
        province = province_of(code)
        rows.append(
            {
                "code": LEGACY_PREFIX + code,
                "name": name,
                "name_folded": fold(f"{name} {by_code[province][1]}"),
                "division_type": division_type,
                "level": level,
                "parent_code": LEGACY_PREFIX + parent if parent else None,
                "province_code": LEGACY_PREFIX + province,
                "legacy": True,
                "sort_key": collation_key(name),
            }
        )
    return rows


def _connection(target: Engine | Connection | Session) -> tuple[Connection, bool]:
    if isinstance(target, Engine):
        return target.connect(), True
    if isinstance(target, Session):
        return target.connection(), False
    return target, False


def _count(conn: Connection, query: Select[int]) -> int:
    return int(conn.scalar(query) or 0)


def catalogues_complete(conn: Connection) -> bool:
    units = select(func.count()).select_from(Unit).where(Unit.legacy.is_(False))
    legacy = select(func.count()).select_from(Unit).where(Unit.legacy.is_(True))
    sectors = select(func.count()).select_from(Sector)
    ethnic = select(func.count()).select_from(Ethnicity)
    return (
        _count(conn, units) >= 1 + PROVINCE_COUNT + COMMUNE_COUNT
        and _count(conn, legacy) >= LEGACY_UNIT_COUNT + RECODED_COUNT
        and _count(conn, sectors) >= len(SECTORS)
        and _count(conn, ethnic) >= len(ETHNICITIES)
    )


def ensure_catalogues(target: Engine | Connection | Session) -> int:
    """Load units, sectors and ethnic groups that are missing. Idempotent; returns rows added.

    With an Engine it commits its own transaction; with a Session or Connection the caller's
    transaction is used. When everything is there it costs three COUNT queries.
    """
    conn, own = _connection(target)
    try:
        if catalogues_complete(conn):
            return 0
        added = _insert_missing(conn, Unit, "code", _current_rows())
        added += _insert_missing(conn, Unit, "code", _legacy_rows())
        added += _insert_missing(conn, Unit, "code", unit_catalogue.superseded_rows(catalogue()))
        _note_catalogue_version(conn)
        added += _insert_missing(
            conn,
            Sector,
            "code",
            [{"code": c, "name_vi": vi, "name_en": en} for c, vi, en in SECTORS],
        )
        added += _insert_missing(
            conn, Ethnicity, "code", [{"code": c, "name": n} for c, n in ETHNICITIES]
        )
        if own:
            conn.commit()
        return added
    finally:
        if own:
            conn.close()


def _note_catalogue_version(conn: Connection) -> None:
    """A database filled here follows this catalogue (a migrated one was noted by 0014)."""
    if conn.scalar(select(Setting.key).where(Setting.key == CATALOGUE_VERSION_KEY)) is None:
        conn.execute(
            insert(Setting).values(key=CATALOGUE_VERSION_KEY, value=json.dumps(catalogue().version))
        )


catalogue_version = unit_codes.database_version  # the version this database's codes follow


def _insert_missing(conn: Connection, model: type, key: str, rows: list[dict[str, object]]) -> int:
    column = getattr(model, key)
    have = set(conn.scalars(select(column)))
    new = [r for r in rows if r[key] not in have]
    if new:
        conn.execute(insert(model), new)  # Core executemany
    return len(new)


# --- lookup ----------------------------------------------------------------------------------


def _pad(digits: str, level_hint: str | None = None) -> str:
    if len(digits) <= 2:
        return digits.zfill(2)
    if level_hint == "legacy" and len(digits) == 3:
        return digits  # a pre-2025 district
    return digits.zfill(5)


def normalize_code(text: str) -> str:
    """'3408' → '03408', '12' → '12', 'old:1' → 'old:01', '2025:226' → '2025:00226' (a code
    of the list before the official one); raises UnknownUnit if not a code."""
    cleaned = (text or "").strip()
    if cleaned.upper() == COUNTRY_CODE:
        return COUNTRY_CODE
    if cleaned.startswith(unit_catalogue.SUPERSEDED_PREFIX):
        digits = cleaned[len(unit_catalogue.SUPERSEDED_PREFIX) :].strip()
        if digits.isdigit() and len(digits) <= 5:
            return unit_catalogue.SUPERSEDED_PREFIX + digits.zfill(5)
    legacy = cleaned.lower().startswith(LEGACY_PREFIX)
    digits = cleaned[len(LEGACY_PREFIX) :].strip() if legacy else cleaned
    if not digits.isdigit() or len(digits) > 5:
        raise UnknownUnit(
            _("“{code}” is not a unit code: use the digits of the GSO code, e.g. 3408.").format(
                code=cleaned
            )
        )
    if legacy:
        return LEGACY_PREFIX + _pad(digits, "legacy")
    return _pad(digits)


def resolve_code(session: Session, text: str) -> str:
    """The catalogue code for what a person typed: 1–2 digits a province, else a commune."""
    code = normalize_code(text)
    if session.get(Unit, code) is None:
        raise UnknownUnit(
            _("There is no unit with the code {code} in the catalogue.").format(code=code)
        )
    return code


def _info(unit: Unit, province_name: str) -> UnitInfo:
    return UnitInfo(
        code=unit.code,
        name=unit.name,
        level=unit.level,
        division_type=unit.division_type,
        parent_code=unit.parent_code,
        province_code=unit.province_code,
        province_name=province_name,
        legacy=bool(unit.legacy),
    )


def _province_names(session: Session, codes: set[str]) -> dict[str, str]:
    codes = {c for c in codes if c}
    if not codes:
        return {}
    rows = session.execute(select(Unit.code, Unit.name).where(Unit.code.in_(codes)))
    return {code: name for code, name in rows}


def _infos(session: Session, units: list[Unit]) -> list[UnitInfo]:
    names = _province_names(session, {u.province_code or "" for u in units})
    return [_info(u, names.get(u.province_code or "", "")) for u in units]


def get(session: Session, code: str) -> UnitInfo | None:
    """The unit with this code (padded as needed), or None."""
    try:
        key = normalize_code(code)
    except UnknownUnit:
        return None
    unit = session.get(Unit, key)
    return _infos(session, [unit])[0] if unit is not None else None


def search(
    session: Session, text: str, limit: int = 20, *, include_legacy: bool = False
) -> list[UnitInfo]:
    """Units whose name (with the province's) contains every word typed, diacritics ignored.

    A code typed on its own ("3408", "12") finds that unit. Names holding the words as typed
    (in a row) come first; then provinces before communes, in Vietnamese alphabetical order.
    """
    words = fold(text).split()
    if not words:
        return []
    conditions = [
        or_(Unit.name_folded.like(f"{w}%"), Unit.name_folded.like(f"% {w}%")) for w in words
    ]
    if len(words) == 1 and words[0].isdigit() and len(words[0]) <= 5:
        conditions = [or_(and_(*conditions), Unit.code == _pad(words[0]))]
    query = select(Unit).where(*conditions)
    if not include_legacy:
        query = query.where(Unit.legacy.is_(False))
    level_order = case((Unit.level == "province", 0), (Unit.level == "district", 1), else_=2)
    phrase = case((Unit.name_folded.like(f"%{' '.join(words)}%"), 0), else_=1)
    query = query.order_by(Unit.legacy, phrase, level_order, Unit.sort_key, Unit.code)
    query = query.limit(limit)
    return _infos(session, list(session.scalars(query)))


def children(session: Session, code: str | None = None) -> list[UnitInfo]:
    """The units directly below `code` (None: the current provinces), in alphabetical order."""
    if code is None:
        query = select(Unit).where(Unit.level == "province", Unit.legacy.is_(False))
    else:
        query = select(Unit).where(Unit.parent_code == normalize_code(code))
    return _infos(session, list(session.scalars(query.order_by(Unit.sort_key, Unit.code))))


def province_of(session: Session, code: str) -> UnitInfo | None:
    """The province a unit belongs to (itself for a province)."""
    info = get(session, code)
    if info is None:
        return None
    if info.level == "province":
        return info
    return get(session, info.province_code or "")


def display_name(info: UnitInfo) -> str:
    """'Phường Tân Phong, Lai Châu' for a commune; the name alone for a province."""
    if info.level == "province" or not info.province_name:
        return info.name
    return f"{info.name}, {short_province_name(info.province_name)}"


def label(session: Session, code: str) -> str:
    """How the window names the unit: 'Phường Tân Phong, Lai Châu'; the code if unknown."""
    info = get(session, code)
    return display_name(info) if info is not None else code


def search_by_province(
    session: Session, text: str, limit: int = 200
) -> list[tuple[UnitInfo, list[UnitInfo]]]:
    """What `search` finds, as a tree for a unit picker: each province with the communes found
    in it (a commune's province is listed even when its name was not typed), provinces found
    first, then in the order their communes were found."""
    found = search(session, text, limit=limit)
    tree: dict[str, tuple[UnitInfo, list[UnitInfo]]] = {
        info.code: (info, []) for info in found if info.level == "province"
    }
    for info in found:
        if info.level == "province":
            continue
        code = info.province_code or ""
        if code not in tree:
            province = get(session, code)
            if province is None:
                continue
            tree[code] = (province, [])
        tree[code][1].append(info)
    return list(tree.values())
