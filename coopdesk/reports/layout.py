"""Draw a `Document` as a PDF in the Nghị định 30/2020 layout (DOMAIN.md §6).

A4 portrait, margins inside the decree's ranges, the two-column header, the centred title,
justified body, page numbers centred at the top from page 2, the signature block beside
"Nơi nhận:" kept together, landscape pages for wide tables, appendices after the signature.
Output is deterministic: ReportLab's invariant mode fixes the dates and the document id, so
the same document gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from coopdesk.i18n import format_date, format_number
from coopdesk.reports import styles as S
from coopdesk.reports.fonts import drawable
from coopdesk.reports.model import CellValue, Column, Document, Table, Typed
from coopdesk.reports.text import percent

ProgressFn = Callable[[int, int], None]


def page_sizes() -> tuple[tuple[float, float], tuple[float, float]]:
    from reportlab.lib.pagesizes import A4, landscape

    return A4, landscape(A4)


def frame_width(landscape_page: bool = False) -> float:
    portrait, wide = page_sizes()
    width = (wide if landscape_page else portrait)[0]
    return width - (S.MARGIN_LEFT + S.MARGIN_RIGHT) * S.MM


def format_cell(value: CellValue, kind: str, lang: str) -> str:
    if isinstance(value, Typed):
        kind = value.kind
        value = value.value
    if value is None or value == "":
        return ""
    if kind in ("int", "money") and isinstance(value, int):
        return _grouped(value, lang)
    if kind in ("int", "money") and not isinstance(value, str):
        return format_number(value, 0, lang)  # type: ignore[arg-type]
    if kind == "decimal" and not isinstance(value, str):
        return format_number(value, 1, lang)  # type: ignore[arg-type]
    if kind == "percent" and not isinstance(value, str):
        return percent(value, lang)
    if kind == "date" and not isinstance(value, str):
        return format_date(value)  # type: ignore[arg-type]
    return str(value)


def _grouped(value: int, lang: str) -> str:
    """1234567 → '1.234.567' (vi) / '1,234,567' (en): what Babel gives, without its cost
    (long tables format tens of thousands of numbers)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def _para(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph as RLParagraph

    return RLParagraph(escape(drawable(text)).replace("\n", "<br/>"), style)


def table_flowables(
    table: Table, lang: str, on_rows: Callable[[int], None] | None = None
) -> list[Any]:
    """The title lines and the page-chunked body of one table."""
    from coopdesk.reports.flowables import ChunkedTable

    st = S.document_styles()
    width = frame_width(table.landscape)
    widths = column_widths(table, width, lang, st.fonts)
    numeric = [i for i, c in enumerate(table.columns) if c.kind != "text" and c.kind != "date"]
    head = [_para(c.title, st.cell_head) for c in table.columns]
    fits = [w - 6 for w in widths]  # cell padding
    rows = [_row_cells(row, table.columns, lang, st.cell, fits) for row in table.rows]
    bold_last = False
    if table.total_label and (table.total_values or any(c.total for c in table.columns)):
        rows.append(_total_cells(table, lang, st.cell_bold))
        bold_last = True
    lead: list[Any] = []
    if table.title:
        lead.append(_para(table.title, st.appendix_title))
    if table.note:
        lead.append(_para(table.note, st.note))
    if lead:
        from reportlab.platypus import Spacer

        lead.append(Spacer(1, 6))
    chunked = ChunkedTable(head, rows, widths, numeric, st.fonts, bold_last, lead=lead)
    chunked.on_rows = on_rows
    return [chunked]


LONGEST_WORD = 90.0  # pt: a text column need not hold a longer word (an address, a link)


def column_widths(table: Table, width: float, lang: str, fonts: Any) -> list[float]:
    """Widths from the columns' content: never narrower than a column's longest header word
    ("STT" whole) or its widest number (11.253.000.000 inside its borders), never wider than
    its content on one line when another column needs the room (a short unit name leaves its
    space to the headers of the figures); within those bounds, by the columns' weights."""
    least, most = _bounds(table, lang, fonts)
    weight = sum(c.width for c in table.columns) or 1.0
    widths = [width * c.width / weight for c in table.columns]
    for _ in range(2 * len(widths)):
        clamped = [min(max(w, lo), hi) for w, lo, hi in zip(widths, least, most, strict=True)]
        spare = width - sum(clamped)
        if spare >= 0:  # give the spare to the columns that can still grow
            room = [i for i, w in enumerate(clamped) if w < most[i] - 0.01]
        else:  # take it from the columns above their least
            room = [i for i, w in enumerate(clamped) if w > least[i] + 0.01]
        share = sum(table.columns[i].width for i in room)
        if abs(spare) < 0.01 or not room or not share:
            widths = clamped
            break
        for i in room:
            clamped[i] += spare * table.columns[i].width / share
        widths = clamped
    spare = width - sum(widths)
    if spare > 0.01:  # every column at its most: the table still fills the frame
        total = sum(widths) or 1.0
        widths = [w + spare * w / total for w in widths]
    return widths


def _bounds(table: Table, lang: str, fonts: Any) -> tuple[list[float], list[float]]:
    """Per column, the least width (its longest header word, its widest number) and the most
    it needs (its header and its longest cell on one line)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 8.0  # cell padding and the grid line
    size = S.TABLE_SIZE
    least, most = [], []
    for i, col in enumerate(table.columns):
        words = col.title.split()
        need = max((stringWidth(w, fonts.bold, size) for w in words), default=0.0)
        full = stringWidth(col.title, fonts.bold, size)
        cells = [row[i] for row in table.rows]
        if col.total or i in table.total_values:
            cells.append(table.total_values.get(i, column_total(table, i)))
        texts = [format_cell(value, col.kind, lang) for value in cells]
        if col.kind == "text":  # the longest by letters are measured, not every cell
            longest = sorted(texts, key=len, reverse=True)[:20]
            widest = max((stringWidth(t, fonts.regular, size) for t in longest), default=0.0)
            words = [w for t in longest for w in t.split()]
            word = max((stringWidth(w, fonts.regular, size) for w in words), default=0.0)
            need = max(need, min(word, LONGEST_WORD))  # a long word may break, not a number
        else:
            widest = max((stringWidth(t, fonts.bold, size) for t in texts), default=0.0)
            need = max(need, widest)
        least.append(need + pad)
        most.append(max(need, full, widest) + pad)
    return least, most


def _row_cells(
    row: list[CellValue], columns: list[Column], lang: str, style: Any, fits: list[float]
) -> list[Any]:
    """Cells as plain strings where they fit on one line (fast), as wrapping paragraphs
    where they do not."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    cells: list[Any] = []
    for value, col, room in zip(row, columns, fits, strict=True):
        text = drawable(format_cell(value, col.kind, lang))
        if col.kind == "text" and (
            "\n" in text or stringWidth(text, style.fontName, style.fontSize) > room
        ):
            cells.append(_para(text, style))
        else:
            cells.append(text)
    return cells


def column_total(table: Table, index: int) -> Any:
    total: Any = 0
    for row in table.rows:
        value = row[index]
        if isinstance(value, int | float) or hasattr(value, "as_tuple"):
            total += value
    return total


def _total_cells(table: Table, lang: str, style: Any) -> list[Any]:
    cells: list[Any] = []
    for i, col in enumerate(table.columns):
        if i == 0:
            cells.append("")
        elif i == 1:
            cells.append(_para(table.total_label, style))
        elif i in table.total_values:
            cells.append(format_cell(table.total_values[i], col.kind, lang))
        elif col.total:
            cells.append(format_cell(column_total(table, i), col.kind, lang))
        else:
            cells.append("")
    return cells


def _signature_block(doc: Document) -> list[Any]:
    from reportlab.platypus import Spacer
    from reportlab.platypus import Table as RLTable

    st = S.document_styles()
    sig = doc.signature
    left: list[Any] = [_para(sig.recipients_label, st.recipients_label)]
    left += [_para(r, st.recipient) for r in sig.recipients]
    right: list[Any] = [_para(line, st.authority) for line in sig.authority_lines]
    right.append(Spacer(1, S.SIGNING_SPACE))
    right.append(_para(sig.signer_name, st.signer))
    width = frame_width(doc.landscape)
    table = RLTable(
        [[left, right]],
        colWidths=[width * 0.48, width * 0.52],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [Spacer(1, 10), table]


def _title_block(doc: Document) -> list[Any]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from coopdesk.reports.flowables import CentredRule, HeaderBlock

    st = S.document_styles()
    out: list[Any] = [HeaderBlock(doc.header, st.fonts), _para(doc.title.upper(), st.title)]
    if doc.subject:
        out.append(_para(doc.subject, st.subject))
    if doc.subject_note:
        out.append(_para(doc.subject_note, st.subject_note))
    first_line = doc.subject.split("\n")[0] if doc.subject else doc.title
    width = frame_width(doc.landscape)
    length = min(stringWidth(first_line, st.fonts.bold, S.TITLE_SIZE), width) / 3
    out.append(CentredRule(max(length, 40)))
    return out


class _RowProgress:
    """Reports laid-out table rows as progress: long documents are mostly table rows."""

    def __init__(self, doc: Document, progress: ProgressFn | None) -> None:
        self.progress = progress
        self.total = sum(len(t.rows) for t in doc.tables()) or 1
        self.done_before = 0

    def for_table(self, table: Table) -> Callable[[int], None] | None:
        if self.progress is None:
            return None
        base = self.done_before
        self.done_before += len(table.rows)
        report = self.progress
        return lambda placed: report(min(base + placed, self.total), self.total)


def _story(doc: Document, rows: _RowProgress) -> list[Any]:
    from reportlab.platypus import KeepTogether, NextPageTemplate, PageBreak

    st = S.document_styles()
    story: list[Any] = _title_block(doc)
    base = doc.landscape
    landscape_now = base

    def switch(to_landscape: bool) -> None:
        nonlocal landscape_now
        if to_landscape != landscape_now:
            story.append(NextPageTemplate("landscape" if to_landscape else "portrait"))
            story.append(PageBreak())
            landscape_now = to_landscape

    blocks = list(doc.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            switch(block.landscape or base)
            story.extend(table_flowables(block, doc.lang, rows.for_table(block)))
            continue
        switch(base)
        para = _para(block.text, st.for_block(block.style))
        if i == len(blocks) - 1:
            story.append(KeepTogether([para, *_signature_block(doc)]))
            return _add_appendices(story, doc, rows)
        story.append(para)
    switch(base)
    story.append(KeepTogether(_signature_block(doc)))
    return _add_appendices(story, doc, rows)


def _add_appendices(story: list[Any], doc: Document, rows: _RowProgress) -> list[Any]:
    from reportlab.platypus import NextPageTemplate, PageBreak

    for table in doc.appendices:
        story.append(NextPageTemplate("landscape" if table.landscape else "portrait"))
        story.append(PageBreak())
        story.extend(table_flowables(table, doc.lang, rows.for_table(table)))
    return story


def _draw_page_number(canvas: Any, doc: Any) -> None:
    page = canvas.getPageNumber()
    if page < 2:
        return
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFont(S.document_styles().fonts.regular, S.PAGE_NUMBER_SIZE)
    canvas.drawCentredString(width / 2, height - S.PAGE_NUMBER_FROM_TOP * S.MM, str(page))
    canvas.restoreState()


def render_pdf(doc: Document, progress: ProgressFn | None = None) -> bytes:
    """The document as PDF bytes; the same document always gives the same bytes.
    `progress(done, total)` follows the table rows as pages are laid out."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    portrait, wide = page_sizes()
    mm = S.MM

    def frame(size: tuple[float, float], name: str) -> Frame:
        return Frame(
            S.MARGIN_LEFT * mm,
            S.MARGIN_BOTTOM * mm,
            size[0] - (S.MARGIN_LEFT + S.MARGIN_RIGHT) * mm,
            size[1] - (S.MARGIN_TOP + S.MARGIN_BOTTOM) * mm,
            id=name,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

    buf = io.BytesIO()
    title = doc.pdf_title or f"{doc.title} {doc.subject}".strip()
    template = BaseDocTemplate(
        buf,
        pagesize=wide if doc.landscape else portrait,
        leftMargin=S.MARGIN_LEFT * mm,
        rightMargin=S.MARGIN_RIGHT * mm,
        topMargin=S.MARGIN_TOP * mm,
        bottomMargin=S.MARGIN_BOTTOM * mm,
        title=title.replace("\n", " "),
        author=doc.header.issuer,
        subject=doc.subject.replace("\n", " "),
        creator="CoopDesk",
        producer="CoopDesk",
        invariant=1,
        lang=doc.lang,
    )
    templates = [
        PageTemplate("portrait", [frame(portrait, "p")], onPage=_draw_page_number),
        PageTemplate("landscape", [frame(wide, "l")], onPage=_draw_page_number, pagesize=wide),
    ]
    template.addPageTemplates(templates[::-1] if doc.landscape else templates)
    template.build(_story(doc, _RowProgress(doc, progress)))
    return buf.getvalue()
