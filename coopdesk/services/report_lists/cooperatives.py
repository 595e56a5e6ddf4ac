"""The printed list of cooperatives with women in management: who is on it (what the
indicators count, narrowed by the filters), its women managers, latest figures and badges."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from coopdesk.db.models import Cooperative, CooperativeYear, Person, Role
from coopdesk.domain.periods import Period
from coopdesk.reports.model import CellValue
from coopdesk.reports.text import translate_in
from coopdesk.services import rules
from coopdesk.services.report_lists.conditions import (
    chunks,
    in_year,
    leaves_of,
    search,
    unit_names,
    within,
)
from coopdesk.services.report_lists.filters import ListFilter
from coopdesk.services.report_lists.labels import label


def list_cooperatives(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    """The cooperatives with women in management in the period (the indicator's HTX and THT),
    narrowed by the filters."""
    leaves = leaves_of(session, unit_code)
    c = Cooperative
    found = session.execute(
        select(
            c,
            rules.majority_female_workers(period, c),
            rules.founded_under_programme(None, c),
        )
        .where(*cooperative_conditions(c, period, flt), within(c.unit_code, leaves))
        .order_by(c.sort_key, c.id)
    ).all()
    ids = [coop.id for coop, _majority, _founded in found]
    managers = _women_managers_of(session, ids, period, lang)
    years = _latest_years(session, ids, period)
    names = unit_names(session)
    rows: list[list[CellValue]] = []
    for coop, majority, founded in found:
        workers, female = years.get(coop.id, (None, None))
        rows.append(
            [
                coop.name,
                coop.kind,
                names.get(coop.unit_code, coop.unit_code),
                "; ".join(dict.fromkeys(managers[coop.id])),
                workers,
                female,
                "; ".join(_badges(coop, bool(majority), bool(founded), lang)),
            ]
        )
    return rows


def cooperative_conditions(c: Any, period: Period, flt: ListFilter) -> list[Any]:
    """What puts a cooperative on the printed list: alive and women-managed in the period
    (what the indicators count), and the filters in force."""
    where = [
        rules.alive(c, period),
        rules.women_in_management(period, c),
        search(c.name_folded, flt.search),
        c.kind == flt.kind if flt.kind else c.kind.is_not(None),
        c.status == flt.status if flt.status else c.status.is_not(None),
        c.sector_code == flt.sector if flt.sector else c.id.is_not(None),
        in_year(c.founded_on, flt.year),
    ]
    if flt.majority_female:
        where.append(rules.majority_female_workers(period, c))
    if flt.founded_under_programme:
        where.append(rules.founded_under_programme(period, c))
    return where


def _women_managers_of(
    session: Session, ids: list[str], period: Period, lang: str
) -> dict[str, list[str]]:
    """'Name (role)' of the women managing each cooperative in the period."""
    r, p, c = aliased(Role), aliased(Person), aliased(Cooperative)
    managers: dict[str, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        for coop_id, name, role in session.execute(
            select(r.cooperative_id, p.full_name, r.role)
            .join(p, p.id == r.person_id)
            .join(c, c.id == r.cooperative_id)
            .where(
                r.cooperative_id.in_(chunk),
                rules.management_role(r, c.kind),
                rules.role_active(r, period),
                rules.woman(p),
            )
            .order_by(p.sort_key, r.role)
        ):
            managers[coop_id].append(f"{name} ({label(role, lang)})")
    return managers


def _badges(coop: Cooperative, majority: bool, founded: bool, lang: str) -> list[str]:
    """The badges of the editor: > 50 % female workers (by the period's figures), founded
    under the programme, and the cooperative's own facts."""
    badges: list[str] = []
    if majority:
        badges.append(translate_in(lang, "> 50 % female workers"))
    if coop.ocop_stars:
        badges.append(translate_in(lang, "OCOP {stars} stars").format(stars=coop.ocop_stars))
    if coop.ecommerce:
        badges.append(translate_in(lang, "E-commerce"))
    if coop.hoi_supported:
        badges.append(translate_in(lang, "Supported by the Union"))
    if founded:
        badges.append(translate_in(lang, "Founded under the Project"))
    return badges


def _latest_years(
    session: Session, ids: list[str], period: Period
) -> dict[str, tuple[int | None, int | None]]:
    """Workers and female workers by each cooperative's latest figures of the period (the
    figures the rule "> 50 % female workers" reads)."""
    y = CooperativeYear
    out: dict[str, tuple[int | None, int | None]] = {}
    for chunk in chunks(ids):
        for coop_id, _year, workers, female in session.execute(
            select(y.cooperative_id, y.year, y.workers, y.female_workers)
            .where(
                y.cooperative_id.in_(chunk),
                y.deleted_at.is_(None),
                y.year >= period.years[0],
                y.year <= period.years[-1],
            )
            .order_by(y.cooperative_id, y.year.desc())
        ):
            out.setdefault(coop_id, (workers, female))
    return out
