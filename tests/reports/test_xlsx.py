"""The .xlsx exports opened with openpyxl: title block, headers, typed values, formulas."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.reports.fixtures import COOP, PROVINCE, TRAINING
from tests.reports.test_documents import render


def test_list_export_has_title_block_frozen_header_and_sum_formulas(report_engine: Engine) -> None:
    rendered = render(report_engine, "list-activities")
    wb = load_workbook(io.BytesIO(rendered.xlsx()))
    ws = wb.active
    assert ws["A1"].value == "HỘI LHPN TỈNH LAI CHÂU"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [c.value for c in ws[1]]
    assert "Tân Phong, ngày 05 tháng 11 năm 2026" in [c.value for c in ws[3]]
    assert ws["A5"].value == "DANH SÁCH"
    headers = [c.value for c in ws[9]]
    assert headers[:3] == ["STT", "Ngày", "Hoạt động"]
    assert ws.freeze_panes == "A10"
    assert ws["B10"].value == dt.datetime(2026, 3, 8) and ws["B10"].number_format == "dd/mm/yyyy"
    assert ws["C10"].value == "Tuyên truyền Luật Hợp tác xã năm 2023"
    assert ws["F11"].value == 1500 and ws["F11"].number_format == "#,##0"
    assert ws["B12"].value == "Tổng cộng"
    assert ws["F12"].value == "=SUM(F10:F11)"
    assert ws["H12"].value == "=SUM(H10:H11)"
    assert ws.column_dimensions["C"].width >= len("Tuyên truyền Luật Hợp tác xã năm 2023")


def test_annual_export_holds_the_appendix_tables(report_engine: Engine) -> None:
    rendered = render(report_engine, "annual", PROVINCE, number=3)
    wb = load_workbook(io.BytesIO(rendered.xlsx()))
    assert wb.sheetnames == ["Chỉ tiêu", "Theo đơn vị"]
    indicators = wb["Chỉ tiêu"]
    rows = {r[1]: r for r in indicators.iter_rows(min_row=10, values_only=True)}
    assert indicators["D9"].value == "Kết quả"  # no target set for the province's year
    assert rows["Giá trị hỗ trợ"][3] == 50_000_000
    assert rows["Tỷ lệ nữ quản lý HTX đã được đào tạo, bồi dưỡng (lũy kế)"][3] == 0.5
    by_unit = wb["Theo đơn vị"]
    names = [r[1] for r in by_unit.iter_rows(min_row=10, values_only=True)]
    assert "Phường Tân Phong" in names and names[-1] == "Tổng cộng"
    last = by_unit.max_row
    assert str(by_unit.cell(row=last, column=3).value).startswith("=SUM(C10:C")


def test_plan_and_list_exports_keep_diacritics(report_engine: Engine) -> None:
    plan = load_workbook(io.BytesIO(render(report_engine, "plan").xlsx()))
    assert plan.sheetnames == ["Chỉ tiêu kế hoạch", "Phân công nhiệm vụ"]
    tasks = [r[1] for r in plan["Phân công nhiệm vụ"].iter_rows(min_row=10, values_only=True)]
    assert "Cân đối, bố trí kinh phí thực hiện" in tasks
    coops = load_workbook(io.BytesIO(render(report_engine, "list-cooperatives", PROVINCE).xlsx()))
    names = [r[1] for r in coops.active.iter_rows(min_row=10, values_only=True)]
    assert COOP in names
    trainings = load_workbook(io.BytesIO(render(report_engine, "list-trainings").xlsx()))
    assert TRAINING in [r[1] for r in trainings.active.iter_rows(min_row=10, values_only=True)]
