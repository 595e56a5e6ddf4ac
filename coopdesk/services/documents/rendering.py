"""A document rendered: the PDF (what is previewed, printed, saved and hashed), the same
document as .docx and its tables for the .xlsx export; progress reported on one 0–100 bar."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from coopdesk.reports.model import Document, Table
from coopdesk.services.documents.stored import get_report, request_for
from coopdesk.services.report_data import Progress, build_document
from coopdesk.services.report_request import ReportRequest


@dataclass
class Rendered:
    document: Document
    pdf: bytes
    tables: list[Table] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()

    @property
    def number_line(self) -> str:
        """'Số: 01/BC-HPN' as printed ('Số: /BC-HPN' on a draft)."""
        return self.document.header.number_line()

    def xlsx(self) -> bytes:
        from coopdesk.reports.xlsx import render_xlsx

        return render_xlsx(self.document, self.tables)

    def docx(self) -> bytes:
        """The same document as Word draws it (editable, same text and figures)."""
        from coopdesk.reports.docx import render_docx

        return render_docx(self.document)


def render_request(
    session: Session, request: ReportRequest, progress: Progress | None = None
) -> Rendered:
    from coopdesk.reports.layout import render_pdf

    document, tables = build_document(session, request, _scaled(progress, 0, 40))
    pdf = render_pdf(document, _scaled(progress, 40, 100))
    if progress:
        progress(100, 100)
    return Rendered(document, pdf, tables)


def render(
    session: Session, report_id: str, lang: str = "vi", progress: Progress | None = None
) -> Rendered:
    """A stored document as it reads (an issued one byte for byte as issued, in Vietnamese)."""
    report = get_report(session, report_id)
    return render_request(session, request_for(session, report, lang), progress)


def _scaled(progress: Progress | None, low: int, high: int) -> Progress | None:
    """Map a step's own (done, total) onto its share of one 0–100 bar."""
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int) -> None:
        report(low + (high - low) * done // max(total, 1), 100)

    return scaled
