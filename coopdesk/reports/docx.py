"""Draw a `Document` as .docx in the Nghị định 30 layout: the same model, text and figures that
`layout.render_pdf` draws, as paragraphs and tables an officer can edit in Word.

A4 with the decree's margins, Times New Roman, the two-column header table (issuer, motto,
number, place and date) with its rules, the title and subject, the body in one Word style per
kind of paragraph, tables with their header row repeated on each page and the same totals,
the signature block beside "Nơi nhận:", page numbers at the top from page 2, landscape
sections for wide tables, appendices after the signature. Cells are formatted by the PDF's own
`format_cell`, so numbers read the same. The same document gives the same bytes.

python-docx is imported by this module only; callers import it when a Word file is written.
"""

from __future__ import annotations

import io
import re
from typing import Any, get_args
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt
from reportlab.pdfbase.pdfmetrics import stringWidth

from coopdesk.reports import docx_parts as P
from coopdesk.reports import styles as S
from coopdesk.reports.flowables import LEFT_SHARE, balanced_lines
from coopdesk.reports.fonts import drawable
from coopdesk.reports.layout import column_widths, format_cell, frame_width, page_sizes
from coopdesk.reports.model import BlockStyle, Document, Header, Paragraph, Table
from coopdesk.reports.text import keep_joined
from coopdesk.reports.totals import has_totals, total_row

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML


def text_of(value: str) -> str:
    """What the PDF draws for a text, as Word can hold it."""
    return _CONTROL.sub("", drawable(value))


def render_docx(doc: Document) -> bytes:
    word = WordDocument()
    P.drop_thumbnail(word)
    used = {b.style for b in doc.blocks if isinstance(b, Paragraph)}
    kinds = sorted(set(P.STYLE_KINDS) | set(get_args(BlockStyle)) | used)
    P.add_styles(word, kinds, doc.lang)
    section = word.sections[0]
    _page(section, doc.landscape)
    _page_numbers(section)
    _header_table(word, doc.header, frame_width(doc.landscape))
    _title_block(word, doc)
    _body(word, doc)
    for table in doc.appendices:
        _page(word.add_section(), table.landscape)
        _table(word, table, doc.lang)
    title = doc.pdf_title or f"{doc.title} {doc.subject}".strip()
    P.set_properties(
        word,
        title.replace("\n", " "),
        doc.header.issuer,
        doc.subject.replace("\n", " "),
        doc.header.date,
    )
    buf = io.BytesIO()
    word.save(buf)
    return P.stable_zip(buf.getvalue(), doc.header.date)


def _page(section: Any, landscape: bool) -> None:
    portrait, wide = page_sizes()
    width, height = wide if landscape else portrait
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = Pt(width)
    section.page_height = Pt(height)
    section.top_margin = Mm(S.MARGIN_TOP)
    section.bottom_margin = Mm(S.MARGIN_BOTTOM)
    section.left_margin = Mm(S.MARGIN_LEFT)
    section.right_margin = Mm(S.MARGIN_RIGHT)
    section.header_distance = Mm(S.PAGE_NUMBER_FROM_TOP - S.PAGE_NUMBER_SIZE * 0.8 / S.MM)
    section.footer_distance = Mm(S.MARGIN_BOTTOM / 2)
    section.gutter = Mm(0)


