"""The user guide as a printable PDF, in the documents' typeface and page layout.

Draws the small Markdown the guide is written in (`resources/guide/`): `#` a section's title
(each section starts a page), `##`/`###` headings, paragraphs, `1.` numbered steps, `-` points,
`>` a tip, `![caption](file.png)` a screenshot on its own line, `**bold**` and `*italic*`.
A cover page lists the sections. Page numbers are centred at the top from page 2, like every
CoopDesk document. Knows nothing of where the text comes from (`coopdesk.services.guide`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from coopdesk.reports import styles as S
from coopdesk.reports.fonts import drawable
from coopdesk.reports.layout import _draw_page_number, frame_width, page_sizes
from coopdesk.reports.text import translate_in

IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)]+)\)$")
NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
IMAGE_HEIGHT_SHARE = 0.42  # a screenshot takes at most this part of the page's height


@dataclass(frozen=True)
class GuideSection:
    title: str
    markdown: str
    image_base: Path  # where the section's relative image paths start


@dataclass(frozen=True)
class Block:
    kind: str  # title | heading | subheading | paragraph | step | point | tip | image
    text: str
    label: str = ""  # the step's number, the image's file


def blocks(markdown: str) -> list[Block]:
    """The blocks of a section, lines of one paragraph joined."""
    out: list[Block] = []
    lines: list[str] = []
    kind, label = "", ""

    def flush() -> None:
        nonlocal lines
        if lines:
            out.append(Block(kind, " ".join(lines), label))
        lines = []

    for raw in markdown.splitlines():
        line = raw.strip()
        starts = _line_block(line)
        if starts is None:  # starts a paragraph, or continues the block above
            if not lines:
                kind, label = "paragraph", ""
            lines.append(line)
            continue
        flush()
        if starts.kind == "blank":
            continue
        if starts.kind in ("title", "heading", "subheading", "image"):
            out.append(starts)
            continue
        kind, label, lines = starts.kind, starts.label, [starts.text]
    flush()
    return out


def _line_block(line: str) -> Block | None:
    """The block a line starts, or None when it continues the one above."""
    if not line:
        return Block("blank", "")
    for prefix, kind in (("### ", "subheading"), ("## ", "heading"), ("# ", "title")):
        if line.startswith(prefix):
            return Block(kind, line[len(prefix) :].strip())
    image = IMAGE.match(line)
    if image:
        return Block("image", image.group(1), image.group(2))
    numbered = NUMBERED.match(line)
    if numbered:
        return Block("step", numbered.group(2), numbered.group(1))
    if line.startswith(("- ", "* ")):
        return Block("point", line[2:])
    if line.startswith("> "):
        return Block("tip", line[2:])
    return None


def inline(text: str) -> str:
    """ReportLab paragraph markup for a line of the guide."""
    marked = escape(drawable(text))
    marked = BOLD.sub(r"<b>\1</b>", marked)
    return ITALIC.sub(r"<i>\1</i>", marked)


@cache
def guide_styles() -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    doc = S.document_styles()
    f = doc.fonts
    body = ParagraphStyle("guide_body", parent=doc.body, firstLineIndent=0)
    return {
        "cover": ParagraphStyle(
            "guide_cover", parent=doc.title, fontSize=20, leading=26, spaceBefore=60
        ),
        "cover_note": ParagraphStyle("guide_cover_note", parent=doc.subject_note, spaceBefore=8),
        "contents": ParagraphStyle("guide_contents", parent=doc.part, spaceBefore=28),
        "entry": ParagraphStyle("guide_entry", parent=body, leftIndent=12, spaceBefore=3),
        "title": ParagraphStyle(
            "guide_title", parent=doc.title, fontSize=16, leading=20, spaceBefore=0, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "guide_heading", parent=doc.part, firstLineIndent=0, spaceBefore=12
        ),
        "subheading": ParagraphStyle(
            "guide_subheading", parent=doc.point, fontName=f.bold_italic, firstLineIndent=0
        ),
        "paragraph": body,
        "step": ParagraphStyle("guide_step", parent=body, leftIndent=22, bulletIndent=4),
        "point": ParagraphStyle("guide_point", parent=body, leftIndent=22, bulletIndent=8),
        "tip": ParagraphStyle(
            "guide_tip", parent=body, fontName=f.italic, leftIndent=14, alignment=TA_LEFT
        ),
        "caption": ParagraphStyle(
            "guide_caption", parent=doc.note, fontSize=11, leading=13, alignment=TA_CENTER
        ),
    }


def _image(path: Path, caption: str, width: float, height: float) -> list[Any]:
    from reportlab.platypus import Image, KeepTogether, Paragraph

    if not path.exists():
        return [Paragraph(inline(caption), guide_styles()["caption"])]
    picture = Image(str(path))
    scale = min(width / picture.imageWidth, height / picture.imageHeight, 1.0)
    picture.drawWidth = picture.imageWidth * scale
    picture.drawHeight = picture.imageHeight * scale
    picture.hAlign = "CENTER"
    return [KeepTogether([picture, Paragraph(inline(caption), guide_styles()["caption"])])]


def section_flowables(section: GuideSection) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    st = guide_styles()
    width = frame_width()
    height = (page_sizes()[0][1] - (S.MARGIN_TOP + S.MARGIN_BOTTOM) * S.MM) * IMAGE_HEIGHT_SHARE
    story: list[Any] = []
    for block in blocks(section.markdown):
        if block.kind == "image":
            story.append(Spacer(1, 6))
            story.extend(_image(section.image_base / block.label, block.text, width, height))
        elif block.kind == "step":
            story.append(Paragraph(inline(block.text), st["step"], bulletText=f"{block.label}."))
        elif block.kind == "point":
            story.append(Paragraph(inline(block.text), st["point"], bulletText="–"))
        else:
            story.append(Paragraph(inline(block.text), st[block.kind]))
    return story


def _cover(sections: list[GuideSection], lang: str, subtitle: str) -> list[Any]:
    from reportlab.platypus import Paragraph

    st = guide_styles()
    story: list[Any] = [
        Paragraph(inline(translate_in(lang, "COOPDESK USER GUIDE")), st["cover"]),
        Paragraph(inline(subtitle), st["cover_note"]),
        Paragraph(inline(translate_in(lang, "Table of contents")), st["contents"]),
    ]
    story += [Paragraph(inline(f"{n}. {s.title}"), st["entry"]) for n, s in enumerate(sections, 1)]
    return story


def render_guide_pdf(sections: list[GuideSection], lang: str, subtitle: str) -> bytes:
    """The whole guide: a cover with the contents, then each section from a new page."""
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    mm = S.MM
    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf,
        pagesize=page_sizes()[0],
        leftMargin=S.MARGIN_LEFT * mm,
        rightMargin=S.MARGIN_RIGHT * mm,
        topMargin=S.MARGIN_TOP * mm,
        bottomMargin=S.MARGIN_BOTTOM * mm,
        title=translate_in(lang, "CoopDesk user guide"),
        author="CoopDesk",
        creator="CoopDesk",
        producer="CoopDesk",
        invariant=1,
        lang=lang,
    )
    story = _cover(sections, lang, subtitle)
    for section in sections:
        story.append(PageBreak())
        story.extend(section_flowables(section))
    template.build(story, onFirstPage=_draw_page_number, onLaterPages=_draw_page_number)
    return buf.getvalue()
