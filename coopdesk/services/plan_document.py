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
from coopdesk.domain import citations, issuers
from coopdesk.domain import indicators as reg
from coopdesk.domain.periods import Period
from coopdesk.i18n import format_number
from coopdesk.reports import plan
from coopdesk.reports.annual import target_span
from coopdesk.reports.common import Issuing, Numbering
from coopdesk.reports.model import CellValue, Column, Document, Table, Typed
from coopdesk.reports.text import translate_in
from coopdesk.services.report_lists.labels import label
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
        .order_by(AssignmentRow.position, AssignmentRow.created_at, AssignmentRow.id)
    ).all()
    issuing = plan_issuing(session, record, req, issuing)
    data = plan.PlanData(
        title=record.title,
        period_start=record.period_start,
        period_end=record.period_end,
        bases=basis_lines(record, lang),
        preamble=record.opening,
        purpose=record.purpose,
        requirements=record.requirements,
        general_goal=record.general_goal,
        specific_text=record.specific_goals,
        specific_goals=_goal_lines(targets, lang),
        target_groups=record.target_groups,
        timing=record.timing,
        tasks=record.tasks,
        own_activities=[a.task for a in assignments if a.own_level],
        budget_text=record.budget_text,
        assignments=_assignments_by_body([a for a in assignments if not a.own_level]),
        reporting=record.reporting,
        closing=record.closing,
        issuer_prose=prose_name(record.issuer or issuing.issuer, unit),
        headings={
            "groups": record.heading_groups,
            "tasks": record.heading_tasks,
            "own": record.heading_own,
        },
        own_level=issuers.place_word(issuers.place_of(record.issuer)).upper(),
    )
    numbering = _plan_numbering(record, req, issuing, numbering)
    doc = plan.build_plan(data, issuing, numbering, lang)
    return doc, _plan_tables(session, targets, assignments, lang)


def basis_lines(record: Plan, lang: str) -> list[str]:
    """The plan's Căn cứ lines: its citations (data), or the lines of an older plan."""
    try:
        rows = citations.parse(record.bases)
        if rows:
            return [c.text(lang) for c in citations.from_rows(rows)]
    except citations.BadCitations:
        pass  # refused on save and on import; an old row prints its text lines instead
    lines = [b.strip() for b in record.legal_bases.splitlines() if b.strip()]
    verbs = ("căn cứ", "thực hiện", "pursuant", "implementing")
    pursuant = translate_in(lang, "Pursuant to")
    return [b if b.lower().startswith(verbs) else f"{pursuant} {b}" for b in lines]


def citation_of(record: Plan) -> citations.Citation | None:
    """How a later document cites this plan ("Kế hoạch số 235/KH-UBND ngày 21/3/2023 của
    UBND thành phố Lai Châu về thực hiện Đề án …"): by its number and date, or not at all."""
    if not (record.number and record.issued_on):
        return None
    subject = plan.plan_subject(record.title, "vi")
    about = f"về {subject[:1].lower()}{subject[1:]}" if subject != record.title.strip() else ""
    return citations.Citation("KH", record.number, record.issued_on, record.issuer, about)


def citable_plans(
    session: Session, unit_code: str, exclude: str | None = None
) -> list[tuple[str, dict[str, object]]]:
    """The plans a new plan of `unit_code` may cite (its own unit's and the unit's above,
    numbered and dated), as (label, citation row) for the Căn cứ tab to fill in."""
    from coopdesk.services.plans import plans_for

    out: list[tuple[str, dict[str, object]]] = []
    for record in plans_for(session, unit_code, with_parent=True):
        cited = citation_of(record) if record.id != exclude else None
        if cited is not None:
            label = f"{cited.number} · {citations.short_date(cited.date or record.period_start)}"
            out.append((f"{label} · {cited.issuer}", {**cited.as_dict(), "date": cited.date}))
    return out


def latest_plan_issuing(session: Session, unit: Unit, issuing: Issuing) -> Issuing | None:
    """What the unit's latest plan prints as issuer and signer (None: the unit has none)."""
    req = ReportRequest("plan", unit.code)
    try:
        record = _plan_record(session, req, unit)
    except ReportError:
        return None
    return plan_issuing(session, record, req, issuing)


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


# The plan's own issuing columns, by the Issuing field each sets.
OWN_ISSUING = {
    "issuer": "issuer_header",
    "parent_body": "parent_body",
    "symbol": "symbol",
    "place": "place",
    "signer_authority": "signer_authority",
    "signer_title": "signer_title",
    "signer_name": "signer_name",
}


