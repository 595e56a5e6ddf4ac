"""The files of issued documents, kept as issued: the official PDF and its .docx, reprinted
byte for byte from the register (`issued_file`), found by the number printed on them."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import IssuedFile, Report
from coopdesk.i18n import _
from coopdesk.services.documents.stored import get_report, number_line
from coopdesk.services.report_request import ReportError

KINDS = ("pdf", "docx")


def store_files(session: Session, report: Report, files: dict[str, bytes]) -> None:
    """Keep the files of a document just issued (kind → bytes)."""
    for kind, content in files.items():
        session.add(
            IssuedFile(
                report_id=report.id,
                kind=kind,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                size=len(content),
            )
        )
    session.flush()


def stored_kinds(session: Session, report_ids: list[str]) -> dict[str, set[str]]:
    """Which files are kept for each of these documents."""
    kept: dict[str, set[str]] = {}
    rows = session.execute(
        select(IssuedFile.report_id, IssuedFile.kind).where(IssuedFile.report_id.in_(report_ids))
    )
    for report_id, kind in rows:
        kept.setdefault(report_id, set()).add(kind)
    return kept


def issued_file(session: Session, report_id: str, kind: str = "pdf") -> bytes:
    """The file of an issued document exactly as it was issued."""
    report = get_report(session, report_id)
    if report.status != "issued":
        raise ReportError(_("A draft has no issued file; issue it first."))
    row = session.get(IssuedFile, (report_id, kind))
    if row is None:
        raise ReportError(
            _(
                "The file of document No. {number} is not kept on this computer (it was "
                "issued elsewhere or before files were kept); its SHA-256 is {sha}."
            ).format(number=number_line(report), sha=report.file_hash)
        )
    if hashlib.sha256(row.content).hexdigest() != row.sha256:
        raise ReportError(
            _("The kept file of document No. {number} is damaged; do not use it.").format(
                number=number_line(report)
            )
        )
    return row.content


def find_issued(session: Session, unit_code: str, number: str, year: int | None = None) -> str:
    """The id of the issued document numbered '01/BC-HPN' at a unit."""
    wanted = number
    query = select(Report).where(
        Report.unit_code == unit_code, Report.status == "issued", Report.deleted_at.is_(None)
    )
    if year:
        query = query.where(Report.year == year)
    found = [r for r in session.scalars(query) if _matches(r, wanted)]
    if not found:
        raise ReportError(
            _("No document numbered {number} was issued here; see the register.").format(
                number=number
            )
        )
    if len(found) > 1:
        years = ", ".join(sorted({str(r.year) for r in found}))
        raise ReportError(
            _("Several documents are numbered {number} (years {years}); name the year.").format(
                number=number, years=years
            )
        )
    return found[0].id


def _matches(report: Report, wanted: str) -> bool:
    return normal_number(number_line(report)) == normal_number(wanted)


def normal_number(text: str) -> tuple[str, str]:
    """'1/bc-hpn' and '01/BC-HPN' are the same number."""
    head, _slash, tail = text.strip().upper().partition("/")
    return (head.lstrip("0") or head, tail.strip())
