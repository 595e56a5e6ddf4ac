"""How a document is kept in the `reports` table: its options and paragraphs as JSON, the
request it renders from, and the audit events of its changes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Report
from coopdesk.i18n import _
from coopdesk.reports.text import translate_in
from coopdesk.services import accounts
from coopdesk.services.documents.wording import wording_from
from coopdesk.services.report_lists import ListFilter
from coopdesk.services.report_request import ReportError, ReportRequest


def get_report(session: Session, report_id: str) -> Report:
    report = session.get(Report, report_id)
    if report is None or report.deleted_at is not None:
        raise ReportError(_("The document was deleted; choose another one."))
    return report


def options_of(report: Report) -> dict[str, Any]:
    try:
        data = json.loads(report.settings or "{}")
    except ValueError:
        data = {}
    return data if isinstance(data, dict) else {}


def paragraphs_of(report: Report) -> dict[str, str | None]:
    """The officer's paragraphs; None for a part she left out."""
    try:
        data = json.loads(report.paragraphs or "{}")
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): None if v is None else str(v) for k, v in data.items()}


def document_date(report: Report) -> dt.date | None:
    """The date printed on it: the day it was issued, else the date chosen for the draft."""
    if report.issued_on is not None:
        return report.issued_on
    text = options_of(report).get("date")
    return dt.date.fromisoformat(text) if text else None


def number_line(report: Report) -> str:
    """'01/BC-HPN' once issued, '' for a draft."""
    return f"{report.number:02d}/{report.symbol}" if report.number is not None else ""


def reissue_note(session: Session, report: Report, lang: str) -> str:
    """'(Replaces document No. 01/BC-HPN of 05/11/2026)' under a re-issue's subject line."""
    if not report.reissue_of:
        return ""
    original = session.get(Report, report.reissue_of)
    if original is None or original.number is None:
        return ""
    return translate_in(lang, "(Replaces document No. {number} of {date})").format(
        number=number_line(original),
        date=f"{original.issued_on:%d/%m/%Y}" if original.issued_on else "",
    )


def request_for(session: Session, report: Report, lang: str = "vi") -> ReportRequest:
    """What to render for a stored document, in a language (the official one is Vietnamese)."""
    options = options_of(report)
    return ReportRequest(
        template=report.template,
        unit_code=report.unit_code,
        period=report.period,
        lang=lang,
        number=report.number,
        date=document_date(report),
        paragraphs=paragraphs_of(report),
        wording={key: value.text for key, value in wording_from(options).items()},
        overrides=dict(options.get("overrides", {})),
        plan_id=options.get("plan_id"),
        filters=ListFilter(**options.get("filters", {})),
        reissue_note=reissue_note(session, report, lang),
    )


def audit(session: Session, report: Report, action: str, actor: str, before: Any) -> None:
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
            actor=accounts.writer(session, actor),  # refused for a viewer or nobody (accounts)
            action=action,
            entity="report",
            entity_id=report.id,
            unit_code=report.unit_code,
            before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else None,
            after=json.dumps(after, ensure_ascii=False, sort_keys=True),
        )
    )
