"""The plan document (kế hoạch, KH) from a plan record: its goals by year, the assignments by
responsible body, its own issuer and number, and the tables its .xlsx holds."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Assignment as AssignmentRow
from coopdesk.db.models import Plan, Target, Unit
from coopdesk.domain import indicators as reg
from coopdesk.domain import issuers
from coopdesk.domain.periods import Period
from coopdesk.i18n import format_number
from coopdesk.reports import plan
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import CellValue, Column, Document, Table, Typed
from coopdesk.reports.text import translate_in
from coopdesk.services.report_request import ReportError, ReportRequest, prose_name


def plan_document(
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
    """The plan's own issuer, unless the request names one. A plan of another kind of body
    than the unit's Hội (a People's Committee, a steering committee) is headed, numbered and
    signed as that body (`domain.issuers`); a Hội's plan keeps the unit's settings."""
    if not record.issuer or "issuer" in req.overrides:
        return issuing
    kind = issuers.kind_of(record.issuer)
    if kind == "hoi":
        keep_parent = record.issuer.upper() == issuing.issuer.upper()
        return replace(
            issuing, parent_body=issuing.parent_body if keep_parent else "", issuer=record.issuer
        )
    place = issuers.place_of(record.issuer)
    block = issuers.defaults(kind, place)
    return Issuing(
        parent_body=block.parent_body,
        issuer=block.issuer,
        symbol=block.symbol,
        place=issuers.place_name(place) or issuing.place,
        signer_name="",
        signer_authority=block.signer_authority,
        signer_title=block.signer_title,
        recipients=block.recipients,
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
