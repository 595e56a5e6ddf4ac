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


def _officer_sheet(path: Path, names: list[str], start: int = 1) -> Path:
    """An officer's own list: a title row, headers the guess does not know for the name."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tổ 3"
    sheet.append(["DANH SÁCH HỘI VIÊN TỔ 3"])
    sheet.append(["STT", "Tên hội viên", "Năm sinh", "SĐT", "Ghi chú riêng"])
    for n, name in enumerate(names, start=start):
        sheet.append([n, name, 1970 + n, f"09120000{n:02d}", "tổ trưởng"])
    book.save(path)
    return path


def _fields(wizard: ExcelImportWizard) -> dict[str, str]:
    """Each column of the file → the field chosen for it, as the mapping step shows them."""
    table = wizard.columns.table
    return {
        table.item(n, 0).text(): table.cellWidget(n, 2).currentText()
        for n in range(table.rowCount())
    }


def test_the_columns_are_chosen_by_hand_and_remembered(qtbot, ctx, tmp_path: Path) -> None:
    wizard = ExcelImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.resize(900, 600)
    wizard.file.setText(str(_officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai", "Vàng Thị Sinh"])))
    wizard.show()
    wizard.run_preview()
    # the mapping step, with the guess: the name column is not recognised and is named
    assert wizard.steps.currentIndex() == 0
    assert _fields(wizard) == {
        "STT": "— bỏ qua —",
        "Tên hội viên": "— bỏ qua —",
        "Năm sinh": "Năm sinh",
        "SĐT": "Điện thoại",
        "Ghi chú riêng": "— bỏ qua —",
    }
    assert wizard.columns.missing.isVisible()
    assert wizard.columns.missing.text() == (
        "Chưa có cột nào cho “Họ và tên”: hãy chọn cột chứa thông tin đó."
    )
    assert not wizard.check.isEnabled() and not wizard.go.isEnabled()
    qtbot.wait(50)  # the table laid out as shown
    save_screenshot(wizard, "excel_import_columns_missing")

    name_box = wizard.columns.table.cellWidget(1, 2)
    name_box.setCurrentIndex(name_box.findData("full_name"))
    assert not wizard.columns.missing.isVisible() and wizard.check.isEnabled()
    assert "Tên hội viên" in wizard.columns.chosen()
    qtbot.wait(50)  # the table laid out as shown
    save_screenshot(wizard, "excel_import_columns_chosen")
    wizard.run_preview()
    assert wizard.found.mapped_by == "hand" and wizard.steps.currentIndex() == 1
    assert "2 mới" in wizard.summary.text()
    wizard.run_import()
    assert wizard.outcome is not None and wizard.outcome.created == 2

    # the next file with the same headers: the columns come back as chosen
    again = ExcelImportWizard(ctx)
    qtbot.addWidget(again)
    again.resize(900, 600)
    again.file.setText(str(_officer_sheet(tmp_path / "to5.xlsx", ["Hoàng Thị Nga"], start=3)))
    again.show()
    again.run_preview()
    assert again.found.mapped_by == "memory"
    assert _fields(again)["Tên hội viên"] == "Họ và tên *"
    assert again.columns.note.text() == (
        "Các cột được ghép như bạn đã chọn lần trước cho tệp có cùng tiêu đề cột."
    )
    assert again.go.isEnabled() and "1 mới" in again.summary.text()
    again.steps.setCurrentIndex(0)
    qtbot.wait(50)  # the table laid out as shown
    save_screenshot(again, "excel_import_columns_remembered")
