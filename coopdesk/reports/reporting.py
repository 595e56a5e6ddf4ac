"""The list to chase reports by phone: every unit below, worst first, with its last bundle and
whether its annual report was issued (`coopdesk.services.reporting` gathers the rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.i18n import N_
from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import CellValue, Column, Document, Paragraph, Table
from coopdesk.reports.text import translate_in

COLUMNS = (
    (N_("#"), "int", 0.45),
    (N_("Unit"), "text", 2.4),
    (N_("Status"), "text", 2.0),
    (N_("Last bundle"), "int", 0.8),
    (N_("Made on"), "date", 1.0),
    (N_("Received on"), "date", 1.0),
    (N_("Annual report"), "text", 1.2),
    (N_("Issued on"), "date", 1.0),
    (N_("Missing bundles"), "text", 1.0),
)


@dataclass(frozen=True)
class ReportingRow:
    unit: str
    status: str  # already translated
    last_bundle: int | None
    made_on: dt.date | None
    received_on: dt.date | None
    report_number: str
    report_issued_on: dt.date | None
    missing: str  # "3, 5": bundle numbers never received


def build_reporting_list(
    year: int,
    deadline: dt.date,
    rows: list[ReportingRow],
    counts_line: str,
    issuing: Issuing,
    numbering: Numbering,
    lang: str = "vi",
) -> Document:
    cells: list[list[CellValue]] = [
        [
            n,
            r.unit,
            r.status,
            r.last_bundle,
            r.made_on,
            r.received_on,
            r.report_number,
            r.report_issued_on,
            r.missing,
        ]
        for n, r in enumerate(rows, start=1)
    ]
    table = Table(
        title="",
        columns=[Column(translate_in(lang, t), k, w) for t, k, w in COLUMNS],  # type: ignore[arg-type]
        rows=cells,
        landscape=True,
        sheet_name=translate_in(lang, "Who has reported"),
        note=counts_line,
    )
    subject = translate_in(lang, "Who has sent the {year} report (due {deadline})").format(
        year=year, deadline=deadline.strftime("%d/%m/%Y")
    )
    return Document(
        header=make_header(issuing, numbering, lang),
        title=translate_in(lang, "LIST"),
        subject=subject,
        blocks=[
            table,
            Paragraph(
                translate_in(lang, "The list has {n} entries./.").format(n=len(rows)), "closing"
            ),
        ],
        signature=make_signature(issuing, lang),
        lang=lang,
        landscape=True,
    )
