"""`coopdesk template` and `coopdesk import-excel` for officers, support and cooperatives
with their board and yearly figures."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_excel_cli import OFFICER, run


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    where = tmp_path / "tan-phong"
    code, _out, err = run(
        capsys, "init", "--data-dir", str(where), "--unit", "3408", "--officer", OFFICER
    )
    assert (code, err) == (0, "")
    return where


def _template(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> Path:
    out = tmp_path / f"{kind}.xlsx"
    code, text, _err = run(capsys, "template", kind, "--data-dir", str(data_dir), "--out", str(out))
    assert code == 0 and out.name in text
    return out


def test_each_new_kind_has_a_template(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = {
        kind: openpyxl.load_workbook(_template(data_dir, tmp_path, capsys, kind)).sheetnames
        for kind in ("officers", "support", "cooperatives", "trainings")
    }
    assert sheets == {
        "officers": ["Cán bộ Hội", "Hướng dẫn", "DanhMuc"],
        "support": ["Hỗ trợ", "Hướng dẫn", "DanhMuc"],
        "cooperatives": ["Hợp tác xã", "Ban quản lý", "Số liệu hằng năm", "Hướng dẫn", "DanhMuc"],
        "trainings": ["Tập huấn", "Học viên", "Hướng dẫn", "DanhMuc"],
    }


def test_cooperatives_with_their_board_are_imported_and_undone(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = openpyxl.load_workbook(_template(data_dir, tmp_path, capsys, "cooperatives"))
    for c, value in enumerate(["HTX Chè Tân Phong", "Hợp tác xã (HTX)", "0101"], start=1):
        book["Hợp tác xã"].cell(row=2, column=c, value=value)
    board = [
        ["0101", "Nguyễn Thị Hoa", 1985, "Nữ", "Chủ tịch HĐQT"],
        ["HTX Chè Tân Phong", "Lò Thị Lan", 1990, "Nữ", "Thủ quỹ"],
    ]
    for n, row in enumerate(board, start=2):
        for c, value in enumerate(row, start=1):
            book["Ban quản lý"].cell(row=n, column=c, value=value)
    path = tmp_path / "htx.xlsx"
    book.save(path)

    args = ("import-excel", str(path), "--kind", "cooperatives", "--data-dir", str(data_dir))
    code, out, _err = run(capsys, *args, "--preview")
    assert code == 0
    assert "Trang “Ban quản lý”, dòng 3, cột Chức danh: “Thủ quỹ” không có trong danh sách" in out
    book["Ban quản lý"]["E3"] = "Kế toán"
    book.save(path)
    code, out, _err = run(capsys, *args, "--json")
    data = json.loads(out)
    assert data["import"]["created"] == 1 and data["counts"]["problem"] == 0
    code, out, _err = run(capsys, "list", "people", "--data-dir", str(data_dir), "--json")
    assert sorted(p["name"] for p in json.loads(out)) == ["Lò Thị Lan", "Nguyễn Thị Hoa"]

    code, out, _err = run(
        capsys, "undo-excel-import", str(data["import"]["id"]), "--data-dir", str(data_dir)
    )
    assert code == 0 and "1 bản ghi" in out
    code, out, _err = run(capsys, "list", "people", "--data-dir", str(data_dir), "--json")
    assert json.loads(out) == []
