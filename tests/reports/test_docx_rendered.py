"""The Word export as Word-like software lays it out (LibreOffice headless, issue 15 item 6):
the same words as the PDF, on A4 with the decree's margins (Times New Roman is Liberation
Serif there, metric-compatible: fonts-liberation2); page images of both beside each
other in test-artifacts/docx/ to look at."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.reports.fixtures import PROVINCE
from tests.reports.pdf import MM, page_count
from tests.reports.test_documents import render
from tests.reports.test_docx import _pdf_words

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "docx"
DOCUMENTS = [("annual", PROVINCE), ("plan", "03408"), ("list-trainings", "03408")]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice is missing: it is in .ci/debian-packages.txt (apt-get install)"
    return found


def _word_to_pdf(docx: bytes, folder: Path) -> bytes:
    """The .docx converted by LibreOffice, with a profile of its own (parallel test workers)."""
    source = folder / "document.docx"
    source.write_bytes(docx)
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (folder / "document.pdf").read_bytes()


def _word_boxes(pdf: bytes, folder: Path) -> list[tuple[float, float, float, float, float, float]]:
    """(page width, page height, xMin, yMin, xMax, yMax) of every word, in points."""
    path = folder / "boxes.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes, page = [], (0.0, 0.0)
    for line in html.splitlines():
        line = line.strip()
        if line.startswith("<page "):
            attrs = dict(part.split("=") for part in line[6:-1].split())
            page = (float(attrs["width"].strip('"')), float(attrs["height"].strip('"')))
        elif line.startswith("<word "):
            attrs = dict(part.split("=") for part in line[6:].split(">")[0].split())
            box = [float(attrs[k].strip('"')) for k in ("xMin", "yMin", "xMax", "yMax")]
            boxes.append((page[0], page[1], box[0], box[1], box[2], box[3]))
    return boxes


def _page_images(pdf: bytes, stem: str, folder: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "50", "-l", "3", "-png", str(path), str(ARTIFACTS / stem)], check=True
    )


@pytest.mark.parametrize(("template", "unit"), DOCUMENTS)
def test_the_word_file_laid_out_reads_as_the_pdf_on_a4_with_the_decree_margins(
    report_engine: Engine, template: str, unit: str
) -> None:
    rendered = render(report_engine, template, unit)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        laid_out = _word_to_pdf(rendered.docx(), folder)
        _page_images(rendered.pdf, f"{template}-pdf", folder)
        _page_images(laid_out, f"{template}-docx", folder)
        boxes = _word_boxes(laid_out, folder)
        pdf_boxes = _word_boxes(rendered.pdf, folder)
    assert page_count(laid_out) >= 1
    # every word of the PDF is on the laid-out Word pages, and the other way round
    word_text, pdf_text = "".join(_pdf_words(laid_out)), "".join(_pdf_words(rendered.pdf))
    assert [w for w in set(_pdf_words(rendered.pdf)) if w not in word_text] == []
    assert [w for w in set(_pdf_words(laid_out)) if w not in pdf_text] == []
    sizes = {(round(w / MM), round(h / MM)) for w, h, *_ in boxes}
    assert sizes == {(round(w / MM), round(h / MM)) for w, h, *_ in pdf_boxes}
    assert sizes <= {(210, 297), (297, 210)}  # A4, the appendices' wide tables landscape
    left = min(x0 for *_, x0, _y0, _x1, _y1 in boxes) / MM
    right = max(w - x1 for w, _h, _x0, _y0, x1, _y1 in boxes) / MM
    assert left >= 29.5  # the decree: 30-35 mm on the left
    assert right >= 14.5  # 15-20 mm on the right
