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
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment as AssignmentRow
from coopdesk.db.models import (
    Cooperative,
    Plan,
    Target,
    Unit,
)
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.i18n import N_, format_number
from coopdesk.reports import annual, lists, plan
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import CellValue, Column, Document, Table, Typed
from coopdesk.reports.text import translate_in
from coopdesk.services.report_lists import (
    LIST_GATHERERS,
    BadFilter,
    ListFilter,
    check_filter,
    label,
    sector_name,
)

if TYPE_CHECKING:
    from coopdesk.services.indicators import Result as IndicatorResult

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
    try:
        check_filter(session, req.template, req.filters)
    except BadFilter as exc:
        raise ReportError(str(exc)) from None
    rows = LIST_GATHERERS[kind](session, unit.code, period, req.filters, req.lang)
    progress(1, 2)
    doc = lists.build_list(
        kind,
        rows,
        annual.phrase_for(period.kind, period.start, period.end, period.year, req.lang),
        issuing,
        numbering,
        req.lang,
        req.filters.describe(
            req.lang, sector_name(session, req.filters.sector, req.lang), req.template
        ),
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
    figures = _annual_figures(result, lang)
    support_by_fund = _support_by_fund(result, lang)
    budget_by_source = _budget_by_source(result, lang)
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
        support_by_fund=support_by_fund,
        budget_by_source=budget_by_source,
        bases=_plan_bases(session, unit.code, period, lang),
        paragraphs=req.paragraphs,
        child_codes=list(reg.KEY_CODES),
        children=children,
        reissue_note=req.reissue_note,
    )


def _annual_figures(result: IndicatorResult, lang: str) -> dict[str, annual.Figure]:
    """Every indicator's value and the plan's target for it, named in the document's language."""
    figures: dict[str, annual.Figure] = {}
    for ind in reg.INDICATORS:
        target = result.targets.get(ind.code)
        figures[ind.code] = annual.Figure(
            code=ind.code,
            name=ind.name(lang),
            unit=ind.unit,
            unit_text=ind.unit_text(lang),
            group=ind.group,
            value=result.values[ind.code].value,
            target=target.value if target else None,
            comparison=target.comparison if target else ">=",
        )
    return figures


def _support_by_fund(result: IndicatorResult, lang: str) -> list[tuple[str, int, int]]:
    """(fund, number of supports, amount), by fund code."""
    support = result.values["support_amount"].breakdown
    counts = result.values["support_count"].breakdown
    return [
        (label(fund, lang), int(counts.get(fund, 0)), int(amount))
        for fund, amount in sorted(support.items())
    ]


def _budget_by_source(result: IndicatorResult, lang: str) -> list[tuple[str, int, int, int]]:
    """(source, planned, allocated, spent), by source code."""
    budget = {k: result.values[k].breakdown for k in ("budget_planned", "budget_allocated")}
    spent = result.values["budget_spent"].breakdown
    sources = sorted(set(spent) | set(budget["budget_planned"]) | set(budget["budget_allocated"]))
    return [
        (
            label(src, lang),
            int(budget["budget_planned"].get(src, 0)),
            int(budget["budget_allocated"].get(src, 0)),
            int(spent.get(src, 0)),
        )
        for src in sources
    ]


def _active_cooperatives(
    session: Session, leaves: list[str] | None, period: Period
) -> tuple[int, int]:
    from coopdesk.services import rules

    c = Cooperative
    query = select(c.kind, func.count()).where(rules.alive(c, period), c.status != "dissolved")
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
    record = _plan_record(session, req, unit)
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
    issuing = _plan_issuing(record, req, issuing)
    numbering = _plan_numbering(record, req, issuing, numbering)
    doc = plan.build_plan(data, issuing, numbering, lang)
    return doc, _plan_tables(session, targets, assignments, lang)


def _plan_record(session: Session, req: ReportRequest, unit: Unit) -> Plan:
    """The plan asked for, or the unit's latest; ReportError when the unit has none."""
    query = select(Plan).where(Plan.deleted_at.is_(None))
    if req.plan_id:
        query = query.where(Plan.id == req.plan_id)
    else:
        query = query.where(Plan.unit_code == unit.code).order_by(Plan.issued_on.desc(), Plan.id)
    record = session.scalars(query.limit(1)).first()
    if record is None:
        raise ReportError(
            translate_in(req.lang, "{unit} has no plan yet: enter the plan first.").format(
                unit=unit.name
            )
        )
    return record


def _plan_issuing(record: Plan, req: ReportRequest, issuing: Issuing) -> Issuing:
    """The plan's own issuer, unless the request names one (its parent body kept only when
    the issuer is the same)."""
    if not record.issuer or "issuer" in req.overrides:
        return issuing
    keep_parent = record.issuer.upper() == issuing.issuer.upper()
    return Issuing(
        parent_body=issuing.parent_body if keep_parent else "",
        issuer=record.issuer,
        symbol=issuing.symbol,
        place=issuing.place,
        signer_name=issuing.signer_name,
        signer_authority=issuing.signer_authority,
        signer_title=issuing.signer_title,
        recipients=issuing.recipients,
    )


def _plan_numbering(
    record: Plan, req: ReportRequest, issuing: Issuing, numbering: Numbering
) -> Numbering:
    """The plan's own number and date, unless the request gives them."""
    if record.number and req.number is None:
        return Numbering(
            "KH",
            None,
            record.issued_on or numbering.date,
            record.number if "/" in record.number else f"{record.number}/KH-{issuing.symbol}",
        )
    if record.issued_on and req.date is None:
        return Numbering("KH", numbering.number, record.issued_on)
    return numbering


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
            else (f"{_plain(value, lang)} {ind.unit_text(lang)}")
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
                ind.unit_text(lang) if ind else "",
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


def paragraphs_json(paragraphs: dict[str, str]) -> str:
    return json.dumps(
        {k: v for k, v in paragraphs.items() if v}, ensure_ascii=False, sort_keys=True
    )
