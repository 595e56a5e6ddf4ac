"""The Excel import wizard: a filled template checked (problems by row and column shown),
then its good rows imported; a screenshot of the dry run is kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from coopdesk.services.excel_import import export
from coopdesk.ui.excel_import.wizard import ExcelImportWizard
from tests.ui.conftest import save_screenshot


def _file(ctx, tmp_path: Path) -> Path:
    template = ctx.read(export.write_kind_template, "people", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    rows = [
        ("Nguyễn Thị Hoà", "Nữ", 1980),
        ("Lò Thị Mai", "Nữ", 3000),
        ("Trần Thị Lan", "Nữ", 1990),
    ]
    for n, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=n, column=c, value=value)
    book.save(tmp_path / "hoi_vien.xlsx")
    return tmp_path / "hoi_vien.xlsx"


def test_the_wizard_checks_then_imports(qtbot, ctx, tmp_path: Path) -> None:
    wizard = ExcelImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.file.setText(str(_file(ctx, tmp_path)))
    wizard.show()
    wizard.run_preview()
    assert "2 mới" in wizard.summary.text() and "1 có lỗi" in wizard.summary.text()
    texts = [wizard.table.item(r, 2).text() for r in range(wizard.table.rowCount())]
    assert "Dòng 3, cột Năm sinh: 3000 không phải năm hợp lệ" in " ".join(texts)
    assert wizard.sheet.currentText() == wizard.found.sheet
    save_screenshot(wizard, "excel_import_wizard")
    assert wizard.go.isEnabled()
    wizard.run_import()
    assert wizard.outcome is not None and wizard.outcome.created == 2
    assert "thêm 2" in wizard.summary.text()
