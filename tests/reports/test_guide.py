"""The user guide as a PDF: the cover lists every section, each section starts a page under its
title with the diacritics intact, the screenshots are drawn, and `coopdesk guide` writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopdesk.reports.guide import Block, blocks, inline
from coopdesk.services import guide
from tests.reports.pdf import ink_box_mm, page_texts


@pytest.fixture(scope="module", params=guide.LANGUAGES)
def rendered(request: pytest.FixtureRequest) -> tuple[str, bytes, list[list[str]]]:
    """(language, the PDF, the lines of each page with runs of spaces squeezed)."""
    pdf = guide.guide_pdf(request.param)
    return request.param, pdf, [_lines(text) for text in page_texts(pdf)]


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _first_line(pdf: bytes) -> str:
    return _lines(page_texts(pdf)[0])[0]


def test_the_cover_lists_every_section(rendered) -> None:
    lang, _pdf, pages = rendered
    cover = pages[0]
    heading = "HƯỚNG DẪN SỬ DỤNG COOPDESK" if lang == "vi" else "COOPDESK USER GUIDE"
    assert cover[0] == heading
    assert ("Mục lục" if lang == "vi" else "Table of contents") in cover
    entries = [f"{n}. {guide.title(s.key, lang)}" for n, s in enumerate(guide.sections(), 1)]
    assert [line for line in cover if line in entries] == entries


def test_each_section_starts_a_page_under_its_title(rendered) -> None:
    lang, _pdf, pages = rendered
    # a page's first line is its number (from page 2), then the section's title
    openings = [page[1] for page in pages[1:]]
    starts = []
    for section in guide.sections():
        title = guide.title(section.key, lang)
        assert title in openings, f"no page starts with {title!r}"
        starts.append(openings.index(title))
    assert starts == sorted(starts) and starts[0] == 0
    assert [page[0] for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]


PHRASES = {
    "vi": (
        "Dành cho Hội cấp tỉnh",
        "Chủ tịch HĐQT",
        "Xoá hẳn người này…",
        "Lượt người được tập huấn",
        "Năm báo cáo 2026 (15/11/2025 – 14/11/2026)",
    ),
    "en": (
        "For the province office",
        "Chair of the board",
        "Erase person…",
        "Phường Tân Phong (Lai Châu)",
        "Reporting year 2026 (15/11/2025 – 14/11/2026)",
    ),
}


def test_the_text_keeps_its_diacritics(rendered) -> None:
    lang, _pdf, pages = rendered
    text = " ".join(line for page in pages for line in page)
    for phrase in PHRASES[lang]:
        assert phrase in text, phrase
    assert "?" not in "".join(line for page in pages for line in page[:2])


def test_screenshots_are_drawn_inside_the_margins(rendered) -> None:
    lang, pdf, pages = rendered
    title = guide.title("overview", lang)
    page = next(n + 1 for n, lines in enumerate(pages) if title in lines[:2])
    left, _top, right, _bottom, width, _height = ink_box_mm(pdf, page)
    assert left >= 29 and right <= width - 14  # 30 mm left, 15 mm right margins
    assert right - left > 150  # the screenshot spans the text's width


def test_blocks_of_a_section() -> None:
    text = (
        "# Tiêu đề\n\nMột đoạn\nhai dòng.\n\n## Mục\n1. Bấm **Lưu**\n   tiếp tục.\n"
        "- một ý\n> mẹo\n\n![Ảnh](../img/vi-x.png)\n"
    )
    assert blocks(text) == [
        Block("title", "Tiêu đề"),
        Block("paragraph", "Một đoạn hai dòng."),
        Block("heading", "Mục"),
        Block("step", "Bấm **Lưu** tiếp tục.", "1"),
        Block("point", "một ý"),
        Block("tip", "mẹo"),
        Block("image", "Ảnh", "../img/vi-x.png"),
    ]
    assert inline("Bấm **Lưu** & *xem* 5 * 3") == "Bấm <b>Lưu</b> &amp; <i>xem</i> 5 * 3"


def test_the_command_line_writes_the_guide(tmp_path: Path, capsys) -> None:
    from coopdesk.cli import main

    out = tmp_path / "huong-dan.pdf"
    assert main(["guide", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert _first_line(out.read_bytes()) == "HƯỚNG DẪN SỬ DỤNG COOPDESK"
    assert main(["guide", "--out", str(tmp_path / "guide.pdf"), "--lang", "en"]) == 0
    assert _first_line((tmp_path / "guide.pdf").read_bytes()) == "COOPDESK USER GUIDE"
    assert main(["guide", "--out", str(tmp_path / "no" / "such" / "x.pdf")]) == 2
