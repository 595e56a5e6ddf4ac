"""Sizes and paragraph styles of the Nghị định 30 layout (DOMAIN.md §6), in one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from coopdesk.reports.fonts import FontSet, register_fonts

MM = 72 / 25.4  # points per millimetre

# Page margins (mm): inside the ranges of the decree (top/bottom 20–25, left 30–35, right 15–20).
MARGIN_TOP = 20.0
MARGIN_BOTTOM = 20.0
MARGIN_LEFT = 30.0
MARGIN_RIGHT = 15.0
PAGE_NUMBER_FROM_TOP = 11.0  # baseline of the page number, inside the top margin

HEADER_SIZE = 13  # parent body, issuer, number line, place and date
NATIONAL_TITLE_SIZE = 12
MOTTO_SIZE = 13
TITLE_SIZE = 14
BODY_SIZE = 14
BODY_LEADING = 17.5
FIRST_LINE_INDENT = 12.7 * MM  # 1.27 cm
PARAGRAPH_SPACE = 6  # pt between paragraphs
RECIPIENTS_LABEL_SIZE = 12
RECIPIENTS_SIZE = 11
SIGNATURE_SIZE = 14
SIGNING_SPACE = 24 * MM  # room to sign and stamp
TABLE_SIZE = 11
TABLE_LEADING = 13
PAGE_NUMBER_SIZE = 13


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    body: Any
    basis: Any
    part: Any
    item: Any
    point: Any
    dash: Any
    closing: Any
    centre: Any
    note: Any
    title: Any
    subject: Any
    subject_note: Any
    appendix_title: Any
    recipients_label: Any
    recipient: Any
    authority: Any
    signer: Any
    cell: Any
    cell_head: Any
    cell_bold: Any

    def for_block(self, style: str) -> Any:
        return getattr(self, style)


@cache
def document_styles() -> Styles:
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    f = register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=f.regular,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_LINE_INDENT,
        spaceBefore=PARAGRAPH_SPACE,
    )
    return Styles(
        fonts=f,
        body=body,
        **_text_styles(f, body),
        **_signature_styles(f),
        **_table_styles(f),
    )


def _text_styles(f: FontSet, body: Any) -> dict[str, Any]:
    """The styles of the text: the body's size and leading, with their own weight, spacing
    and alignment (headings, notes, titles)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    def like(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    centred = {"alignment": TA_CENTER, "firstLineIndent": 0}
    return {
        "basis": like("basis", fontName=f.italic),
        "part": like("part", fontName=f.bold, keepWithNext=1, spaceBefore=PARAGRAPH_SPACE + 2),
        "item": like("item", fontName=f.bold, keepWithNext=1),
        "point": like("point", fontName=f.italic, keepWithNext=1),
        "dash": like("dash"),
        "closing": like("closing"),
        "centre": like("centre", fontName=f.bold, **centred),
        "note": like("note", fontName=f.italic, fontSize=13, leading=16, spaceBefore=0, **centred),
        "title": like("title", fontName=f.bold, fontSize=TITLE_SIZE, spaceBefore=14, **centred),
        "subject": like("subject", fontName=f.bold, fontSize=TITLE_SIZE, spaceBefore=0, **centred),
        "subject_note": like(
            "subject_note", fontName=f.italic, fontSize=13, leading=16, spaceBefore=2, **centred
        ),
        "appendix_title": like("appendix_title", fontName=f.bold, spaceBefore=0, **centred),
    }


def _signature_styles(f: FontSet) -> dict[str, Any]:
    """The foot of the document: recipients (left) and the signature block (centred)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    return {
        "recipients_label": ParagraphStyle(
            "recipients_label",
            fontName=f.bold_italic,
            fontSize=RECIPIENTS_LABEL_SIZE,
            leading=14,
        ),
        "recipient": ParagraphStyle(
            "recipient", fontName=f.regular, fontSize=RECIPIENTS_SIZE, leading=13
        ),
        "authority": ParagraphStyle(
            "authority",
            fontName=f.bold,
            fontSize=SIGNATURE_SIZE,
            leading=17,
            alignment=TA_CENTER,
        ),
        "signer": ParagraphStyle(
            "signer", fontName=f.bold, fontSize=SIGNATURE_SIZE, leading=17, alignment=TA_CENTER
        ),
    }


def _table_styles(f: FontSet) -> dict[str, Any]:
    """Table cells: plain, head (bold, centred) and bold."""
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    cell = ParagraphStyle(
        "cell",
        fontName=f.regular,
        fontSize=TABLE_SIZE,
        leading=TABLE_LEADING,
        alignment=TA_LEFT,
    )
    return {
        "cell": cell,
        "cell_head": ParagraphStyle("cell_head", parent=cell, fontName=f.bold, alignment=TA_CENTER),
        "cell_bold": ParagraphStyle("cell_bold", parent=cell, fontName=f.bold),
    }
