"""`coopdesk template`, `coopdesk import-excel` and `coopdesk undo-excel-import` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from coopdesk.cli import main

OFFICER = "Lò Thị Mai"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    where = tmp_path / "tan-phong"
    code, _out, err = run(
        capsys, "init", "--data-dir", str(where), "--unit", "3408", "--officer", OFFICER
    )
    assert (code, err) == (0, "")
    return where


def _filled(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    template = tmp_path / "mau.xlsx"
    code, out, _err = run(
        capsys, "template", "people", "--data-dir", str(data_dir), "--out", str(template)
    )
    assert code == 0 and "mau.xlsx" in out
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    for n, (name, year) in enumerate([("Nguyễn Thị Hoà", 1980), ("Lò Thị Mai", 3000)], start=2):
        sheet.cell(row=n, column=1, value=name)
        sheet.cell(row=n, column=2, value="Nữ")
        sheet.cell(row=n, column=3, value=year)
    book.save(tmp_path / "hoi_vien.xlsx")
    return tmp_path / "hoi_vien.xlsx"


def test_preview_import_errors_out_and_undo(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _filled(data_dir, tmp_path, capsys)
    code, out, _err = run(
        capsys,
        "import-excel",
        str(path),
        "--kind",
        "people",
        "--data-dir",
        str(data_dir),
        "--preview",
    )
    assert code == 0
    assert "1 mới" in out and "1 có lỗi" in out
    assert "Dòng 3, cột Năm sinh: 3000 không phải năm hợp lệ" in out
    assert "Chỉ xem trước: chưa ghi gì." in out
    bad = tmp_path / "can_sua.xlsx"
    code, out, _err = run(
        capsys, "import-excel", str(path), "--kind", "people", "--data-dir", str(data_dir),
        "--errors-out", str(bad), "--json",
    )  # fmt: skip
    data = json.loads(out)
    assert data["import"]["created"] == 1 and data["counts"]["problem"] == 1
    rows = list(openpyxl.load_workbook(bad).worksheets[0].iter_rows(values_only=True))
    assert rows[1][0] == "Lò Thị Mai" and rows[1][-1].endswith("3000 không phải năm hợp lệ")
    code, out, _err = run(
        capsys, "undo-excel-import", str(data["import"]["id"]), "--data-dir", str(data_dir)
    )
    assert code == 0 and "1 bản ghi" in out


def test_a_file_that_is_not_excel_is_named(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "danh_sach.xlsx"
    path.write_bytes(b"not a spreadsheet")
    code, _out, err = run(
        capsys, "import-excel", str(path), "--kind", "people", "--data-dir", str(data_dir)
    )
    assert code == 2
    assert "Tệp “danh_sach.xlsx”: bị hỏng hoặc không phải tệp Excel (.xlsx hoặc .xls)." in err
