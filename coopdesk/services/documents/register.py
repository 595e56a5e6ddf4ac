"""The register of documents: issuing a draft with the next number, re-issues, the list.

A document is a draft until it is issued. Issuing refuses while an officer's part is empty
(unless she left it out) and while another document of the same kind, unit and period stands
issued, unless the new one is said to replace it. It gives the next number for its type and
year at its unit (numbers restart each year), renders it, keeps the PDF and .docx as issued
and records the PDF's SHA-256, the period and the signer. A replacing document has its own
number, points at the one it replaces (`reissue_of`) and says so under its subject line; both
stay in the register, the old one marked replaced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Report
from coopdesk.i18n import _
from coopdesk.services.documents.drafts import Draft, DraftForm, draft_of, save_draft
from coopdesk.services.documents.files import store_files, stored_kinds
from coopdesk.services.documents.issuing import NoSigner, check_replacement, check_report
from coopdesk.services.documents.rendering import Rendered, render
from coopdesk.services.documents.stored import audit, get_report, number_line
from coopdesk.services.report_data import Progress
from coopdesk.services.report_request import ReportError
from coopdesk.sync import versions


@dataclass(frozen=True)
class RegisterEntry:
    """One row of the register as the Reports page lists it."""

    id: str
    template: str
    doc_type: str
    number: int | None
    number_line: str  # "01/BC-HPN", "" for a draft
    issued_on: dt.date | None
    period: str
    status: str  # draft | issued
    reissue_of: str | None
    signer: str = ""
    file_hash: str = ""  # SHA-256 of the official PDF
    replaced_by: str = ""  # the number line of the document that replaces this one
    files: frozenset[str] = frozenset()  # the files kept as issued: pdf, docx


@dataclass
class Issued:
    draft: Draft  # the document as now stored (issued, numbered)
    official: Rendered  # the Vietnamese PDF whose hash is recorded
    shown: Rendered  # the same document in the language asked for


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
    report_id: str,
    *,
    actor: str,
    issued_on: dt.date | None = None,
    progress: Progress | None = None,
    replaces: str | None = None,
) -> Rendered:
    """Number the draft, render the official (Vietnamese) PDF, keep it with its .docx and
    record its hash. `replaces`: the id of the issued document this one takes the place of."""
    report = get_report(session, report_id)
    if report.status == "issued":
        raise ReportError(
            _("Document No. {number} is already issued; re-issue it to correct it.").format(
                number=number_line(report)
            )
        )
    check_report(session, report)
    report.reissue_of = check_replacement(session, report, replaces)
    day = issued_on or dt.date.today()
    before = {"status": report.status, "number": report.number}
    report.year = day.year
    report.number = next_number(session, report.unit_code, report.doc_type, day.year)
    report.issued_on = day
    versions.stamp(session, report)
    session.flush()
    rendered = render(session, report.id, "vi", progress)
    # symbol and signer as the document prints them: a plan's are its issuer's own
    header, signature = rendered.document.header, rendered.document.signature
    if not signature.signer_name.strip():
        raise NoSigner()  # the caller's transaction rolls back: nothing numbered
    report.symbol = f"{report.doc_type}-{header.symbol}" if header.symbol else report.doc_type
    report.signer = signature.signer_name
    report.status = "issued"
    report.file_hash = rendered.sha256
    report.updated_by = actor
    session.flush()
    store_files(session, report, {"pdf": rendered.pdf, "docx": rendered.docx()})
    audit(session, report, "update", actor, before)
    return rendered


def issue_draft(
    session: Session,
    form: DraftForm,
    *,
    actor: str,
    issued_on: dt.date | None = None,
    lang: str = "vi",
    progress: Progress | None = None,
    replaces: str | None = None,
) -> Issued:
    """Save what the form says as its draft and issue it, in one transaction."""
    draft = save_draft(session, form, actor=actor)
    official = issue_report(
        session, draft.id, actor=actor, issued_on=issued_on, progress=progress, replaces=replaces
    )
    shown = official if lang == "vi" else render(session, draft.id, lang)
    return Issued(draft_of(get_report(session, draft.id)), official, shown)


def reissue(session: Session, report_id: str, *, actor: str) -> Draft:
    """A new draft replacing an issued document; it gets its own number when issued."""
    original = get_report(session, report_id)
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
    versions.stamp(session, copy)
    session.add(copy)
    session.flush()
    audit(session, copy, "create", actor, None)
    return draft_of(copy)


def register(
    session: Session, unit_code: str | None = None, year: int | None = None
) -> list[RegisterEntry]:
    """Documents, newest first: issued ones by number, then drafts."""
    query = select(Report).where(Report.deleted_at.is_(None))
    if unit_code:
        query = query.where(Report.unit_code == unit_code)
    if year:
        query = query.where(Report.year == year)
    query = query.order_by(
        Report.year.desc(),
        Report.doc_type,
        Report.number.desc(),
        Report.updated_at.desc(),
        Report.id,
    )
    reports = list(session.scalars(query))
    numbers = {r.id: number_line(r) for r in reports}
    replaced_by = {
        r.reissue_of: numbers[r.id] for r in reports if r.reissue_of and r.status == "issued"
    }
    kept = stored_kinds(session, [r.id for r in reports if r.status == "issued"])
    return [
        RegisterEntry(
            id=r.id,
            template=r.template,
            doc_type=r.doc_type,
            number=r.number,
            number_line=numbers[r.id],
            issued_on=r.issued_on,
            period=r.period,
            status=r.status,
            reissue_of=r.reissue_of,
            signer=r.signer if r.status == "issued" else "",
            file_hash=r.file_hash,
            replaced_by=replaced_by.get(r.id, ""),
            files=frozenset(kept.get(r.id, ())),
        )
        for r in reports
    ]