def _page_numbers(section: Any) -> None:
    """The number centred at the top of every page but the first (the later sections share
    this header)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    P.page_number_field(paragraph)
    for run in paragraph.runs:
        run.font.size = Pt(S.PAGE_NUMBER_SIZE)


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """The header's lines broken where the PDF breaks them; should Word's metrics break one
    further, it cannot break inside a joined name ("THÀNH PHỐ")."""
    return [keep_joined(line) for line in balanced_lines(text_of(text), font, size, width - 4)]


def _header_table(word: Any, header: Header, width: float) -> None:
    fonts = S.document_styles().fonts
    left_w = width * LEFT_SHARE
    widths = [left_w, width - left_w]
    table = word.add_table(rows=2, cols=2)
    P.no_borders(table)
    P.fixed_layout(table, widths)
    _widths(table, widths)
    left, right = table.rows[0].cells
    first = True
    if header.parent_body:
        lines = _lines(header.parent_body.upper(), fonts.regular, S.HEADER_SIZE, left_w)
        _put(left.paragraphs[0], "\n".join(lines), S.HEADER_SIZE)
        first = False
    issuer = _lines(header.issuer.upper(), fonts.bold, S.HEADER_SIZE, left_w)
    target = left.paragraphs[0] if first else left.add_paragraph()
    _put(target, "\n".join(issuer), S.HEADER_SIZE, bold=True)
    widest = max((stringWidth(t, fonts.bold, S.HEADER_SIZE) for t in issuer), default=0)
    P.rule(left.add_paragraph(), left_w, widest * 0.4)
    national = _lines(header.national_title.upper(), fonts.bold, S.NATIONAL_TITLE_SIZE, widths[1])
    _put(right.paragraphs[0], "\n".join(national), S.NATIONAL_TITLE_SIZE, bold=True)
    motto = _lines(header.motto, fonts.bold, S.MOTTO_SIZE, widths[1])
    _put(right.add_paragraph(), "\n".join(motto), S.MOTTO_SIZE, bold=True)
    motto_w = max((stringWidth(t, fonts.bold, S.MOTTO_SIZE) for t in motto), default=0)
    P.rule(right.add_paragraph(), widths[1], motto_w)
    number, place = table.rows[1].cells
    _put(number.paragraphs[0], header.number_line(), S.HEADER_SIZE, before=8)
    _put(place.paragraphs[0], header.place_date(), S.HEADER_SIZE, italic=True, before=8)


def _put(
    paragraph: Any,
    text: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    before: float = 0,
) -> None:
    """A centred header line (lines of one text kept in one paragraph, broken as given)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    _runs(paragraph, text_of(text), size, bold, italic)


def _runs(paragraph: Any, text: str, size: float | None, bold: bool, italic: bool) -> None:
    run = paragraph.add_run()
    for n, line in enumerate(text.split("\n")):
        if n:
            run.add_break()
        run.add_text(line)
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True


def _widths(table: Any, widths_pt: list[float]) -> None:
    for row in table.rows:
        for cell, width in zip(row.cells, widths_pt, strict=True):
            cell.width = Pt(width)


def _para(word: Any, text: str, kind: str) -> Any:
    paragraph = word.add_paragraph(style=P.style_name(kind))
    _runs(paragraph, text_of(text), None, False, False)
    return paragraph


def _title_block(word: Any, doc: Document) -> None:
    _para(word, doc.title.upper(), "title")
    if doc.subject:
        _para(word, doc.subject, "subject")
    if doc.subject_note:
        _para(word, doc.subject_note, "subject_note")
    first_line = doc.subject.split("\n")[0] if doc.subject else doc.title
    width = frame_width(doc.landscape)
    bold = S.document_styles().fonts.bold
    length = min(stringWidth(text_of(first_line), bold, S.TITLE_SIZE), width) / 3
    mark = word.add_paragraph()
    P.rule(mark, width, max(length, 40))
    mark.paragraph_format.space_before = Pt(10)
    mark.paragraph_format.space_after = Pt(8)


def _body(word: Any, doc: Document) -> None:
    """Paragraphs and tables in order, a landscape section around a wide table, the
    signature kept with the last paragraph."""
    base = doc.landscape
    landscape_now = base
    last: Any = None
    for block in doc.blocks:
        wanted = (block.landscape or base) if isinstance(block, Table) else base
        if wanted != landscape_now:
            _page(word.add_section(), wanted)
            landscape_now = wanted
        if isinstance(block, Table):
            _table(word, block, doc.lang)
            last = None
        else:
            last = _para(word, block.text, block.style)
    if landscape_now != base:
        _page(word.add_section(), base)
    if last is not None:
        last.paragraph_format.keep_with_next = True
    _signature(word, doc)


