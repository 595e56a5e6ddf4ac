"""Gather what a document says from the database: figures, plan, list rows, issuer and signer.

`build_document(session, request)` returns a `coopdesk.reports.model.Document` (and the
tables its .xlsx holds); `coopdesk.reports.layout.render_pdf` and `…xlsx.render_xlsx` draw it.
Figures come from the indicator service, so a report says what the dashboard says.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    Activity,
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Plan,
    Role,
    Support,
    Target,
    Training,
    Unit,
)
from coopdesk.db.models import Assignment as AssignmentRow
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import PROGRAMME_START, Period
from coopdesk.i18n import N_, fold, format_number
from coopdesk.reports import annual, lists, plan
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import CellValue, Column, Document, Table, Typed
from coopdesk.reports.text import translate_in

Progress = Callable[[int, int], None]

# Document kinds: template → (document type code, name shown in the app)
TEMPLATES: dict[str, tuple[str, str]] = {
    "annual": ("BC", N_("Report on the results of the Project")),
    "plan": ("KH", N_("Plan to implement the Project")),
    "list-cooperatives": ("DS", N_("List: cooperatives with women in management")),
    "list-managers": ("DS", N_("List: women managers and their training")),
    "list-trainings": ("DS", N_("List: trainings and participants")),
    "list-activities": ("DS", N_("List: activities")),
    "list-support": ("DS", N_("List: support given")),
}

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


@dataclass
class ListFilter:
    """The filters of the lists, as in the app's lists: kind, text search, status."""

    kind: str = ""  # HTX/THT; training/activity/support kind
    search: str = ""  # diacritics and case ignored
    status: str = ""  # cooperatives: active|suspended|dissolved; managers: trained|untrained

    def describe(self, lang: str) -> str:
        parts = []
        if self.kind:
            parts.append(translate_in(lang, "kind: {kind}").format(kind=label(self.kind, lang)))
        if self.status:
            parts.append(
                translate_in(lang, "status: {status}").format(status=label(self.status, lang))
            )
        if self.search:
            parts.append(translate_in(lang, "search: “{text}”").format(text=self.search))
        if not parts:
            return ""
        return "(" + translate_in(lang, "Filtered by") + " " + "; ".join(parts) + ")"


@dataclass
class ReportRequest:
    template: str
    unit_code: str
    period: str = ""
    lang: str = "vi"
    number: int | None = None  # None: a draft
    date: dt.date | None = None  # the document's date (today when not given)
    paragraphs: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)  # issuer/signer/recipients…
    plan_id: str | None = None
    filters: ListFilter = field(default_factory=ListFilter)
    reissue_note: str = ""

    @property
    def doc_code(self) -> str:
        return TEMPLATES[self.template][0]


class ReportError(ValueError):
    """A document cannot be made; the message says what to change."""


def _noop(done: int, total: int) -> None:
    return None


# --- who issues and signs ----------------------------------------------------------------


def _setting_defaults(session: Session, unit_code: str) -> dict[str, Any]:
    from coopdesk.services.settings import get_document_settings

    s = get_document_settings(session, unit_code)
    return {
        "parent_body": s.parent_body,
        "issuer": s.issuer,
        "symbol": s.symbol,
        "place": s.place,
        "signer_name": s.signer_name,
        "signer_authority": s.signer_authority,
        "signer_title": s.signer_title,
        "recipients": list(s.recipients),
    }


def _cutoff(session: Session, unit_code: str) -> str:
    from coopdesk.services.settings import get_document_settings

    return get_document_settings(session, unit_code).reporting_cutoff


def issuing_for(session: Session, unit_code: str, overrides: dict[str, Any]) -> Issuing:
    values = _setting_defaults(session, unit_code)
    values.update({k: v for k, v in overrides.items() if k in values and v is not None})
    recipients = values["recipients"]
    if isinstance(recipients, str):
        recipients = [r for r in recipients.splitlines() if r.strip()]
    return Issuing(
        parent_body=str(values["parent_body"] or ""),
        issuer=str(values["issuer"] or ""),
        symbol=str(values["symbol"] or ""),
        place=str(values["place"] or ""),
        signer_name=str(values["signer_name"] or ""),
        signer_authority=str(values["signer_authority"] or ""),
        signer_title=str(values["signer_title"] or ""),
        recipients=tuple(str(r) for r in recipients if str(r).strip()),
    )


