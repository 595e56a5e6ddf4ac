"""No text crosses a table border in the national, province and commune reports (and the
longest list, numbered past 1.000): every word on a table row lies inside one cell, measured
on the PDF (words from `pdftotext -bbox`, the borders from the lines the page strokes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coopdesk import paths
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.services.documents import ReportRequest, render_request
from tests.reports.pdf import Segment, lines_drawn, page_count, words

EPS = 0.3  # pt


def _verticals(segments: list[Segment]) -> list[Segment]:
    """Column borders: vertical lines, top above bottom."""
    return [
        (x0, min(y0, y1), x1, max(y0, y1))
        for x0, y0, x1, y1 in segments
        if abs(x0 - x1) < 0.01 and abs(y0 - y1) > 4
    ]


def _outside_cells(pdf: bytes) -> tuple[int, list[str]]:
    """How many words sit on table rows, and those not inside one cell (crossing a border,
    or starting left of the table's first border)."""
    bad, counted = [], 0
    for page in range(1, page_count(pdf) + 1):
        borders = _verticals(lines_drawn(pdf, page))
        for text, x0, y0, x1, y1 in words(pdf, page):
            middle = (y0 + y1) / 2
            here = sorted(x for x, top, _x, bottom in borders if top <= middle <= bottom)
            if not here:
                continue  # not on a table row
            counted += 1
            crossing = [x for x in here if x0 + EPS < x < x1 - EPS]
            if crossing or x0 < here[0] - EPS or x1 > here[-1] + EPS:
                bad.append(f"page {page}: {text!r} {x0:.1f}–{x1:.1f} borders {here}")
    return counted, bad


@pytest.mark.slow
@pytest.mark.parametrize(
    ("template", "unit", "rows_at_least"),
    [
        ("annual", "VN", 34),
        ("annual", "12", 38),
        ("annual", "03408", 24),
        ("list-cooperatives", "12", 1000),  # row numbers of 1.000 and more
    ],
)
def test_no_word_crosses_a_table_border(
    province_demo: Path, template: str, unit: str, rows_at_least: int
) -> None:
    engine = make_engine(paths.db_path(province_demo))
    with session_scope(engine) as session:
        request = ReportRequest(template, unit, "2026", date=dt.date(2026, 11, 25))
        pdf = render_request(session, request).pdf
    engine.dispose()
    counted, bad = _outside_cells(pdf)
    assert counted > rows_at_least * 3  # the tables were found and measured
    assert not bad, "\n".join(bad[:20])


def test_a_number_wider_than_its_column_is_found(tmp_path: Path) -> None:
    """The measure itself: a cell drawn too narrow for its number is reported."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = tmp_path / "narrow.pdf"
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    for x in (100, 150, 200):
        c.line(x, 700, x, 720)
    c.drawString(104, 705, "11.253.000.000")  # wider than the 50 pt cell
    c.drawString(154, 705, "85,7 %")
    c.save()
    counted, bad = _outside_cells(out.read_bytes())
    assert counted == 3 and len(bad) == 1 and "11.253.000.000" in bad[0]
