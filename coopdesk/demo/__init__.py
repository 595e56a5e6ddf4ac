"""Deterministic demo data: fictional but realistic cooperatives, women, trainings, activities,
support, budgets and the seed plans, for one commune, one province or the whole country.

`generate(engine, scale, seed, unit_code)` fills an empty database (the GUI calls it for
`coopdesk --demo`, the CLI for `coopdesk demo`). Each commune draws from its own random
generator seeded by (seed, commune code), so the same seed always gives the same data, and a
commune looks the same whether it is generated alone or with its whole province (only the ids
differ).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Cooperative, Ethnicity, Person, Sector, Unit
from coopdesk.demo import vocab
from coopdesk.demo.accounts import install_accounts
from coopdesk.demo.activities import ActivityMaker
from coopdesk.demo.context import Commune, CommuneResult, in_sentence
from coopdesk.demo.keys import install_keys
from coopdesk.demo.plans import write_plans
from coopdesk.demo.province import ProvinceMaker
from coopdesk.demo.registry import RegistryMaker
from coopdesk.demo.setup import install
from coopdesk.demo.writer import Writer
from coopdesk.i18n import _
from coopdesk.services import priority_women, settings, units
from coopdesk.sync import versions

SCALES = ("commune", "province", "national")
DEFAULT_UNIT = "03408"  # Phường Tân Phong, Lai Châu
DEFAULT_SEED = 2023

Progress = Callable[[int, int], None]


class DemoError(Exception):
    """Why demo data cannot be made here, in words for a person."""


@dataclass
class DemoSummary:
    scale: str
    seed: int
    unit_code: str  # the installation's unit
    unit_name: str
    communes: int
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def has_data(session: Session) -> bool:
    """True when the database already holds records or is set up for a unit."""
    for model in (Cooperative, Person):
        if session.scalar(select(func.count()).select_from(model)):
            return True
    return settings.get_installation(session) is not None


def _unit(session: Session, text: str) -> Unit:
    try:
        code = units.resolve_code(session, text)
    except units.UnknownUnit as exc:
        raise DemoError(str(exc)) from exc
    unit = session.get(Unit, code)
    if unit is None or unit.legacy:
        raise DemoError(
            _("{code} is a pre-2025 unit; demo data is made for current units.").format(code=code)
        )
    return unit


def _scope(session: Session, scale: str, unit_code: str) -> tuple[list[Unit], Unit, Unit]:
    """(communes to fill, the demo's home commune, its province)."""
    unit = _unit(session, unit_code)
    if unit.level == "province":
        if scale == "commune":
            raise DemoError(
                _("Commune scale needs a commune code, not a province: {code}.").format(
                    code=unit.code
                )
            )
        province = unit
        default_home = session.get(Unit, DEFAULT_UNIT)
        if default_home is not None and default_home.parent_code == province.code:
            return _scope(session, scale, DEFAULT_UNIT)
        home = session.scalars(
            select(Unit)
            .where(Unit.parent_code == province.code, Unit.legacy.is_(False))
            .order_by(Unit.code)
        ).first()
        if home is None:
            raise DemoError(
                _("The province {code} has no communes in the catalogue.").format(code=unit.code)
            )
    else:
        home = unit
        province = _unit(session, unit.parent_code or unit.province_code or "")
    if scale == "commune":
        return [home], home, province
    query = select(Unit).where(Unit.legacy.is_(False), Unit.level == "commune")
    if scale == "province":
        query = query.where(Unit.parent_code == province.code)
    return list(session.scalars(query.order_by(Unit.code))), home, province


def _sector_codes(session: Session) -> dict[str, str | None]:
    """Line of business → its code in the sectors catalogue ("other", or none, if missing)."""
    known = set(session.scalars(select(Sector.code)))
    fallback = "other" if "other" in known else None
    return {line.key: line.sector if line.sector in known else fallback for line in vocab.LINES}


def _ethnicity_codes(session: Session) -> dict[str, str]:
    return {name: code for code, name in session.execute(select(Ethnicity.code, Ethnicity.name))}


def cooperative_counts(engine: Engine) -> dict[str, int]:
    """How many cooperatives of each kind (HTX, THT, LHHTX) the database holds."""
    with session_scope(engine) as session:
        rows = session.execute(select(Cooperative.kind, func.count()).group_by(Cooperative.kind))
        return {kind: count for kind, count in rows}


def _fill_commune(
    w: Writer,
    seed: int,
    unit: Unit,
    parent: Unit,
    home: bool,
    catalogues: tuple[dict[str, str | None], dict[str, str]],
) -> CommuneResult:
    commune = Commune(
        code=unit.code,
        name=unit.name,
        division_type=unit.division_type,
        province_code=parent.code,
        province_name=units.short_province_name(parent.name),
        province_label=in_sentence(parent.name),
        home=home,
    )
    rng = random.Random(f"coopdesk-demo:{seed}:{unit.code}")
    commune.make_villages(rng)
    registry = RegistryMaker(w, rng, commune, *catalogues)
    registry.officers()
    registry.cooperatives()
    ActivityMaker(w, rng, commune, registry.result).all()
    return registry.result


def generate(
    engine: Engine,
    scale: str = "commune",
    seed: int = DEFAULT_SEED,
    unit_code: str | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data; raise DemoError if it already has data.

    `progress(done, total)` is called after each commune.
    """
    if scale not in SCALES:
        raise DemoError(
            _("Unknown scale {scale}: choose commune, province or national.").format(scale=scale)
        )
    started = time.perf_counter()
    with session_scope(engine) as session:
        if has_data(session):
            raise DemoError(
                _("This database already has data; demo data is only written into an empty one.")
            )
        units.ensure_catalogues(session)
        communes, home, province = _scope(session, scale, unit_code or DEFAULT_UNIT)
        conn = session.connection()
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # a bigger page cache keeps index updates in memory while filling
            conn.execute(text("PRAGMA cache_size=-262144"))
        w = Writer(conn, seed, versions.local_version(session, None).text())
        home_made, makers = _fill_communes(session, w, seed, scale, communes, home, progress)
        write_plans(
            session,
            w,
            seed,
            home.code,
            province.code,
            in_sentence(province.name),
            national=scale == "national",
        )
        w.flush()
        if scale != "commune":  # what the communes' bundles bring up instead of the details
            for unit in communes:
                priority_women.refresh(session, unit.code, _("Demo"))
        install_unit = _install_demo(session, scale, home, province, home_made, makers)
        if sqlite:
            conn.execute(text("PRAGMA cache_size=-2000"))  # SQLite's default again
        summary = DemoSummary(
            scale=scale,
            seed=seed,
            unit_code=install_unit.code,
            unit_name=install_unit.name,
            communes=len(communes),
            counts=dict(w.counts),
        )
    summary.seconds = time.perf_counter() - started
    return summary


def _fill_communes(
    session: Session,
    w: Writer,
    seed: int,
    scale: str,
    communes: list[Unit],
    home: Unit,
    progress: Progress | None,
) -> tuple[CommuneResult, dict[str, ProvinceMaker]]:
    """Every commune's records, then (above a commune) each province's own, gathered from its
    communes; what the home commune got and each province's maker."""
    catalogues = (_sector_codes(session), _ethnicity_codes(session))
    provinces = {
        u.code: u
        for u in session.scalars(
            select(Unit).where(Unit.level == "province", Unit.legacy.is_(False))
        )
    }
    makers: dict[str, ProvinceMaker] = {}
    home_made = CommuneResult()
    for n, unit in enumerate(communes, start=1):
        parent = provinces[unit.parent_code or ""]
        made = _fill_commune(w, seed, unit, parent, unit.code == home.code, catalogues)
        if unit.code == home.code:
            home_made = made
        if scale != "commune":
            if parent.code not in makers:
                makers[parent.code] = ProvinceMaker(w, seed, parent)
            makers[parent.code].collect(made)
        if progress is not None:
            progress(n, len(communes))
    for maker in makers.values():
        maker.write()
    return home_made, makers


def _install_demo(
    session: Session,
    scale: str,
    home: Unit,
    province: Unit,
    home_made: CommuneResult,
    makers: dict[str, ProvinceMaker],
) -> Unit:
    """The installation: the home commune, or above a commune the province (an aggregator)
    with its Union chair as the officer."""
    if scale == "commune":
        install_unit, role, (officer, position) = home, "commune", home_made.officer_names[0]
    else:
        install_unit, role = province, "aggregator"
        officer, position = makers[province.code].chair
    install(session, install_unit, role, officer, position)
    install_keys(session, install_unit)
    install_accounts(session)
    return install_unit