def unit_phrase(unit: Unit) -> str:
    """The unit as it reads inside a sentence: 'phường Tân Phong', 'tỉnh Lai Châu'."""
    name = unit.name
    if unit.level == "province" and not name.lower().startswith(("tỉnh", "thành phố")):
        name = f"tỉnh {name}"
    return name[:1].lower() + name[1:]


def prose_name(issuer: str, unit: Unit) -> str:
    """The issuer as it reads inside a sentence: 'Hội LHPN phường Tân Phong'."""
    if issuer and issuer != issuer.upper():
        return issuer
    return f"Hội LHPN {unit_phrase(unit)}"


# --- the documents -----------------------------------------------------------------------


def parse_period(text: str, today: dt.date, cutoff: str | None = None) -> Period:
    try:
        return Period.parse(text or str(today.year), cutoff)
    except ValueError as exc:
        raise ReportError(str(exc)) from None


def build_document(
    session: Session, req: ReportRequest, progress: Progress | None = None
) -> tuple[Document, list[Table]]:
    """The document, and the tables its .xlsx holds."""
    if req.template not in TEMPLATES:
        raise ReportError(
            translate_in(req.lang, "Unknown document “{name}”: choose one of {names}").format(
                name=req.template, names=", ".join(TEMPLATES)
            )
        )
    unit = session.get(Unit, req.unit_code)
    if unit is None:
        raise ReportError(
            translate_in(req.lang, "There is no unit with the code {code}.").format(
                code=req.unit_code
            )
        )
    progress = progress or _noop
    date = req.date or dt.date.today()
    issuing = issuing_for(session, unit.code, req.overrides)
    numbering = Numbering(req.doc_code, req.number, date)
    if req.template == "annual":
        data = gather_annual(session, req, unit, date, issuing, progress)
        doc = annual.build_annual(data, issuing, numbering, req.lang)
        return doc, doc.tables()
    if req.template == "plan":
        return _plan_document(session, req, unit, issuing, numbering)
    period = parse_period(req.period, date, _cutoff(session, unit.code))
    kind = req.template.removeprefix("list-")
    rows = LIST_GATHERERS[kind](session, unit.code, period, req.filters, req.lang)
    progress(1, 2)
    doc = lists.build_list(
        kind,
        rows,
        annual.phrase_for(period.kind, period.start, period.end, period.year, req.lang),
        issuing,
        numbering,
        req.lang,
        req.filters.describe(req.lang),
    )
    return doc, doc.tables()


def gather_annual(
    session: Session,
    req: ReportRequest,
    unit: Unit,
    date: dt.date,
    issuing: Issuing,
    progress: Progress,
) -> annual.AnnualData:
    from coopdesk.services import indicators as svc

    period = parse_period(req.period, date, _cutoff(session, unit.code))
    progress(0, 3)
    result = svc.compute(session, unit.code, period, today=date)
    progress(1, 3)
    lang = req.lang
    figures: dict[str, annual.Figure] = {}
    for ind in reg.INDICATORS:
        target = result.targets.get(ind.code)
        figures[ind.code] = annual.Figure(
            code=ind.code,
            name=ind.name(lang),
            unit=ind.unit,
            group=ind.group,
            value=result.values[ind.code].value,
            target=target.value if target else None,
            comparison=target.comparison if target else ">=",
        )
    support = result.values["support_amount"].breakdown
    counts = result.values["support_count"].breakdown
    budget = {k: result.values[k].breakdown for k in ("budget_planned", "budget_allocated")}
    spent = result.values["budget_spent"].breakdown
    sources = sorted(set(spent) | set(budget["budget_planned"]) | set(budget["budget_allocated"]))
    children = [
        (name, {code: v.value for code, v in result.by_child.get(code, {}).items()})
        for code, name in result.scope.children
    ]
    progress(2, 3)
    return annual.AnnualData(
        unit_name=unit.name,
        issuer_prose=prose_name(issuing.issuer, unit),
        period_key=period.key,
        period_kind=period.kind,
        period_start=period.start,
        period_end=period.end,
        period_year=period.year,
        figures=figures,
        cooperatives_active=_active_cooperatives(session, result.scope.leaves, period),
        support_by_fund=[
            (label(fund, lang), int(counts.get(fund, 0)), int(amount))
            for fund, amount in sorted(support.items())
        ],
        budget_by_source=[
            (
                label(src, lang),
                int(budget["budget_planned"].get(src, 0)),
                int(budget["budget_allocated"].get(src, 0)),
                int(spent.get(src, 0)),
            )
            for src in sources
        ],
        bases=_plan_bases(session, unit.code, period, lang),
        paragraphs=req.paragraphs,
        child_codes=list(reg.KEY_CODES),
        children=children,
        reissue_note=req.reissue_note,
    )


