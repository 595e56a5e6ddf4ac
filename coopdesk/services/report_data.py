"""Gather what a document says from the database: figures, plan, list rows, issuer and signer.

`build_document(session, request)` returns a `coopdesk.reports.model.Document` (and the
tables its .xlsx holds); `coopdesk.reports.layout.render_pdf` and `…xlsx.render_xlsx` draw it.
Figures come from the indicator service, so a report says what the dashboard says.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import (
    Cooperative,
    Plan,
    Unit,
)
from coopdesk.domain import indicators as reg
from coopdesk.domain import issuers
from coopdesk.domain.periods import Period
from coopdesk.reports import annual, lists
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import Document, Table
from coopdesk.reports.text import translate_in
from coopdesk.services.overview import applicable_targets
from coopdesk.services.plan_document import citation_of, plan_document
from coopdesk.services.report_lists import (
    LIST_GATHERERS,
    BadFilter,
    check_filter,
    label,
    sector_name,
)
from coopdesk.services.report_request import TEMPLATES, ReportError, ReportRequest, prose_name

if TYPE_CHECKING:
    from coopdesk.services.indicators import Result as IndicatorResult
    from coopdesk.services.indicators import TargetInfo

Progress = Callable[[int, int], None]


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
    values = issuers.overridden(_setting_defaults(session, unit_code), overrides)
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
        return plan_document(session, req, unit, issuing, numbering)
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
    figures = _annual_figures(
        result, applicable_targets(session, result.scope.unit_code, period), lang
    )
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
        wording=req.wording,
        child_codes=list(reg.KEY_CODES),
        children=children,
        own_level=_own_level(result, lang),
        reissue_note=req.reissue_note,
        international_spent=int(
            result.values["budget_spent"].breakdown.get("international", 0) or 0
        ),
    )


def _own_level(result: IndicatorResult, lang: str) -> tuple[str, dict[str, Decimal | None]] | None:
    """What the issuing level holds itself, beside its children: the unit's figures less its
    children's (numerators and denominators apart, so ratios stay ratios). A province's own
    trainings and activities belong to no commune; the country's row also holds the units no
    current province holds (pre-2025 units)."""
    if not result.scope.children:
        return None
    rest = {code: replace(v, breakdown={}) for code, v in result.values.items()}
    for child in result.by_child.values():
        for code, v in child.items():
            own = rest[code]
            own.numerator -= v.numerator
            if v.denominator is not None:
                own.denominator = (own.denominator or Decimal(0)) - v.denominator
    if result.scope.level == "national":
        name = translate_in(lang, "Central level")
    else:
        name = translate_in(lang, "Province level")
    return name, {code: v.value for code, v in rest.items()}


def _annual_figures(
    result: IndicatorResult, targets: dict[str, TargetInfo], lang: str
) -> dict[str, annual.Figure]:
    """Every indicator's value and the target that applies to the period (the period's own,
    else for a level its phase's), named in the document's language."""
    figures: dict[str, annual.Figure] = {}
    for ind in reg.INDICATORS:
        target = targets.get(ind.code)
        figures[ind.code] = annual.Figure(
            code=ind.code,
            name=ind.name(lang),
            unit=ind.unit,
            unit_text=ind.unit_text(lang),
            group=ind.group,
            value=result.values[ind.code].value,
            target=target.value if target else None,
            comparison=target.comparison if target else ">=",
            target_period=target.period if target else "",
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
    """The plans in force during the period, as a report cites them: numbered and dated
    plans only ("Căn cứ Kế hoạch của UBND thành phố Lai Châu;" names no document)."""
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
    # a Căn cứ names a document by its number and date, or not at all (plan_document)
    cited = (citation_of(p) for p in plans)
    return [c.document(lang) for c in cited if c is not None]


def paragraphs_json(paragraphs: dict[str, str | None]) -> str:
    """The officer's paragraphs as stored: empty ones dropped, None (left out) kept."""
    return json.dumps(
        {k: v for k, v in paragraphs.items() if v or v is None}, ensure_ascii=False, sort_keys=True
    )
