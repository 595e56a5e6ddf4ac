"""Documents about one record that officers are asked for: a cooperative's information sheet
(Phiếu thông tin HTX/THT: registration, board, yearly figures, support received) and a
training's attendance sheet with a column to sign. Same layout as every document (header,
title, signature), so the PDF and the .docx come from the same `Document`.

Neither has a "Số:" line. They are forms printed from a record, never issued through the
register, so no number is ever given to them: a blank "Số:      /PTT-HPN" (a draft's blank,
filled by the clerk when the register numbers it) would invite a number no register holds,
and "PTT" is no document type of Nghị định 30. Place and date stay where the decree puts them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coopdesk.reports.common import Issuing, Numbering, make_header, make_signature
from coopdesk.reports.model import CellValue, Column, Document, Paragraph, Table
from coopdesk.reports.text import translate_in

SHEET_CODE = "PTT"  # phiếu thông tin
LIST_CODE = "DS"
SIGNING_ROOM = "\n\n"  # an empty cell three lines tall: room for a signature


@dataclass
class CoopSheet:
    name: str
    kind: str  # HTX | THT | LHHTX
    facts: list[tuple[str, str]]  # (field, value) in the document's language
    board: list[tuple[str, int | None, str]]  # name, birth year, roles
    years: list[list[CellValue]]  # year, members, workers, female workers, new jobs, revenue
    support: list[list[CellValue]]  # date, kind, fund, amount, description


@dataclass
class Attendance:
    title: str
    start_on: dt.date
    end_on: dt.date | None
    location: str
    organiser: str
    people: list[tuple[str, int | None, str]] = field(default_factory=list)  # name, year, unit


def _numbered(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    return [[i, *row] for i, row in enumerate(rows, start=1)]


def _no(lang: str) -> Column:
    return Column(translate_in(lang, "#"), "int", 0.5)


def build_coop_sheet(
    sheet: CoopSheet, issuing: Issuing, date: dt.date, lang: str = "vi"
) -> Document:
    blocks: list[Paragraph | Table] = [
        Paragraph("I. " + translate_in(lang, "REGISTRATION"), "part")
    ]
    blocks.append(
        Table(
            "",
            [
                Column(translate_in(lang, "Item"), "text", 1.6),
                Column(translate_in(lang, "Details"), "text", 4.0),
            ],
            [[label, value] for label, value in sheet.facts],
            sheet_name=translate_in(lang, "Registration"),
        )
    )
    blocks.append(Paragraph("II. " + translate_in(lang, "BOARD AND MANAGEMENT"), "part"))
    if sheet.board:
        blocks.append(
            Table(
                "",
                [
                    _no(lang),
                    Column(translate_in(lang, "Full name"), "text", 2.2),
                    Column(translate_in(lang, "Year of birth"), "year", 0.8),
                    Column(translate_in(lang, "Position"), "text", 2.6),
                ],
                _numbered([[name, year, roles] for name, year, roles in sheet.board]),
                sheet_name=translate_in(lang, "Board"),
            )
        )
    else:
        blocks.append(Paragraph(translate_in(lang, "No management role is recorded.")))
    blocks.append(Paragraph("III. " + translate_in(lang, "YEARLY FIGURES"), "part"))
    if sheet.years:
        blocks.append(
            Table(
                "",
                [
                    Column(translate_in(lang, "Year"), "year", 0.6),
                    Column(translate_in(lang, "Members"), "int", 0.9),
                    Column(translate_in(lang, "Workers"), "int", 0.9),
                    Column(translate_in(lang, "Female workers"), "int", 0.9),
                    Column(translate_in(lang, "New jobs for women"), "int", 1.0),
                    Column(translate_in(lang, "Revenue (đồng)"), "money", 1.5),
                    Column(translate_in(lang, "Consolidated"), "text", 0.9),
                ],
                sheet.years,
                sheet_name=translate_in(lang, "Yearly figures"),
            )
        )
    else:
        blocks.append(Paragraph(translate_in(lang, "No yearly figures are recorded.")))
    blocks.append(Paragraph("IV. " + translate_in(lang, "SUPPORT RECEIVED"), "part"))
    if sheet.support:
        blocks.append(
            Table(
                "",
                [
                    _no(lang),
                    Column(translate_in(lang, "Date"), "date", 0.95),
                    Column(translate_in(lang, "Kind"), "text", 1.0),
                    Column(translate_in(lang, "Fund"), "text", 1.6),
                    Column(translate_in(lang, "Amount (đồng)"), "money", 1.3, True),
                    Column(translate_in(lang, "Description"), "text", 2.0),
                ],
                _numbered(sheet.support),
                total_label=translate_in(lang, "Total"),
                sheet_name=translate_in(lang, "Support"),
            )
        )
    else:
        blocks.append(Paragraph(translate_in(lang, "No support is recorded.")))
    title = translate_in(lang, "INFORMATION SHEET")
    return Document(
        header=make_header(issuing, Numbering(SHEET_CODE, None, date, numbered=False), lang),
        title=title,
        subject=sheet.name,
        blocks=blocks,
        signature=make_signature(issuing, lang),
        lang=lang,
        pdf_title=f"{title} {sheet.name}",
    )


def build_attendance(
    course: Attendance, issuing: Issuing, date: dt.date, lang: str = "vi"
) -> Document:
    when = f"{course.start_on:%d/%m/%Y}"
    if course.end_on and course.end_on != course.start_on:
        when = translate_in(lang, "from {start} to {end}").format(
            start=when, end=f"{course.end_on:%d/%m/%Y}"
        )
    lines = [translate_in(lang, "Time: {when}.").format(when=when)]
    if course.location:
        lines.append(translate_in(lang, "Place: {place}.").format(place=course.location))
    if course.organiser:
        lines.append(
            translate_in(lang, "Organised by: {organiser}.").format(organiser=course.organiser)
        )
    table = Table(
        "",
        [
            _no(lang),
            Column(translate_in(lang, "Full name"), "text", 2.2),
            Column(translate_in(lang, "Year of birth"), "year", 0.8),
            Column(translate_in(lang, "Unit"), "text", 2.6),
            Column(translate_in(lang, "Signature"), "text", 1.6),
        ],
        _numbered([[name, year, unit, SIGNING_ROOM] for name, year, unit in course.people]),
        sheet_name=translate_in(lang, "Attendance"),
    )
    closing = translate_in(lang, "The list has {n} entries./.").format(n=len(course.people))
    title = translate_in(lang, "ATTENDANCE SHEET")
    return Document(
        header=make_header(issuing, Numbering(LIST_CODE, None, date, numbered=False), lang),
        title=title,
        subject=course.title,
        blocks=[*(Paragraph(line) for line in lines), table, Paragraph(closing, "closing")],
        signature=make_signature(issuing, lang),
        lang=lang,
        pdf_title=f"{title} {course.title}",
    )