def kind_issuing(session: Session, record: Plan, issuing: Issuing) -> Issuing:
    """What a plan prints before its own lines: a Hội's plan the unit's settings, a People's
    Committee's or a steering committee's the defaults of that kind of body
    (`domain.issuers`)."""
    if not record.issuer:
        return issuing
    kind = issuers.kind_of(record.issuer)
    if kind == "hoi":
        keep_parent = record.issuer.upper() == issuing.issuer.upper()
        return replace(
            issuing, parent_body=issuing.parent_body if keep_parent else "", issuer=record.issuer
        )
    place = issuers.place_of(record.issuer)
    block = issuers.defaults(kind, place, _parent_place(session, record))
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


def plan_issuing(session: Session, record: Plan, req: ReportRequest, issuing: Issuing) -> Issuing:
    """The plan's header and signature: the defaults of its kind of body, then the plan's
    own lines, then what the request changes."""
    out = kind_issuing(session, record, issuing)
    lines = remembered_lines(session, record.unit_code, record.issuer, record.id)
    lines.update({k: v for k, v in own_lines(record).items() if v})
    changes: dict[str, object] = {k: v for k, v in lines.items() if k != "recipients"}
    if lines.get("recipients"):
        changes["recipients"] = tuple(lines["recipients"].splitlines())
    for key, value in req.overrides.items():
        if value is None or (key not in OWN_ISSUING and key != "recipients"):
            continue
        changes[key] = tuple(value) if key == "recipients" else str(value)
    return replace(out, **changes)  # type: ignore[arg-type]


def own_lines(record: Plan) -> dict[str, str]:
    """The issuing lines a plan says itself, by Issuing field ('recipients': one a line)."""
    lines = {key: getattr(record, column).strip() for key, column in OWN_ISSUING.items()}
    recipients = [r.strip() for r in record.recipients.splitlines() if r.strip()]
    return {**lines, "recipients": "\n".join(recipients)}


def remembered_lines(
    session: Session, unit_code: str, issuer: str, exclude: str | None = None
) -> dict[str, str]:
    """The lines the unit's latest other plan of the same issuer said (its signer, its
    recipients…): the defaults of that body at this unit, so they are typed once."""
    if not issuer.strip():
        return {}
    plans = session.scalars(
        select(Plan)
        .where(Plan.deleted_at.is_(None), Plan.unit_code == unit_code, Plan.id != (exclude or ""))
        .order_by(Plan.issued_on.desc().nulls_last(), Plan.updated_at.desc(), Plan.id)
    ).all()
    name = " ".join(issuer.split()).casefold()
    others = [p for p in plans if " ".join(p.issuer.split()).casefold() == name]
    out: dict[str, str] = {}
    for other in others:  # newest first: a line the newest leaves empty comes from an older
        for key, value in own_lines(other).items():
            if value and key not in out:
                out[key] = value
    return out


def _parent_place(session: Session, record: Plan) -> str:
    """The place of the body above a People's Committee plan's own ('tỉnh Lai Châu' for the
    city's), from the plan's unit: its province."""
    unit = session.get(Unit, record.unit_code)
    if unit is None or unit.level == "province" or not unit.parent_code:
        return ""
    parent = session.get(Unit, unit.parent_code)
    if parent is None:
        return ""
    name = parent.name
    if parent.level == "province" and not name.lower().startswith(("tỉnh", "thành phố")):
        name = f"tỉnh {name}"
    return name


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


def _assignments_by_body(rows: Sequence[AssignmentRow]) -> list[tuple[str, list[str]]]:
    """The tasks by responsible body, bodies in the order their first task was entered."""
    grouped: dict[str, list[str]] = {}
    for a in rows:
        grouped.setdefault(a.responsible_body, []).append(a.task)
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
                target_span(tg.period, lang),  # 'giai đoạn 2026–2030', not 'phase2'
                label(tg.comparison, lang),
                Typed(value / 100, "percent")
                if ind and ind.unit == "%"
                else Typed(value, "decimal"),
                ind.unit_text(lang) if ind else "",
            ]
        )
    assignment_rows: list[list[CellValue]] = [
        [i, a.task, a.responsible_body, a.coordinating_bodies, a.deadline, label(a.status, lang)]
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
                Column(translate_in(lang, "Target value"), "decimal", 1),
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
