"""`coopdesk import-excel --mapping M.json`: the mapping the GUI chooses and a dry run prints,
given by file; a bad one refused naming the column or field, with nothing imported; the
mapping used for an import comes back for the next file with the same headers."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from tests.cli.test_excel_cli import data_dir, run  # noqa: F401 (the fixture)

HEADERS = ["STT", "Tên hội viên", "Năm sinh", "SĐT"]


def _sheet(path: Path, names: list[str], start: int = 1) -> Path:
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    for n, name in enumerate(names, start=start):
        book.active.append([n, name, 1970 + n, f"09130000{n:02d}"])
    book.save(path)
    return path


def _mapping(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "ghep_cot.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _import(capsys, data_dir: Path, path: Path, *more: str) -> tuple[int, str, str]:  # noqa: F811
    return run(
        capsys, "import-excel", str(path), "--kind", "people", "--data-dir", str(data_dir), *more
    )


def test_a_mapping_file_reads_the_sheet_and_is_remembered(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = _sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai", "Vàng Thị Sinh"])
    code, out, _err = _import(capsys, data_dir, path, "--preview", "--json")
    guessed = json.loads(out)
    assert code == 2 and guessed["mapping"]["Tên hội viên"] == ""  # not recognised
    assert "“Họ và tên”" in guessed["problems"][0]

    chosen = {**guessed["mapping"], "Tên hội viên": "Họ và tên"}  # by its title, or full_name
    code, out, err = _import(capsys, data_dir, path, "--mapping", str(_mapping(tmp_path, chosen)))
    assert (code, err) == (0, "")
    assert "2 mới" in out and "thêm 2" in out

    code, out, _err = _import(
        capsys, data_dir, _sheet(tmp_path / "to5.xlsx", ["Hoàng Thị Nga"], 5), "--json"
    )
    again = json.loads(out)
    assert (code, again["mapped_by"], again["counts"]["new"]) == (0, "memory", 1)
    assert again["mapping"] == {"STT": "", "Tên hội viên": "full_name", "Năm sinh": "birth_year",
                                "SĐT": "phone"}  # fmt: skip


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"Họ tên": "full_name"}, "Cách ghép cột nêu cột “Họ tên”, trang “Sheet” không có cột đó"),
        ({"Tên hội viên": "ho_ten"}, "Cột “Tên hội viên” được gán trường “ho_ten”, không có"),
        (["Tên hội viên"], "Tệp ghép cột ghep_cot.json phải là một đối tượng JSON"),
    ],
)
def test_a_bad_mapping_file_is_refused_naming_the_column_or_field(
    data_dir: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    bad: object,
    message: str,
) -> None:
    path = _sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai"])
    code, out, err = _import(capsys, data_dir, path, "--mapping", str(_mapping(tmp_path, bad)))
    assert code == 2 and message in err and out == ""
    code, out, _err = _import(
        capsys, data_dir, path, "--mapping", str(_mapping(tmp_path, {"Tên hội viên": "full_name"})),
        "--preview", "--json",
    )  # fmt: skip
    assert json.loads(out)["counts"]["new"] == 1  # nothing was imported by the refused run
