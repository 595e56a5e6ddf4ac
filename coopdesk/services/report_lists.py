"""The lists (danh sách) as rows: cooperatives with women in management, women managers and
their training, trainings, activities, support — for a unit's subtree and a period, filtered as
in the app. Who counts as a manager, which cooperative is alive, and every classification (and
badge) come from the rules' SQL twins (`coopdesk.services.rules`), as in the indicators, so a
list shows exactly the records behind the dashboard's numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from coopdesk.db.models import (
    Activity,
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Role,
    Sector,
    Support,
    Training,
    Unit,
)
from coopdesk.domain.classification import training_window
from coopdesk.domain.periods import Period
from coopdesk.i18n import N_, _, fold
from coopdesk.reports.model import CellValue
from coopdesk.reports.text import translate_in
from coopdesk.services import list_filters as Q
from coopdesk.services import rules
from coopdesk.services.indicators.scope import resolve_scope

LABELS: dict[str, str] = {
    # roles
    "chair": N_("Chair of the board"),
    "board_member": N_("Board member"),
    "director": N_("Director"),
    "general_director": N_("General director"),
    "deputy_director": N_("Deputy director"),
    "supervisor_head": N_("Head of the supervisory board"),
    "supervisor": N_("Supervisory board member"),
    "controller": N_("Controller"),
    "group_leader": N_("Group leader"),
    # training kinds and audiences
    "short": N_("Short course"),
    "formal": N_("Formal training"),
    "upskilling": N_("Upskilling"),
    "managers": N_("Managers"),
    "members": N_("Members"),
    "workers": N_("Workers"),
    "officers": N_("Union officers"),
    # activities
    "communication": N_("Communication"),
    "fair": N_("Trade fair"),
    "study_tour": N_("Study tour"),
    "inspection": N_("Inspection"),
    "founding_advice": N_("Advice on founding"),
    "consolidation_advice": N_("Advice on consolidation"),
    "meeting": N_("Meeting"),
    "club": N_("Club session"),
    "radio": N_("Radio"),
    "tv": N_("Television"),
    "facebook": N_("Facebook"),
    "zalo": N_("Zalo"),
    "contest": N_("Contest"),
    "leaflet": N_("Leaflet"),
    "other": N_("Other"),
    # support
    "loan": N_("Loan"),
    "grant": N_("Grant"),
    "in_kind": N_("In kind"),
    "womens_development_fund": N_("Women's Development Fund"),
    "vbsp": N_("Bank for Social Policies"),
    "agribank": N_("Agribank"),
    "commercial_bank": N_("Commercial bank"),
    "state_budget": N_("State budget"),
    "project": N_("Project"),
    # budget sources
    "mtqg_poverty": N_("National target programme: poverty reduction"),
    "mtqg_rural": N_("National target programme: new rural areas"),
    "mtqg_ethnic": N_("National target programme: ethnic minority areas"),
    "extension": N_("Extension funds"),
    "credit": N_("Credit"),
    "social": N_("Social contributions"),
    "international": N_("International"),
    # filters
    "HTX": N_("Cooperative (HTX)"),
    "THT": N_("Cooperative group (THT)"),
    "LHHTX": N_("Union of cooperatives"),
    "active": N_("Active"),
    "suspended": N_("Suspended"),
    "dissolved": N_("Dissolved"),
    "trained": N_("Trained"),
    "untrained": N_("Not trained"),
}


# The filters each list offers (codes; LABELS names them): kinds, then statuses.
LIST_FILTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "list-cooperatives": (("HTX", "THT", "LHHTX"), ("active", "suspended", "dissolved")),
    "list-managers": ((), ("trained", "untrained")),
    "list-trainings": (
        ("short", "formal", "upskilling", "managers", "members", "workers", "officers"),
        (),
    ),
    "list-activities": (
        (
            "communication",
            "fair",
            "study_tour",
            "inspection",
            "founding_advice",
            "consolidation_advice",
            "meeting",
        ),
        (),
    ),
    "list-support": (
        ("loan", "grant", "in_kind", "womens_development_fund", "vbsp", "agribank"),
        (),
    ),
}


def label(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return translate_in(lang, LABELS[code]) if code in LABELS else code


# Which of the extra filters each list offers (the app's list of the same records has them).
LIST_OPTIONS: dict[str, frozenset[str]] = {
    "list-cooperatives": frozenset(
        {"sector", "year", "women_managed", "majority_female", "founded_under_programme"}
    ),
    "list-managers": frozenset(),
    "list-trainings": frozenset({"year"}),
    "list-activities": frozenset({"year"}),
    "list-support": frozenset({"year"}),
}


@dataclass
class ListFilter:
    """The filters of the lists, as in the app's lists (the SQL is shared with them through
    coopdesk.services.list_filters)."""

    kind: str = ""  # HTX/THT; training/activity/support kind
    search: str = ""  # diacritics and case ignored
    status: str = ""  # cooperatives: active|suspended|dissolved; managers: trained|untrained
    sector: str = ""  # cooperatives: sector code
    year: int | None = None  # cooperatives: founded that year; others: held/given that year
    women_managed: bool = False  # cooperatives: women in management
    majority_female: bool = False  # cooperatives: > 50 % female workers
    founded_under_programme: bool = False  # cooperatives: founded under the programme

    def describe(self, lang: str, sector_name: str = "", template: str = "") -> str:
        """The filters in force, one line (empty when none): printed under the title."""
        parts = []
        if self.kind:
            parts.append(translate_in(lang, "kind: {kind}").format(kind=label(self.kind, lang)))
        if self.status:
            parts.append(
                translate_in(lang, "status: {status}").format(status=label(self.status, lang))
            )
        if self.sector:
            parts.append(
                translate_in(lang, "sector: {sector}").format(sector=sector_name or self.sector)
            )
        if self.women_managed:
            parts.append(translate_in(lang, "women in management"))
        if self.majority_female:
            parts.append(translate_in(lang, "> 50 % female workers"))
        if self.founded_under_programme:
            parts.append(translate_in(lang, "founded under the programme"))
        if self.year and template == "list-cooperatives":
            parts.append(translate_in(lang, "founded in {year}").format(year=self.year))
        elif self.year:
            parts.append(translate_in(lang, "year {year}").format(year=self.year))
        if self.search:
            parts.append(translate_in(lang, "search: “{text}”").format(text=self.search))
        if not parts:
            return ""
        return "(" + translate_in(lang, "Filtered by") + " " + "; ".join(parts) + ")"


# Codes the kind filter also takes (an activity's channel, a support's fund).
_MORE_KINDS: dict[str, tuple[str, ...]] = {
    "list-activities": (
        "club",
        "radio",
        "tv",
        "facebook",
        "zalo",
        "contest",
        "leaflet",
        "other",
    ),
    "list-support": ("commercial_bank", "state_budget", "project", "other"),
}


class BadFilter(ValueError):
    """A filter value a list does not know; `field` names the ListFilter field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_filter(session: Session, template: str, flt: ListFilter) -> None:
    """Refuse a filter the list does not offer or a value it does not know (BadFilter)."""
    kinds, statuses = LIST_FILTERS[template]
    kinds = kinds + _MORE_KINDS.get(template, ())
    options = LIST_OPTIONS[template]
    if flt.kind and flt.kind not in kinds:
        raise BadFilter("kind", _choose("kind", flt.kind, kinds))
    if flt.status and flt.status not in statuses:
        raise BadFilter("status", _choose("status", flt.status, statuses))
    for name in ("sector", "year", "women_managed", "majority_female", "founded_under_programme"):
        if getattr(flt, name) and name not in options:
            raise BadFilter(
                name,
                _("This filter does not apply to {document}.").format(document=template),
            )
    if flt.sector and session.get(Sector, flt.sector) is None:
        known = session.scalars(select(Sector.code).order_by(Sector.code).limit(8)).all()
        raise BadFilter(
            "sector",
            _("“{code}” is not a sector code; codes are, for example: {known}.").format(
                code=flt.sector, known=", ".join(known)
            ),
        )
    if flt.year is not None and not 1900 <= flt.year <= 2100:
        raise BadFilter(
            "year", _("“{year}” is not a year; write it as 2025.").format(year=flt.year)
        )