def _active_cooperatives(
    session: Session, leaves: list[str] | None, period: Period
) -> tuple[int, int]:
    from coopdesk.services.indicators import _alive

    c = Cooperative
    query = select(c.kind, func.count()).where(_alive(c, period), c.status != "dissolved")
    if leaves is not None:
        query = query.where(c.unit_code.in_(leaves))
    counts = dict(session.execute(query.group_by(c.kind)).all())
    return int(counts.get("HTX", 0)), int(counts.get("THT", 0))


def _plan_bases(session: Session, unit_code: str, period: Period, lang: str) -> list[str]:
    """The plans in force during the period, as a report cites them."""
    plans = session.scalars(
        select(Plan)
        .where(
            Plan.deleted_at.is_(None),
            Plan.unit_code == unit_code,
            Plan.period_start <= period.end,
            Plan.period_end >= period.start,
        )
        .order_by(Plan.issued_on, Plan.id)
    ).all()
    out = []
    for p in plans:
        text = translate_in(lang, "Plan")
        if p.number:
            text += " " + translate_in(lang, "No. {number}").format(number=p.number)
        if p.issued_on:
            text += " " + translate_in(lang, "of {date}").format(date=f"{p.issued_on:%d/%m/%Y}")
        if p.issuer:
            text += " " + translate_in(lang, "by {issuer}").format(issuer=p.issuer)
        out.append(text)
    return out


# --- plan --------------------------------------------------------------------------------


def _plan_document(
    session: Session, req: ReportRequest, unit: Unit, issuing: Issuing, numbering: Numbering
) -> tuple[Document, list[Table]]:
    lang = req.lang
    query = select(Plan).where(Plan.deleted_at.is_(None))
    if req.plan_id:
        query = query.where(Plan.id == req.plan_id)
    else:
        query = query.where(Plan.unit_code == unit.code).order_by(Plan.issued_on.desc(), Plan.id)
    record = session.scalars(query.limit(1)).first()
    if record is None:
        raise ReportError(
            translate_in(lang, "{unit} has no plan yet: enter the plan first.").format(
                unit=unit.name
            )
        )
    targets = session.scalars(
        select(Target)
        .where(Target.deleted_at.is_(None), Target.plan_id == record.id)
        .order_by(Target.period, Target.indicator_code, Target.id)
    ).all()
    assignments = session.scalars(
        select(AssignmentRow)
        .where(AssignmentRow.deleted_at.is_(None), AssignmentRow.plan_id == record.id)
        .order_by(AssignmentRow.created_at, AssignmentRow.id)
    ).all()
    data = plan.PlanData(
        title=record.title,
        period_start=record.period_start,
        period_end=record.period_end,
        bases=[b for b in record.legal_bases.splitlines() if b.strip()],
        purpose=record.purpose,
        requirements=record.requirements,
        general_goal=record.general_goal,
        specific_goals=_goal_lines(targets, lang),
        target_groups=record.target_groups,
        tasks=record.tasks,
        budget_text=record.budget_text,
        assignments=_assignments_by_body(assignments),
        reporting=record.reporting,
        issuer_prose=prose_name(record.issuer or issuing.issuer, unit),
    )
    if record.issuer and "issuer" not in req.overrides:
        keep_parent = record.issuer.upper() == issuing.issuer.upper()
        issuing = Issuing(
            parent_body=issuing.parent_body if keep_parent else "",
            issuer=record.issuer,
            symbol=issuing.symbol,
            place=issuing.place,
            signer_name=issuing.signer_name,
            signer_authority=issuing.signer_authority,
            signer_title=issuing.signer_title,
            recipients=issuing.recipients,
        )
    if record.number and req.number is None:
        numbering = Numbering(
            "KH",
            None,
            record.issued_on or numbering.date,
            record.number if "/" in record.number else f"{record.number}/KH-{issuing.symbol}",
        )
    elif record.issued_on and req.date is None:
        numbering = Numbering("KH", numbering.number, record.issued_on)
    doc = plan.build_plan(data, issuing, numbering, lang)
    return doc, _plan_tables(session, targets, assignments, lang)


