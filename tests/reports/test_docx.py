"""The Word export read back with python-docx: the same words and figures as the PDF, in the
decree's page layout, the same bytes for the same document."""

from __future__ import annotations

import io
import re
import unicodedata

import docx
import pytest
from docx.shared import Mm
from sqlalchemy import Engine

from tests.reports.fixtures import PROVINCE
from tests.reports.pdf import page_texts
from tests.reports.test_documents import render


def _words(text: str) -> list[str]:
    """Words as read; the thin space before '%' is dropped (pdftotext drops it)."""
    return re.sub(r"(?<=\d)\s+%", "%", unicodedata.normalize("NFC", text)).split()


def _docx_words(data: bytes) -> list[str]:
    word = docx.Document(io.BytesIO(data))
    texts: list[str] = []

    def walk(container) -> None:  # type: ignore[no-untyped-def]
        for block in container.iter_inner_content():
            if isinstance(block, docx.table.Table):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)
            else:
                texts.append(block.text)

    walk(word)
    return _words(" ".join(texts))


def _pdf_words(pdf: bytes) -> list[str]:
    return _words(" ".join(page_texts(pdf)))


@pytest.mark.parametrize(
    ("template", "unit"),
    [
        ("annual", PROVINCE),
        ("plan", "03408"),
        ("list-trainings", "03408"),
        ("list-support", "03408"),
    ],
)
def test_word_file_holds_the_words_of_the_pdf(
    report_engine: Engine, template: str, unit: str
) -> None:
    rendered = render(report_engine, template, unit)
    # Each word of one is found in the other's text (a narrow PDF cell may break a word the
    # Word file keeps whole, and the PDF repeats a table's header on each page).
    word_words, pdf_words = _docx_words(rendered.docx()), _pdf_words(rendered.pdf)
    word_text, pdf_text = "".join(word_words), "".join(pdf_words)
    assert [w for w in set(word_words) if w not in pdf_text] == []
    # pdftotext reads a number cut by a narrow cell as pieces ("85," "7%"): whole words only.
    pieces = re.compile(r"^[\d.,]+%?$")
    assert [w for w in set(pdf_words) if w not in word_text and not pieces.match(w)] == []


def test_word_page_is_a4_with_the_decree_margins(report_engine: Engine) -> None:
    word = docx.Document(io.BytesIO(render(report_engine, "annual").docx()))
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert abs(section.left_margin - Mm(30)) < Mm(0.1)
    assert abs(section.right_margin - Mm(15)) < Mm(0.1)
    assert abs(section.top_margin - Mm(20)) < Mm(0.1)
    styles = word.styles
    assert styles["NĐ30 body"].paragraph_format.alignment == 3  # justified
    header = word.tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header.rows[0].cells[1].text
    assert "Độc lập - Tự do - Hạnh phúc" in header.rows[0].cells[1].text


def test_same_document_same_word_bytes(report_engine: Engine) -> None:
    assert render(report_engine, "annual").docx() == render(report_engine, "annual").docx()