def _signature(word: Any, doc: Document) -> None:
    sig = doc.signature
    width = frame_width(doc.landscape)
    widths = [width * 0.48, width * 0.52]
    spacer = word.add_paragraph()
    spacer.paragraph_format.space_before = Pt(10)
    spacer.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=2)
    P.no_borders(table)
    P.fixed_layout(table, widths)
    _widths(table, widths)
    P.keep_row_whole(table.rows[0])
    left, right = table.rows[0].cells
    _fill(
        left,
        [(sig.recipients_label, "recipients_label")] + [(r, "recipient") for r in sig.recipients],
    )
    _fill(right, [(line, "authority") for line in sig.authority_lines])
    signer = right.add_paragraph(style=P.style_name("signer"))
    signer.paragraph_format.space_before = Pt(S.SIGNING_SPACE)
    _runs(signer, text_of(sig.signer_name), None, False, False)


def _fill(cell: Any, lines: list[tuple[str, str]]) -> None:
    for n, (text, kind) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.style = P.style_name(kind)
        _runs(paragraph, text_of(text), None, False, False)


def _table(word: Any, table: Table, lang: str) -> None:
    if table.title:
        _para(word, table.title, "appendix_title")
    if table.note:
        _para(word, table.note, "note")
    if table.title or table.note:
        word.add_paragraph().paragraph_format.space_after = Pt(0)
    # the PDF's widths, from the columns' content ("STT" whole, numbers inside their borders)
    widths = column_widths(table, frame_width(table.landscape), lang, S.document_styles().fonts)
    grid = word.add_table(rows=0, cols=len(table.columns))
    grid.style = word.styles["Table Grid"]
    P.fixed_layout(grid, widths)
    P.cell_margins(grid, 3, 3)
    numeric = {i for i, c in enumerate(table.columns) if c.kind not in ("text", "date")}
    ids = {k: word.styles[P.style_name(k)].style_id for k in ("cell", "cell_head", "cell_bold")}
    rows = [_row_xml([c.title for c in table.columns], widths, set(), ids["cell_head"], True)]
    for row in table.rows:
        texts = [format_cell(v, c.kind, lang) for v, c in zip(row, table.columns, strict=True)]
        rows.append(_row_xml(texts, widths, numeric, ids["cell"]))
    if has_totals(table):
        texts = [
            format_cell(v, c.kind if i != 1 else "text", lang)
            for i, (v, c) in enumerate(zip(total_row(table), table.columns, strict=True))
        ]
        rows.append(_row_xml(texts, widths, numeric - {1}, ids["cell_bold"]))
    _append_rows(grid, rows)


def _row_xml(
    texts: list[str], widths: list[float], right: set[int], style_id: str, head: bool = False
) -> str:
    """One table row as WordprocessingML: built as text, as long lists have thousands."""
    cells = []
    for i, (text, width) in enumerate(zip(texts, widths, strict=True)):
        jc = '<w:jc w:val="right"/>' if i in right else ""
        runs = "<w:br/>".join(
            f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in text_of(text).split("\n")
        )
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{round(width * 20)}" w:type="dxa"/>'
            f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_id}"/>'
            f"{jc}</w:pPr><w:r>{runs}</w:r></w:p></w:tc>"
        )
    flags = "<w:cantSplit/><w:tblHeader/>" if head else "<w:cantSplit/>"
    return f"<w:tr><w:trPr>{flags}</w:trPr>{''.join(cells)}</w:tr>"


def _append_rows(grid: Any, rows: list[str]) -> None:
    parsed = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(rows)}</w:tbl>")
    for tr in list(parsed):
        grid._tbl.append(tr)
