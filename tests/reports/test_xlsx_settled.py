"""The .xlsx files as an officer opens them in Excel or on a phone: words instead of codes, one
heading per column, printed one page wide, titles not cut off, totals that show without
computing, and the same bytes for the same data."""

from __future__ import annotations

import io
import math
import time
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from sqlalchemy import Engine

from coopdesk.services.documents import Rendered
from tests.reports.fixtures import PROVINCE
from tests.reports.test_documents import render

DOCUMENTS = [
    ("annual", PROVINCE),
    ("plan", "03408"),
    ("list-cooperatives", PROVINCE),
    ("list-managers", PROVINCE),
    ("list-trainings", PROVINCE),
    ("list-activities", PROVINCE),
    ("list-support", PROVINCE),
]
CODES = {"done", "in_progress", "open", "late", "phase1", "phase2", "all", ">=", "about"}


@pytest.fixture(scope="module")
def rendered(report_engine: Engine) -> dict[str, Rendered]:
    return {template: render(report_engine, template, unit) for template, unit in DOCUMENTS}


def _sheets(rendered: dict[str, Rendered], data_only: bool = False) -> Iterator[tuple[str, object]]:
    for template, doc in rendered.items():
        for ws in load_workbook(io.BytesIO(doc.xlsx()), data_only=data_only).worksheets:
            yield f"{template}/{ws.title}", ws


def test_plan_workbook_says_words_not_codes(rendered: dict[str, Rendered]) -> None:
    wb = load_workbook(io.BytesIO(rendered["plan"].xlsx()))
    cells = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}
    assert not CODES & cells, CODES & cells
    targets = [r for r in wb["Chỉ tiêu kế hoạch"].iter_rows(min_row=10, values_only=True)]
    periods = {r[3] for r in targets}
    assert "giai đoạn 2026–2030" in periods and "năm 2026" in periods
    assert "ít nhất (≥)" in {r[4] for r in targets}
    statuses = {r[5] for r in wb["Phân công nhiệm vụ"].iter_rows(min_row=10, values_only=True)}
    assert statuses == {"Chưa thực hiện"}


def test_no_two_columns_headed_alike(rendered: dict[str, Rendered]) -> None:
    for name, ws in _sheets(rendered):
        headers = [c.value for c in ws[9] if c.value]  # type: ignore[attr-defined]
        assert len(headers) == len(set(headers)), (name, headers)


def test_every_sheet_prints_one_page_wide(rendered: dict[str, Rendered]) -> None:
    for name, ws in _sheets(rendered):
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True, name  # type: ignore[attr-defined]
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, name  # type: ignore[attr-defined]


def test_title_rows_are_tall_enough_for_their_wrapped_text(rendered: dict[str, Rendered]) -> None:
    for name, ws in _sheets(rendered):
        for merged in ws.merged_cells.ranges:  # type: ignore[attr-defined]
            text = str(ws.cell(merged.min_row, merged.min_col).value or "")  # type: ignore[attr-defined]
            letters = range(merged.min_col, merged.max_col + 1)
            chars = sum(ws.column_dimensions[get_column_letter(c)].width for c in letters)  # type: ignore[attr-defined]
            lines = math.ceil(len(text) / chars)  # a generous estimate: one letter per unit
            height = ws.row_dimensions[merged.min_row].height or 15  # type: ignore[attr-defined]
            assert height >= 15 * lines, (name, text, height, chars)
    annual = load_workbook(io.BytesIO(rendered["annual"].xlsx()))["Chỉ tiêu"]
    assert annual.row_dimensions[6].height >= 32  # the long subject wraps on two lines or more


def test_totals_hold_their_values_beside_the_formula(rendered: dict[str, Rendered]) -> None:
    formulas = dict(_sheets(rendered))
    checked = 0
    for name, ws in _sheets(rendered, data_only=True):
        with_formula = formulas[name]
        last = ws.max_row  # type: ignore[attr-defined]
        for cell in with_formula[last]:  # type: ignore[index]
            if isinstance(cell.value, str) and cell.value.startswith("=SUM("):
                column = [
                    r[cell.column - 1]
                    for r in ws.iter_rows(min_row=10, max_row=last - 1, values_only=True)  # type: ignore[attr-defined]
                ]
                stored = ws.cell(last, cell.column).value  # type: ignore[attr-defined]
                assert stored == sum(v or 0 for v in column), (name, cell.coordinate)
                checked += 1
    assert checked >= 10


def test_same_data_same_bytes(rendered: dict[str, Rendered]) -> None:
    first = {template: doc.xlsx() for template, doc in rendered.items()}
    time.sleep(2.1)  # a zip stores times to 2 seconds
    assert {template: doc.xlsx() for template, doc in rendered.items()} == first
