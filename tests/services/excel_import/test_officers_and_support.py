"""Templates and imports of Hội officers and of support: officers named by name and birth
year (an existing person or a new one), support naming its cooperative or person as the
officer typed or picked it; a bad row is named by row and column, the import is undone as a
whole, and an exported file comes back as updates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Officer, Person, Support
from coopdesk.services import people, records, registry
from coopdesk.services.excel_import import apply, export, preview, undo
from tests.services.excel_import.conftest import OFFICER, fill_sheets


def _live(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


@pytest.fixture
def here(session: Session) -> dict[str, str]:
    """Two women named Trần Thị Mai, one Nguyễn Thị Hoa, and the HTX Chè Tân Phong."""
    ids = {
        "hoa": people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985).id,
        "mai80": people.create_person(session, "Trần Thị Mai", actor=OFFICER, birth_year=1980).id,
        "mai91": people.create_person(session, "Trần Thị Mai", actor=OFFICER, birth_year=1991).id,
    }
    coop = records.create(
        session,
        Cooperative,
        {"name": "HTX Chè Tân Phong", "kind": "HTX", "registration_no": "0101"},
    )
    ids["coop"] = coop.id
    session.flush()
    return ids


def test_the_officers_template_has_lists_and_protection(session: Session, tmp_path: Path) -> None:
    path = export.write_kind_template(session, "officers", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cán bộ Hội", "Hướng dẫn", "DanhMuc"]
    sheet = book["Cán bộ Hội"]
    assert [c.value for c in sheet[1]][:5] == [
        "Họ và tên *", "Năm sinh", "Giới tính", "Chức vụ", "Phụ trách kinh tế tập thể",
    ]  # fmt: skip
    assert book["DanhMuc"].sheet_state == "hidden"
    assert sheet.protection.sheet and sheet["A1"].protection.locked
    assert not sheet["A2"].protection.locked
    ranges = {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation}
    assert ranges == {"C2", "E2"}  # gender and "works on the collective economy"
    assert sheet.column_dimensions["H"].hidden  # the record id


def test_officers_are_imported_as_people_here_or_new(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    template = export.write_kind_template(session, "officers", tmp_path / "mau.xlsx")
    rows = [
        ["Nguyễn Thị Hoa", 1985, "Nữ", "Chủ tịch Hội LHPN phường", "Có"],
        ["Đặng Thị Đào", 1978, "Nữ", "Phó Chủ tịch"],
        ["Trần Thị Mai", None, "Nữ", "Ủy viên"],
    ]
    filled = fill_sheets(template, {"Cán bộ Hội": rows}, tmp_path / "can_bo.xlsx")

    found = preview.preview(session, filled, "officers")
    assert [r.status for r in found.rows] == ["new", "new", "problem"]
    assert found.rows[2].problems == [
        "Dòng 4, cột Họ và tên: có 2 người tên “Trần Thị Mai”: hãy ghi năm sinh (hoặc hợp tác xã) "
        "của người này"
    ]
    result = apply.apply_import(session, found, OFFICER)
    assert (result.created, result.skipped) == (2, 1)
    officers = {o.person_id: o for o in session.scalars(select(Officer))}
    assert officers[here["hoa"]].position == "Chủ tịch Hội LHPN phường"  # the woman already here
    dao = session.scalars(select(Person).where(Person.full_name == "Đặng Thị Đào")).one()
    assert dao.birth_year == 1978  # a new person, with the birth year the file gave
    assert registry.area("officers").load(session, officers[dao.id].id).person == {
        "full_name": "Đặng Thị Đào",
        "gender": "F",
    }

    undo.undo_excel_import(session, result.import_id, OFFICER)
    assert _live(session, Officer) == 0
    assert _live(session, Person) == 3  # Đặng Thị Đào, added by the import, is gone too


def test_an_exported_officers_list_comes_back_as_updates(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    registry.area("officers").save(
        session,
        registry.area("officers").draft(fields={"person_id": here["hoa"], "position": "Ủy viên"}),
        OFFICER,
    )
    exported = export.write_kind_template(session, "officers", tmp_path / "ds.xlsx", filled=True)
    book = openpyxl.load_workbook(exported)
    assert book.worksheets[0]["A2"].value == "Nguyễn Thị Hoa"
    book.worksheets[0]["D2"] = "Phó Chủ tịch"
    book.save(exported)

    found = preview.preview(session, exported, "officers")
    assert [(r.status, r.changed) for r in found.rows] == [("updated", ["Chức vụ"])]
    apply.apply_import(session, found, OFFICER)
    assert session.scalars(select(Officer.position)).one() == "Phó Chủ tịch"
    assert _live(session, Person) == 3


def test_the_support_template_offers_the_cooperatives_and_people_here(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    path = export.write_kind_template(session, "support", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["Hỗ trợ"]
    headers = [c.value for c in sheet[1]]
    assert headers[:7] == [
        "Loại *", "Quỹ *", "Số tiền (đồng)", "Ngày *", "Hợp tác xã", "Người", "Nội dung",
    ]  # fmt: skip
    lists = {
        col[0].value: [c.value for c in col[1:] if c.value] for col in book["DanhMuc"].iter_cols()
    }
    assert lists["Hợp tác xã"] == ["HTX Chè Tân Phong"]
    assert lists["Người"] == ["Nguyễn Thị Hoa (1985)", "Trần Thị Mai (1980)", "Trần Thị Mai (1991)"]
    sources = {
        str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation
    }
    assert sources["E2"].startswith("=DanhMuc!") and sources["F2"].startswith("=DanhMuc!")


def test_support_names_its_recipient_and_a_wrong_one_is_a_row_problem(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    template = export.write_kind_template(session, "support", tmp_path / "mau.xlsx")
    loan = ["Cho vay", "Quỹ hỗ trợ phụ nữ phát triển"]
    rows = [
        [*loan, 50_000_000, "12/03/2025", "0101"],  # the cooperative by its tax code
        [*loan, 10_000_000, "12/03/2025", None, "Trần Thị Mai (1991)"],  # picked from the list
        [*loan, 5_000_000, "13/03/2025", None, "Trần Thị Mai"],  # two women of that name
        [*loan, 5_000_000, "13/03/2025", "HTX Không Có"],
    ]
    filled = fill_sheets(template, {"Hỗ trợ": rows}, tmp_path / "ho_tro.xlsx")

    found = preview.preview(session, filled, "support")
    assert {r.number: r.problems for r in found.rows if r.problems} == {
        4: [
            "Dòng 4, cột Người: “Trần Thị Mai” có thể là 2 bản ghi khác nhau: hãy chọn trong "
            "danh sách (họ tên và năm sinh)"
        ],
        5: [
            "Dòng 5, cột Hợp tác xã: không có hợp tác xã “HTX Không Có” ở đây: hãy chọn trong "
            "danh sách"
        ],
    }
    result = apply.apply_import(session, found, OFFICER)
    given = {(s.cooperative_id, s.person_id): s.amount for s in session.scalars(select(Support))}
    assert given == {(here["coop"], None): 50_000_000, (None, here["mai91"]): 10_000_000}

    exported = export.write_kind_template(session, "support", tmp_path / "ds.xlsx", filled=True)
    book = openpyxl.load_workbook(exported)
    sheet = book.worksheets[0]
    by_amount = {r[2].value: r for r in sheet.iter_rows(min_row=2, max_row=3)}
    assert by_amount[50_000_000][4].value == "HTX Chè Tân Phong"
    assert by_amount[10_000_000][5].value == "Trần Thị Mai (1991)"
    by_amount[50_000_000][2].value = 60_000_000
    book.save(exported)
    again = preview.preview(session, exported, "support")
    assert sorted((r.status, r.changed) for r in again.rows) == [
        ("unchanged", []),
        ("updated", ["Số tiền (đồng)"]),
    ]

    undo.undo_excel_import(session, result.import_id, OFFICER)
    assert _live(session, Support) == 0


def test_support_on_a_date_is_required(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    template = export.write_kind_template(session, "support", tmp_path / "mau.xlsx")
    filled = fill_sheets(
        template, {"Hỗ trợ": [["Cho vay", "Khác", 1000, None, "0101"]]}, tmp_path / "x.xlsx"
    )
    found = preview.preview(session, filled, "support")
    assert found.rows[0].problems == ["Dòng 2, cột Ngày: cột này phải được điền"]


def test_officers_imported_again_or_twice_in_a_file_are_not_added_twice(
    session: Session, here: dict[str, str], tmp_path: Path
) -> None:
    template = export.write_kind_template(session, "officers", tmp_path / "mau.xlsx")
    rows = [
        ["Nguyễn Thị Hoa", 1985, "Nữ", "Chủ tịch Hội"],
        ["Đặng Thị Đào", 1978, "Nữ", "Phó Chủ tịch"],
        ["Nguyễn Thị Hoa", 1985, "Nữ", "Ủy viên"],  # the same woman again
    ]
    filled = fill_sheets(template, {"Cán bộ Hội": rows}, tmp_path / "can_bo.xlsx")
    found = preview.preview(session, filled, "officers")
    assert [(r.status, r.duplicates) for r in found.rows] == [
        ("new", []),
        ("new", []),
        ("duplicate", ["có thể trùng với dòng 2"]),
    ]
    apply.apply_import(session, found, OFFICER)
    assert _live(session, Officer) == 2

    again = preview.preview(session, filled, "officers")
    assert [r.status for r in again.rows] == ["unchanged", "unchanged", "duplicate"]
