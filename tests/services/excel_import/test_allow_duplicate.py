"""`coopdesk import-excel … --allow-duplicate`: a row that only looks like a person already here
is reported ("Dòng 2: có thể trùng với …", the editors' label) and not imported without it;
with it the row is saved, the pair is remembered as different, a second import changes nothing,
and undoing the import takes the pair back too."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coopdesk.cli import main
from coopdesk.db.engine import open_database, session_scope
from coopdesk.db.models import Cooperative, DuplicateDismissal, Person, Role
from coopdesk.services import people, records
from tests.services.excel_import.conftest import OFFICER

HOA = "Dòng 2: có thể trùng với Nguyễn Thị Hoa, sinh năm 1985, HTX Chè Tân Phong, Phường Tân Phong"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    where = tmp_path / "tan-phong"
    run(capsys, "init", "--data-dir", str(where), "--unit", "3408", "--officer", OFFICER)
    engine = open_database(where, create=False)
    with session_scope(engine) as s:
        hoa = people.create_person(
            s, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985, phone="0912 345 678"
        )
        coop = records.create(s, Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX"}, OFFICER)
        role = {"person_id": hoa.id, "cooperative_id": coop.id, "role": "director"}
        records.create(s, Role, role, OFFICER)
    engine.dispose()
    return where


def _file(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    template = tmp_path / "mau.xlsx"
    run(capsys, "template", "people", "--data-dir", str(data_dir), "--out", str(template))
    book = openpyxl.load_workbook(template)
    sheet = book.worksheets[0]
    for n, (name, year) in enumerate([("nguyễn thị hoa", 1985), ("Lò Thị Mai", 1990)], start=2):
        sheet.cell(row=n, column=1, value=name)
        sheet.cell(row=n, column=2, value="Nữ")
        sheet.cell(row=n, column=3, value=year)
    book.save(tmp_path / "hoi_vien.xlsx")
    return tmp_path / "hoi_vien.xlsx"


def _counts(data_dir: Path) -> tuple[int, int]:
    """(people, pairs remembered as different), live ones."""
    engine = open_database(data_dir, create=False)
    with session_scope(engine) as s:
        found = tuple(
            s.scalar(select(func.count()).select_from(m).where(m.deleted_at.is_(None))) or 0
            for m in (Person, DuplicateDismissal)
        )
    engine.dispose()
    return found[0], found[1]


def test_a_row_like_a_person_here_is_imported_only_with_allow_duplicate(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(data_dir, tmp_path, capsys)
    imp = ("import-excel", str(path), "--kind", "people", "--data-dir", str(data_dir))
    out = run(capsys, *imp, "--preview")
    assert "1 mới" in out and "1 có thể trùng" in out
    assert f"{HOA} (cùng họ tên và năm sinh)" in out
    assert "--allow-duplicate" in out and "không được nhập" in out
    out = run(capsys, *imp)
    assert HOA in out and _counts(data_dir) == (2, 0)  # Lò Thị Mai only
    out = run(capsys, *imp, "--allow-duplicate")
    assert "vẫn được nhập" in out
    assert _counts(data_dir) == (3, 1)
    out = run(capsys, *imp, "--allow-duplicate", "--preview")  # the same file again
    assert "0 mới" in out and "2 không đổi" in out and "có thể trùng với" not in out
    engine = open_database(data_dir, create=False)
    with session_scope(engine) as s:
        from coopdesk.db.models import ExcelImport

        latest = s.scalar(select(func.max(ExcelImport.id)))
    engine.dispose()
    run(capsys, "undo-excel-import", str(latest), "--data-dir", str(data_dir))
    assert _counts(data_dir) == (2, 0)