def _goal_lines(targets: Sequence[Target], lang: str) -> list[tuple[int, list[str]]]:
    by_year: dict[int, list[str]] = defaultdict(list)
    signs = {">=": "≥ ", "about": translate_in(lang, "about") + " ", "=": ""}
    for t in targets:
        ind = reg.BY_CODE.get(t.indicator_code)
        if ind is None:
            continue
        try:
            year = Period.parse(t.period).end.year
        except ValueError:
            continue
        value = reg.normalize_target(ind, t.value)
        shown = (
            translate_in(lang, "{value} %").format(value=_plain(value, lang))
            if ind.unit == "%"
            else (f"{_plain(value, lang)} {ind.unit}")
        )
        line = f"{ind.name(lang)}: {signs.get(t.comparison, '')}{shown}"
        if t.note:
            line += f" ({t.note})"
        by_year[year].append(line + ";")
    return sorted(by_year.items())


def _plain(value: Decimal, lang: str) -> str:
    decimals = 0 if value == value.to_integral_value() else 1
    return format_number(value, decimals, lang)


def _assignments_by_body(rows: Sequence[AssignmentRow]) -> list[tuple[str, list[plan.Assignment]]]:
    grouped: dict[str, list[plan.Assignment]] = {}
    for a in rows:
        grouped.setdefault(a.responsible_body, []).append(
            plan.Assignment(a.task, a.coordinating_bodies, a.deadline)
        )
    return list(grouped.items())


def _plan_tables(
    session: Session, targets: Sequence[Target], assignments: Sequence[AssignmentRow], lang: str
) -> list[Table]:
    names = dict(session.execute(select(Unit.code, Unit.name)).all())
    target_rows: list[list[CellValue]] = []
    for i, tg in enumerate(targets, start=1):
        ind = reg.BY_CODE.get(tg.indicator_code)
        value = reg.normalize_target(ind, tg.value) if ind else tg.value
        target_rows.append(
            [
                i,
                names.get(tg.target_unit_code, tg.target_unit_code),
                ind.name(lang) if ind else tg.indicator_code,
                tg.period,
                tg.comparison,
                Typed(value / 100, "percent")
                if ind and ind.unit == "%"
                else Typed(value, "decimal"),
                ind.unit if ind else "",
            ]
        )
    assignment_rows: list[list[CellValue]] = [
        [i, a.task, a.responsible_body, a.coordinating_bodies, a.deadline, a.status]
        for i, a in enumerate(assignments, start=1)
    ]
    return [
        Table(
            "",
            [
                Column(translate_in(lang, "#"), "int", 0.5),
                Column(translate_in(lang, "Unit"), "text", 2),
                Column(translate_in(lang, "Indicator"), "text", 4),
                Column(translate_in(lang, "Period"), "text", 1),
                Column(translate_in(lang, "Comparison"), "text", 0.8),
                Column(translate_in(lang, "Target"), "decimal", 1),
                Column(translate_in(lang, "Unit of measure"), "text", 0.8),
            ],
            target_rows,
            sheet_name=translate_in(lang, "Targets"),
        ),
        Table(
            "",
            [
                Column(translate_in(lang, "#"), "int", 0.5),
                Column(translate_in(lang, "Task"), "text", 5),
                Column(translate_in(lang, "Responsible body"), "text", 2),
                Column(translate_in(lang, "In coordination with"), "text", 2),
                Column(translate_in(lang, "Deadline"), "date", 1),
                Column(translate_in(lang, "Status"), "text", 1),
            ],
            assignment_rows,
            sheet_name=translate_in(lang, "Assignments"),
        ),
    ]


# --- lists -------------------------------------------------------------------------------


def _leaves(session: Session, unit_code: str) -> list[str] | None:
    from coopdesk.services.indicators import resolve_scope

    return resolve_scope(session, unit_code).leaves


def _in(column: Any, leaves: list[str] | None) -> Any:
    return column.in_(leaves) if leaves is not None else column.is_not(None)


def _search(column: Any, text: str) -> Any:
    folded = fold(text)
    return column.contains(folded, autoescape=True) if folded else column.is_not(None)


def _unit_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(Unit.code, Unit.name)).all())


