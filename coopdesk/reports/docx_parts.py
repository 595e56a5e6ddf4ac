"""The pieces of the .docx that python-docx has no call for: Word paragraph styles made from the
PDF's ReportLab styles, borderless layout tables, short centred rules, the page-number field,
fixed package properties and a zip whose bytes depend only on the document.

Imported by `reports.docx` only, when a Word file is written.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from coopdesk.reports import styles as S

FONT = "Times New Roman"  # Nghị định 30; Word substitutes a metric twin where it is missing
STYLE_PREFIX = "NĐ30 "  # the Word styles' names: "NĐ30 body", "NĐ30 part", …
ALIGN = {
    0: WD_ALIGN_PARAGRAPH.LEFT,
    1: WD_ALIGN_PARAGRAPH.CENTER,
    2: WD_ALIGN_PARAGRAPH.RIGHT,
    4: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
STYLE_KINDS = (
    "body",
    "title",
    "subject",
    "subject_note",
    "appendix_title",
    "recipients_label",
    "recipient",
    "authority",
    "signer",
    "cell",
    "cell_head",
    "cell_bold",
)


def style_name(kind: str) -> str:
    return STYLE_PREFIX + kind


def set_fonts(rpr_owner: Any, lang: str) -> None:
    """Times New Roman for every script slot and the document's language on a w:rPr owner."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:val"), "vi-VN" if lang == "vi" else "en-GB")


def add_styles(word: Any, kinds: list[str], lang: str) -> None:
    """A Word paragraph style for each style the PDF uses, with the same font, size, weight,
    leading, alignment, indent and spacing: an officer changes the body once, not each line."""
    rl = S.document_styles()
    normal = word.styles["Normal"]
    set_fonts(normal.element, lang)
    normal.font.size = Pt(S.BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    for kind in kinds:
        style = word.styles.add_style(style_name(kind), WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _copy_look(style, rl.for_block(kind), rl.fonts)


def _copy_look(style: Any, source: Any, fonts: Any) -> None:
    font = style.font
    font.size = Pt(source.fontSize)
    font.bold = source.fontName in (fonts.bold, fonts.bold_italic)
    font.italic = source.fontName in (fonts.italic, fonts.bold_italic)
    fmt = style.paragraph_format
    fmt.alignment = ALIGN.get(source.alignment, WD_ALIGN_PARAGRAPH.LEFT)
    fmt.first_line_indent = Pt(source.firstLineIndent) if source.firstLineIndent else None
    fmt.left_indent = Pt(source.leftIndent) if source.leftIndent else None
    fmt.space_before = Pt(source.spaceBefore)
    fmt.space_after = Pt(source.spaceAfter)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(source.leading)
    fmt.keep_with_next = bool(getattr(source, "keepWithNext", 0))
    fmt.widow_control = True


def drop_thumbnail(word: Any) -> None:
    """python-docx's template carries a picture of another document as its thumbnail."""
    rels = word.part.package.rels
    for rel_id in [k for k, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rel_id)


def set_properties(word: Any, title: str, author: str, subject: str, day: dt.date) -> None:
    props = word.core_properties
    stamp = dt.datetime.combine(day, dt.time(8, 0))
    props.title = title
    props.author = author
    props.subject = subject
    props.last_modified_by = author
    props.comments = "CoopDesk"
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1


def stable_zip(data: bytes, day: dt.date) -> bytes:
    """The same package with every entry dated the document's date: same document, same bytes."""
    stamp = (day.year, day.month, day.day, 8, 0, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def no_borders(table: Any) -> None:
    """A layout table (header, signature): no grid, no cell padding at the sides."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    tbl_pr.append(borders)
    cell_margins(table, 0, 0)


def cell_margins(table: Any, left_pt: float, right_pt: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (("left", left_pt), ("right", right_pt)):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:w"), str(round(value * 20)))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    table._tbl.tblPr.append(margins)


def fixed_layout(table: Any, widths_pt: list[float]) -> None:
    """Column widths as given (Word and LibreOffice both honour a fixed grid)."""
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(sum(widths_pt) * 20)))
    width.set(qn("w:type"), "dxa")
    existing = tbl_pr.find(qn("w:tblW"))
    if existing is not None:
        tbl_pr.remove(existing)
    tbl_pr.append(width)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_pt, strict=True):
        col.set(qn("w:w"), str(round(w * 20)))


def rule(paragraph: Any, cell_width_pt: float, length_pt: float) -> None:
    """Turn an empty paragraph into a centred line `length_pt` long (a bottom border between
    indents), like the rules under the issuer, the motto and the subject."""
    side = max((cell_width_pt - length_pt) / 2, 0)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Pt(side)
    fmt.right_indent = Pt(side)
    fmt.first_line_indent = Pt(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def page_number_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice print the page's own number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
            continue
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        if kind == "separate":
            shown = OxmlElement("w:t")
            shown.text = "2"
            run._r.append(shown)


def repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def keep_row_whole(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
