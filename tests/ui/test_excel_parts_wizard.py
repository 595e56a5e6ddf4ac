"""The import wizard on a cooperatives workbook with its board and yearly figures: a bad row
of the "Ban quản lý" sheet is shown by sheet, row and column, and the good cooperative is
imported with its figures."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from coopdesk.services import registry
from coopdesk.services.excel_import import export
from coopdesk.services.registry import lookups
from coopdesk.ui.excel_import.wizard import ExcelImportWizard
from tests.ui.conftest import save_screenshot


def _workbook(ctx, tmp_path: Path) -> Path:
    template = ctx.read(export.write_kind_template, "cooperatives", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(template)
    sheets = {
        "Hợp tác xã": [
            ["HTX Chè Tân Phong", "Hợp tác xã (HTX)"],
            ["HTX Rau Sạch", "Tổ hợp tác (THT)"],
        ],
        "Ban quản lý": [["HTX Chè Tân Phong", "Nguyễn Thị Hoa", 1985, "Nữ", "Chủ nhiệm"]],
        "Số liệu hằng năm": [["HTX Rau Sạch", 2025, 12, 10, 8, 15, 9]],
    }
    for name, rows in sheets.items():
        for n, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                book[name].cell(row=n, column=c, value=value)
    book.save(tmp_path / "htx.xlsx")
    return tmp_path / "htx.xlsx"


def test_a_board_row_problem_is_shown_by_sheet_row_and_column(qtbot, ctx, tmp_path: Path) -> None:
    wizard = ExcelImportWizard(ctx, "cooperatives")
    qtbot.addWidget(wizard)
    wizard.file.setText(str(_workbook(ctx, tmp_path)))
    wizard.show()
    wizard.run_preview()
    assert "1 mới" in wizard.summary.text() and "1 có lỗi" in wizard.summary.text()
    texts = " ".join(wizard.table.item(r, 2).text() for r in range(wizard.table.rowCount()))
    assert (
        "Trang “Ban quản lý”, dòng 2, cột Chức danh: “Chủ nhiệm” không có trong danh sách" in texts
    )
    save_screenshot(wizard, "excel_import_cooperatives_board")
    wizard.run_import()
    assert wizard.outcome is not None and wizard.outcome.created == 1
    with ctx.session() as s:
        (coop_id,) = [i for i, _n in lookups.cooperative_choices(s, "03408")]
        years = registry.area("cooperatives").load(s, coop_id).years
    assert [(y["year"], y["female_workers"]) for y in years] == [(2025, 9)]
