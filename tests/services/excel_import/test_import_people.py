"""A template filled in Excel with 1,000 people, three bad rows and two duplicates: the dry run
names exactly those rows and columns, the good rows are imported, the bad ones come back in a
file with a "Lỗi" column, and importing the same file again changes nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person
from coopdesk.services import people
from coopdesk.services.excel_import import apply, export, preview
from tests.services.excel_import.conftest import OFFICER, fill, person_name

BAD_YEAR, BAD_GENDER, NO_NAME = 14, 200, 731  # data rows (the sheet's row = n + 2)
DUPLICATES = (5, 640)


def _rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for n in range(1000):
        rows.append(
            [person_name(n), "Nữ", 1960 + n % 40, f"09{n:08d}", "Tổ 3, Phường Tân Phong", None]
        )
    rows[BAD_YEAR][2] = 3000
    rows[BAD_GENDER][1] = "Không rõ"
    rows[NO_NAME][0] = None
    return rows


@pytest.fixture
def filled(session: Session, tmp_path: Path) -> Path:
    for n in DUPLICATES:  # already here, with another phone number
        people.create_person(session, person_name(n), actor=OFFICER, birth_year=1960 + n % 40)
    session.flush()
    template = export.write_kind_template(session, "people", tmp_path / "mau.xlsx")
    return fill(template, _rows(), tmp_path / "hoi_vien.xlsx")


def _people(session: Session) -> int:
    return session.scalar(
        select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
    )


def test_the_dry_run_names_the_bad_rows_and_the_duplicates(session: Session, filled: Path) -> None:
    found = preview.preview(session, filled, "people")
    assert found.header_row == 1

    assert found.counts() == {
        "new": 995, "updated": 0, "unchanged": 0, "duplicate": 2, "conflict": 0, "problem": 3,
    }  # fmt: skip
    problems = {r.number: r.problems for r in found.rows if r.status == "problem"}
    assert problems == {
        BAD_YEAR + 2: [f"Dòng {BAD_YEAR + 2}, cột Năm sinh: 3000 không phải năm hợp lệ"],
        BAD_GENDER + 2: [
            f"Dòng {BAD_GENDER + 2}, cột Giới tính: “Không rõ” không có trong danh sách (Nữ, Nam, Khác)"
        ],
        NO_NAME + 2: [f"Dòng {NO_NAME + 2}, cột Họ và tên: cột này phải được điền"],
    }
    duplicates = {r.number: r.duplicates for r in found.rows if r.status == "duplicate"}
    assert sorted(duplicates) == [n + 2 for n in DUPLICATES]
    assert all(
        d[0].startswith(f"có thể trùng với {person_name(n)}")
        for n, d in zip(DUPLICATES, duplicates.values(), strict=True)
    )
    assert _people(session) == 2  # a dry run writes nothing


def test_the_good_rows_are_imported_and_the_bad_ones_come_back(
    session: Session, filled: Path, tmp_path: Path
) -> None:
    found = preview.preview(session, filled, "people")
    result = apply.apply_import(session, found, OFFICER)
    assert (result.created, result.updated, result.skipped) == (995, 0, 5)
    assert _people(session) == 997
    back = export.write_rows_to_fix(found, result.skipped_rows, tmp_path / "can_sua.xlsx")
    sheet = openpyxl.load_workbook(back).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Họ và tên *" and rows[0][-1] == "Lỗi"  # the headers as they were
    assert len(rows) == 1 + 5
    by_phone = {r[3]: r[-1] for r in rows[1:]}
    assert by_phone[f"09{BAD_YEAR:08d}"].endswith("3000 không phải năm hợp lệ")
    assert by_phone[f"09{DUPLICATES[0]:08d}"].startswith("có thể trùng với")


def test_a_second_import_of_the_same_file_changes_nothing(session: Session, filled: Path) -> None:
    apply.apply_import(session, preview.preview(session, filled, "people"), OFFICER)
    again = preview.preview(session, filled, "people")
    assert again.counts()["unchanged"] == 995 and again.counts()["new"] == 0
    result = apply.apply_import(session, again, OFFICER)
    assert (result.created, result.updated) == (0, 0)
    assert _people(session) == 997


def test_a_duplicate_the_officer_takes_is_imported(session: Session, filled: Path) -> None:
    found = preview.preview(session, filled, "people")
    result = apply.apply_import(session, found, OFFICER, take_duplicates={DUPLICATES[0] + 2})
    assert result.created == 996