def list_cooperatives(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    from coopdesk.services.indicators import _alive, _role_active

    leaves = _leaves(session, unit_code)
    c, r, p = Cooperative, Role, Person
    coops = session.scalars(
        select(c)
        .where(
            _alive(c, period),
            _in(c.unit_code, leaves),
            _search(c.name_folded, flt.search),
            c.kind == flt.kind if flt.kind else c.kind.is_not(None),
            c.status == flt.status if flt.status else c.status.is_not(None),
        )
        .order_by(c.sort_key, c.id)
    ).all()
    ids = [x.id for x in coops]
    managers: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        for coop_id, kind, name, role in session.execute(
            select(r.cooperative_id, c.kind, p.full_name, r.role)
            .join(p, p.id == r.person_id)
            .join(c, c.id == r.cooperative_id)
            .where(
                r.cooperative_id.in_(chunk),
                _role_active(r, period),
                p.gender == "F",
                p.deleted_at.is_(None),
                r.role.in_(reg.THT_MANAGEMENT_ROLES),
            )
            .order_by(p.sort_key, r.role)
        ):
            if role == "group_leader" and kind != "THT":
                continue
            managers[coop_id].append(f"{name} ({label(role, lang)})")
    years = _latest_years(session, ids, period)
    names = _unit_names(session)
    rows: list[list[CellValue]] = []
    for coop in coops:
        if coop.id not in managers:
            continue
        workers, female = years.get(coop.id, (None, None))
        badges: list[str] = []
        if workers and female is not None and female * 2 > workers:
            badges.append(translate_in(lang, "> 50 % female workers"))
        if coop.ocop_stars:
            badges.append(translate_in(lang, "OCOP {stars} stars").format(stars=coop.ocop_stars))
        if coop.ecommerce:
            badges.append(translate_in(lang, "E-commerce"))
        if coop.hoi_supported:
            badges.append(translate_in(lang, "Supported by the Union"))
        if coop.founded_with_hoi_support:
            badges.append(translate_in(lang, "Founded under the Project"))
        rows.append(
            [
                coop.name,
                coop.kind,
                names.get(coop.unit_code, coop.unit_code),
                "; ".join(dict.fromkeys(managers[coop.id])),
                workers,
                female,
                "; ".join(badges),
            ]
        )
    return rows


def _chunks(ids: list[str], size: int = 900) -> list[list[str]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)] or [[]]


def _latest_years(
    session: Session, ids: list[str], period: Period
) -> dict[str, tuple[int | None, int | None]]:
    y = CooperativeYear
    out: dict[str, tuple[int | None, int | None]] = {}
    for chunk in _chunks(ids):
        for coop_id, _year, workers, female in session.execute(
            select(y.cooperative_id, y.year, y.workers, y.female_workers)
            .where(y.cooperative_id.in_(chunk), y.deleted_at.is_(None), y.year <= period.end.year)
            .order_by(y.cooperative_id, y.year.desc())
        ):
            out.setdefault(coop_id, (workers, female))
    return out


def list_managers(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    from coopdesk.services.indicators import _alive, _role_active

    leaves = _leaves(session, unit_code)
    r, p, c = Role, Person, Cooperative
    rows = session.execute(
        select(p.id, p.full_name, p.birth_year, p.unit_code, r.role, c.name)
        .join(p, p.id == r.person_id)
        .join(c, c.id == r.cooperative_id)
        .where(
            r.role.in_(reg.MANAGEMENT_ROLES),
            _role_active(r, period),
            p.gender == "F",
            p.deleted_at.is_(None),
            c.kind.in_(("HTX", "LHHTX")),
            _alive(c, period),
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
    out: dict[str, tuple[int, dt.date | None]] = {}
    for chunk in _chunks(person_ids):
        for pid, count, last in session.execute(
            select(pa.person_id, func.count(func.distinct(t.id)), func.max(t.start_on))
            .join(t, t.id == pa.training_id)
            .where(
                pa.person_id.in_(chunk),
                pa.completed.is_(True),
                pa.deleted_at.is_(None),
                t.deleted_at.is_(None),
                t.start_on >= min(PROGRAMME_START, period.start),
                t.start_on <= period.end,
            )
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


def paragraphs_json(paragraphs: dict[str, str]) -> str:
    return json.dumps(
        {k: v for k, v in paragraphs.items() if v}, ensure_ascii=False, sort_keys=True
    )