def _choose(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if not allowed:
        return _("This filter does not apply to this list.")
    return _("“{value}” is not one of: {allowed}.").format(value=value, allowed=", ".join(allowed))


def sector_name(session: Session, code: str, lang: str) -> str:
    sector = session.get(Sector, code) if code else None
    if sector is None:
        return code
    return sector.name_en if lang == "en" else sector.name_vi


def _leaves(session: Session, unit_code: str) -> list[str] | None:
    return resolve_scope(session, unit_code).leaves


def _in(column: Any, leaves: list[str] | None) -> Any:
    return column.in_(leaves) if leaves is not None else column.is_not(None)


def _search(column: Any, text: str) -> Any:
    folded = fold(text)
    return column.contains(folded, autoescape=True) if folded else column.is_not(None)


def _year(column: Any, year: int | None) -> Any:
    """Within the year, when one is given (a record whose date is unknown passes no year, and
    every list when none is given)."""
    return Q.year_between(column, year) if year else true()


def _unit_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Unit.code, Unit.name)).all())


def list_cooperatives(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    """The cooperatives with women in management in the period (the indicator's HTX and THT),
    narrowed by the filters."""
    leaves = _leaves(session, unit_code)
    c = Cooperative
    found = session.execute(
        select(
            c,
            rules.majority_female_workers(period, c),
            rules.founded_under_programme(None, c),
        )
        .where(*cooperative_conditions(c, period, flt), _in(c.unit_code, leaves))
        .order_by(c.sort_key, c.id)
    ).all()
    ids = [coop.id for coop, _majority, _founded in found]
    managers = _women_managers_of(session, ids, period, lang)
    years = _latest_years(session, ids, period)
    names = _unit_names(session)
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
        _search(c.name_folded, flt.search),
        c.kind == flt.kind if flt.kind else c.kind.is_not(None),
        c.status == flt.status if flt.status else c.status.is_not(None),
        c.sector_code == flt.sector if flt.sector else c.id.is_not(None),
        _year(c.founded_on, flt.year),
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
    for chunk in _chunks(ids):
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


def _chunks(ids: list[str], size: int = 900) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]


