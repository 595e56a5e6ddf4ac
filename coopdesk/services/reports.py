"""Drafts and the register of issued documents (the `reports` table).

A document is a draft until it is issued. Issuing gives it the next number for its type and
year at its unit (numbers restart each year), renders it, and records the PDF's SHA-256, the
period and the signer. A correction is a re-issue: a new document with its own number that
points at the one it replaces (`reissue_of`) and says so under its subject line.
The caller owns the transaction (session_scope); nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Report
from coopdesk.i18n import _
from coopdesk.reports.model import Document, Table
from coopdesk.reports.text import translate_in
from coopdesk.services.report_data import (
    TEMPLATES,
    Progress,
    ReportError,
    ReportRequest,
    build_document,
    issuing_for,
    paragraphs_json,
)
from coopdesk.services.report_lists import LIST_OPTIONS, BadFilter, ListFilter, check_filter

__all__ = [
    "LIST_OPTIONS",
    "TEMPLATES",
    "BadFilter",
    "ListFilter",
    "Rendered",
    "ReportError",
    "ReportRequest",
    "check_filter",
    "issue_report",
    "next_number",
    "register",
    "reissue",
    "render",
    "render_request",
    "save_draft",
]


@dataclass
class Rendered:
    document: Document
    pdf: bytes
    tables: list[Table] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()

    def xlsx(self) -> bytes:
        from coopdesk.reports.xlsx import render_xlsx

        return render_xlsx(self.document, self.tables)


def render_request(
    session: Session, request: ReportRequest, progress: Progress | None = None
) -> Rendered:
    from coopdesk.reports.layout import render_pdf

    document, tables = build_document(session, request, _scaled(progress, 0, 40))
    pdf = render_pdf(document, _scaled(progress, 40, 100))
    if progress:
        progress(100, 100)
    return Rendered(document, pdf, tables)


def _scaled(progress: Progress | None, low: int, high: int) -> Progress | None:
    """Map a step's own (done, total) onto its share of one 0–100 bar."""
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(low + (high - low) * done // max(total, 1), 100)

    return scaled


# --- the Report record -------------------------------------------------------------------


def _options(report: Report) -> dict[str, Any]:
    try:
        data = json.loads(report.settings or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def paragraphs_of(report: Report) -> dict[str, str]:
    try:
        data = json.loads(report.paragraphs or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def request_for(session: Session, report: Report, lang: str = "vi") -> ReportRequest:
    """What to render for a stored report, in a language (the official one is Vietnamese)."""
    options = _options(report)
    date = report.issued_on
    if date is None and options.get("date"):
        date = dt.date.fromisoformat(options["date"])
    note = ""
    if report.reissue_of:
        original = session.get(Report, report.reissue_of)
        if original is not None and original.number is not None:
            note = translate_in(lang, "(Replaces document No. {number} of {date})").format(
                number=f"{original.number:02d}/{original.symbol}",
                date=f"{original.issued_on:%d/%m/%Y}" if original.issued_on else "",
            )
    return ReportRequest(
        template=report.template,
        unit_code=report.unit_code,
        period=report.period,
        lang=lang,
        number=report.number,
        date=date,
        paragraphs=paragraphs_of(report),
        overrides=dict(options.get("overrides", {})),
        plan_id=options.get("plan_id"),
        filters=ListFilter(**options.get("filters", {})),
        reissue_note=note,
    )


def render(
    session: Session, report: Report, lang: str = "vi", progress: Progress | None = None
) -> Rendered:
    return render_request(session, request_for(session, report, lang), progress)


def _audit(session: Session, report: Report, action: str, actor: str, before: Any) -> None:
    after = {
        "template": report.template,
        "unit_code": report.unit_code,
        "period": report.period,
        "status": report.status,
        "number": report.number,
        "year": report.year,
        "file_hash": report.file_hash,
        "reissue_of": report.reissue_of,
    }
    session.add(
        AuditEvent(
            actor=actor,
            action=action,
            entity="report",
            entity_id=report.id,
            unit_code=report.unit_code,
            before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else None,
            after=json.dumps(after, ensure_ascii=False, sort_keys=True),
        )
    )


def save_draft(
    session: Session,
    *,
    template: str,
    unit_code: str,
    period: str,
    actor: str,
    paragraphs: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
    filters: ListFilter | None = None,
    plan_id: str | None = None,
    date: dt.date | None = None,
    report: Report | None = None,
) -> Report:
    """Create or update a draft with the officer's paragraphs and per-document settings."""
    if template not in TEMPLATES:
        raise ReportError(
            _("Unknown document “{name}”: choose one of {names}").format(
                name=template, names=", ".join(TEMPLATES)
            )
        )
    if report is not None and report.status != "draft":
        raise ReportError(_("An issued document cannot be changed; re-issue it instead."))
    before = None
    if report is None:
        report = Report(
            template=template, unit_code=unit_code, created_by=actor, status="draft", year=0
        )
        session.add(report)
    else:
        before = {"paragraphs": report.paragraphs, "settings": report.settings}
    options: dict[str, Any] = {"overrides": overrides or {}}
    if filters is not None:
        options["filters"] = {k: v for k, v in vars(filters).items() if v}
    if plan_id:
        options["plan_id"] = plan_id
    if date is not None:
        options["date"] = date.isoformat()
    report.template = template
    report.doc_type = TEMPLATES[template][0]
    report.unit_code = unit_code
    report.period = period
    report.year = (date or dt.date.today()).year
    report.paragraphs = paragraphs_json(paragraphs or {})
    report.settings = json.dumps(options, ensure_ascii=False, sort_keys=True)
    report.updated_by = actor
    session.flush()
    report.title = _title(session, report)
    _audit(session, report, "create" if before is None else "update", actor, before)
    return report


def _title(session: Session, report: Report) -> str:
    return translate_in("vi", TEMPLATES[report.template][1]) + (
        f" — {report.period}" if report.period else ""
    )


def next_number(session: Session, unit_code: str, doc_type: str, year: int) -> int:
    """The next number for a document type at a unit in a year (numbering restarts yearly)."""
    current = session.scalar(
        select(func.max(Report.number)).where(
            Report.unit_code == unit_code,
            Report.doc_type == doc_type,
            Report.year == year,
            Report.status == "issued",
            Report.deleted_at.is_(None),
        )
    )
    return int(current or 0) + 1


def issue_report(
    session: Session,
    report: Report,
    *,
    actor: str,
    issued_on: dt.date | None = None,
    progress: Progress | None = None,
) -> Rendered:
    """Number the draft, render the official (Vietnamese) PDF and record its hash."""
    if report.status == "issued":
        raise ReportError(
            _("Document No. {number} is already issued; re-issue it to correct it.").format(
                number=f"{report.number:02d}/{report.symbol}"
            )
        )
    day = issued_on or dt.date.today()
    issuing = issuing_for(session, report.unit_code, _options(report).get("overrides", {}))
    before = {"status": report.status, "number": report.number}
    report.year = day.year
    report.number = next_number(session, report.unit_code, report.doc_type, day.year)
    report.issued_on = day
    report.symbol = f"{report.doc_type}-{issuing.symbol}" if issuing.symbol else report.doc_type
    report.signer = issuing.signer_name
    rendered = render(session, report, "vi", progress)
    report.status = "issued"
    report.file_hash = rendered.sha256
    report.updated_by = actor
    session.flush()
    _audit(session, report, "update", actor, before)
    return rendered


def reissue(session: Session, original: Report, *, actor: str) -> Report:
    """A new draft replacing an issued document; it gets its own number when issued."""
    if original.status != "issued":
        raise ReportError(_("Only an issued document can be re-issued; edit the draft instead."))
    copy = Report(
        template=original.template,
        doc_type=original.doc_type,
        unit_code=original.unit_code,
        period=original.period,
        year=dt.date.today().year,
        status="draft",
        paragraphs=original.paragraphs,
        settings=original.settings,
        title=original.title,
        reissue_of=original.id,
        created_by=actor,
        updated_by=actor,
    )
    session.add(copy)
    session.flush()
    _audit(session, copy, "create", actor, None)
    return copy


def register(
    session: Session, unit_code: str | None = None, year: int | None = None
) -> list[Report]:
    """Documents, newest first: issued ones by number, then drafts."""
    query = select(Report).where(Report.deleted_at.is_(None))
    if unit_code:
        query = query.where(Report.unit_code == unit_code)
    if year:
        query = query.where(Report.year == year)
    return list(
        session.scalars(
            query.order_by(
                Report.year.desc(),
                Report.doc_type,
                Report.number.desc(),
                Report.updated_at.desc(),
                Report.id,
            )
        ).all()
    )