def _latest_years(
    session: Session, ids: list[str], period: Period
) -> dict[str, tuple[int | None, int | None]]:
    """Workers and female workers by each cooperative's latest figures of the period (the
    figures the rule "> 50 % female workers" reads)."""
    y = CooperativeYear
    out: dict[str, tuple[int | None, int | None]] = {}
    for chunk in _chunks(ids):
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


def list_managers(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = _leaves(session, unit_code)
    r, p, c = Role, Person, Cooperative
    rows = session.execute(
        select(p.id, p.full_name, p.birth_year, p.unit_code, r.role, c.name)
        .join(p, p.id == r.person_id)
        .join(c, c.id == r.cooperative_id)
        .where(
            rules.manager_role(r, c, period, rules.HTX_KINDS),
            rules.woman(p),
            _in(p.unit_code, leaves),
            _search(p.name_folded, flt.search),
        )
        .order_by(p.sort_key, p.id, c.sort_key, r.role)
    ).all()
    people: dict[str, dict[str, Any]] = {}
    for pid, name, birth, unit, role, coop in rows:
        entry = people.setdefault(
            pid, {"name": name, "birth": birth, "unit": unit, "roles": [], "coops": []}
        )
        entry["roles"].append(label(role, lang))
        entry["coops"].append(coop)
    trained = _training_summary(session, list(people), period)
    names = _unit_names(session)
    yes, no = translate_in(lang, "Yes"), translate_in(lang, "Not yet")
    out: list[list[CellValue]] = []
    for pid, e in people.items():
        count, last = trained.get(pid, (0, None))
        if (flt.status == "trained" and not count) or (flt.status == "untrained" and count):
            continue
        out.append(
            [
                e["name"],
                e["birth"],
                ", ".join(dict.fromkeys(e["roles"])),
                "; ".join(dict.fromkeys(e["coops"])),
                names.get(e["unit"], e["unit"]),
                yes if count else no,
                count,
                last,
            ]
        )
    return out


def _training_summary(
    session: Session, person_ids: list[str], period: Period
) -> dict[str, tuple[int, dt.date | None]]:
    pa, t = Participation, Training
    start, end = training_window(period)  # the trainings that make a manager "trained"
    out: dict[str, tuple[int, dt.date | None]] = {}
    for chunk in _chunks(person_ids):
        for pid, count, last in session.execute(
            select(pa.person_id, func.count(func.distinct(t.id)), func.max(t.start_on))
            .join(t, t.id == pa.training_id)
            .where(pa.person_id.in_(chunk), rules.completed_between(pa, t, start, end))
            .group_by(pa.person_id)
        ):
            out[pid] = (int(count), last)
    return out


def list_trainings(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = _leaves(session, unit_code)
    t, pa = Training, Participation
    participants = (
        select(pa.training_id, func.count().label("n"))
        .where(pa.deleted_at.is_(None))
        .group_by(pa.training_id)
        .subquery()
    )
    rows = session.execute(
        select(t, participants.c.n)
        .outerjoin(participants, participants.c.training_id == t.id)
        .where(
            t.deleted_at.is_(None),
            t.start_on >= period.start,
            t.start_on <= period.end,
            _in(t.unit_code, leaves),
            _search(t.title_folded, flt.search),
            _year(t.start_on, flt.year),
            or_(t.kind == flt.kind, t.audience == flt.kind) if flt.kind else t.kind.is_not(None),
        )
        .order_by(t.start_on, t.title_folded, t.id)
    ).all()
    return [
        [
            tr.title,
            label(tr.kind, lang),
            label(tr.audience, lang),
            tr.start_on,
            tr.end_on,
            tr.location,
            int(n or 0),
            tr.cost,
        ]
        for tr, n in rows
    ]


def list_activities(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = _leaves(session, unit_code)
    a = Activity
    rows = session.scalars(
        select(a)
        .where(
            a.deleted_at.is_(None),
            a.held_on >= period.start,
            a.held_on <= period.end,
            _in(a.unit_code, leaves),
            _search(a.title_folded, flt.search),
            _year(a.held_on, flt.year),
            or_(a.kind == flt.kind, a.channel == flt.kind) if flt.kind else a.kind.is_not(None),
        )
        .order_by(a.held_on, a.title_folded, a.id)
    ).all()
    return [
        [
            x.held_on,
            x.title,
            label(x.kind, lang),
            label(x.channel, lang),
            x.reach_total,
            x.reach_women,
            x.cost,
        ]
        for x in rows
    ]


def list_support(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = _leaves(session, unit_code)
    s, c, p = Support, Cooperative, Person
    folded = fold(flt.search)
    rows = session.execute(
        select(s, c.name, p.full_name)
        .outerjoin(c, c.id == s.cooperative_id)
        .outerjoin(p, p.id == s.person_id)
        .where(
            s.deleted_at.is_(None),
            s.given_on >= period.start,
            s.given_on <= period.end,
            _in(s.unit_code, leaves),
            _year(s.given_on, flt.year),
            or_(s.kind == flt.kind, s.fund == flt.kind) if flt.kind else s.kind.is_not(None),
            or_(
                c.name_folded.contains(folded, autoescape=True),
                p.name_folded.contains(folded, autoescape=True),
            )
            if folded
            else and_(s.id.is_not(None)),
        )
        .order_by(s.given_on, s.id)
    ).all()
    return [
        [
            sup.given_on,
            coop or person or "",
            label(sup.kind, lang),
            label(sup.fund, lang),
            sup.amount,
            sup.description,
        ]
        for sup, coop, person in rows
    ]


LIST_GATHERERS: dict[
    str, Callable[[Session, str, Period, ListFilter, str], list[list[CellValue]]]
] = {
    "cooperatives": list_cooperatives,
    "managers": list_managers,
    "trainings": list_trainings,
    "activities": list_activities,
    "support": list_support,
}
