"""Cooperatives with their board ("Ban quản lý") and yearly figures ("Số liệu hằng năm"), and
trainings with their trainees ("Học viên"), from one workbook: part rows joined to their
record by name or tax code, people found here by name and birth year, every sheet imported in
one transaction, a bad row named by sheet, row and column, the whole import undone, and an
exported workbook coming back as updates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, CooperativeYear, Participation, Person, Role, Training
from coopdesk.services import people, records, registry
from coopdesk.services.excel_import import apply, export, preview, undo
from tests.services.excel_import.conftest import OFFICER, fill_sheets

HTX = "Hợp tác xã (HTX)"


def _live(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None)))


@pytest.fixture
def hoa(session: Session) -> str:
    person = people.create_person(session, "Nguyễn Thị Hoa", actor=OFFICER, birth_year=1985)
    session.flush()
    return person.id


def _cooperatives(session: Session, tmp_path: Path, board: list[list[object]]) -> Path:
    template = export.write_kind_template(session, "cooperatives", tmp_path / "mau.xlsx")
    sheets = {
        "Hợp tác xã": [
            ["HTX Chè Tân Phong", HTX, "0101"],
            ["HTX Rau Sạch San Thàng", HTX, "0102"],
        ],
        "Ban quản lý": board,
        "Số liệu hằng năm": [
            ["HTX Rau Sạch San Thàng", 2025, 12, 10, 8, 15, 9],
            ["0101", 2025, 30, 25, 20, 40, 28],
        ],
    }
    return fill_sheets(template, sheets, tmp_path / "htx.xlsx")


GOOD_BOARD = [
    ["HTX Chè Tân Phong", "Nguyễn Thị Hoa", 1985, "Nữ", "Chủ tịch HĐQT"],
    ["0102", "Lò Thị Lan", 1990, "Nữ", "Giám đốc"],
]


def test_the_cooperatives_template_has_a_sheet_for_the_board_and_the_figures(
    session: Session, tmp_path: Path
) -> None:
    path = export.write_kind_template(session, "cooperatives", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Hợp tác xã", "Ban quản lý", "Số liệu hằng năm", "Hướng dẫn", "DanhMuc",
    ]  # fmt: skip
    board = book["Ban quản lý"]
    assert [c.value for c in board[1]][:5] == [
        "Hợp tác xã *", "Họ và tên *", "Năm sinh", "Giới tính", "Chức danh *",
    ]  # fmt: skip
    years = book["Số liệu hằng năm"]
    assert [c.value for c in years[1]][:7] == [
        "Hợp tác xã *", "Năm *", "Thành viên", "Thành viên chính thức", "Thành viên nữ",
        "Lao động", "Lao động nữ",
    ]  # fmt: skip
    for sheet in (board, years):
        assert sheet.protection.sheet and sheet["A1"].protection.locked
        assert not sheet["B2"].protection.locked
    role = next(v for v in board.data_validations.dataValidation if str(v.sqref).startswith("E2"))
    lists = book["DanhMuc"]
    column = role.formula1.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
    roles = [c.value for c in lists[column][1:] if c.value]
    assert "Chủ tịch HĐQT" in roles and "Thành viên" not in roles  # members are not the board
    assert board.column_dimensions["H"].hidden and years.column_dimensions["L"].hidden
    notes = [r[0] for r in book["Hướng dẫn"].iter_rows(values_only=True)]
    assert any("“Ban quản lý”, “Số liệu hằng năm”" in (n or "") for n in notes)


def test_the_board_and_the_figures_are_imported_with_their_cooperative(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    found = preview.preview(session, _cooperatives(session, tmp_path, GOOD_BOARD), "cooperatives")
    assert found.counts()["new"] == 2
    result = apply.apply_import(session, found, OFFICER)
    assert result.created == 2
    area = registry.area("cooperatives")
    by_name = {c.name: c.id for c in session.scalars(select(Cooperative))}
    tea = area.load(session, by_name["HTX Chè Tân Phong"])
    assert [(b["person_id"], b["role"]) for b in tea.board] == [(hoa, "chair")]  # she was here
    assert [(y["year"], y["female_workers"]) for y in tea.years] == [(2025, 28)]
    veg = area.load(session, by_name["HTX Rau Sạch San Thàng"])
    assert [(b["full_name"], b["role"]) for b in veg.board] == [("Lò Thị Lan", "director")]
    lan = session.get(Person, veg.board[0]["person_id"])
    assert lan.birth_year == 1990  # a new person, with the birth year the file gave
    assert _live(session, Person) == 2

    undo.undo_excel_import(session, result.import_id, OFFICER)
    assert [_live(session, m) for m in (Cooperative, Role, CooperativeYear, Person)] == [0, 0, 0, 1]


def test_a_bad_row_of_a_part_sheet_is_named_and_keeps_its_cooperative_out(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    board = [
        *GOOD_BOARD,
        ["HTX Chè Tân Phong", "Vũ Thị Yến", 1979, "Nữ", "Chủ nhiệm"],  # not a role
        ["HTX Không Có", "Bùi Thị Nga", 1988, "Nữ", "Kế toán"],  # not on the first sheet
    ]
    found = preview.preview(session, _cooperatives(session, tmp_path, board), "cooperatives")
    by_status = {r.status: r for r in found.rows if not r.sheet}
    tea = next(r for r in found.rows if r.label == "HTX Chè Tân Phong")
    assert tea.status == "problem"
    assert tea.problems == [
        "Trang “Ban quản lý”, dòng 4, cột Chức danh: “Chủ nhiệm” không có trong danh sách "
        "(Chủ tịch HĐQT, Thành viên HĐQT, Giám đốc, Tổng giám đốc, Phó giám đốc, Trưởng ban "
        "kiểm soát, Thành viên ban kiểm soát, Kiểm soát viên, Tổ trưởng, Kế toán)"
    ]
    orphan = next(r for r in found.rows if r.sheet)
    assert (orphan.sheet, orphan.number, orphan.status) == ("Ban quản lý", 5, "problem")
    assert orphan.problems == [
        "Trang “Ban quản lý”, dòng 5, cột Hợp tác xã: “HTX Không Có” không có trong trang "
        "“Hợp tác xã” và cũng chưa có ở đây: hãy ghi đúng như ở đó"
    ]
    assert by_status["new"].label == "HTX Rau Sạch San Thàng"

    apply.apply_import(session, found, OFFICER)
    assert [c.name for c in session.scalars(select(Cooperative))] == ["HTX Rau Sạch San Thàng"]
    assert _live(session, Role) == 1  # Lò Thị Lan's; nothing of the tea cooperative's board


def test_the_editors_rules_are_checked_on_the_part_rows(session: Session, tmp_path: Path) -> None:
    board = [["0101", "Lò Thị Lan", 1990, "Nữ", "Giám đốc", "01/01/2025", "01/01/2024"]]
    found = preview.preview(session, _cooperatives(session, tmp_path, board), "cooperatives")
    tea = next(r for r in found.rows if r.label == "HTX Chè Tân Phong")
    assert tea.status == "problem"
    assert len(tea.problems) == 1
    assert tea.problems[0].startswith("Trang “Ban quản lý”, dòng 2, cột Ngày kết thúc: ")


def test_an_exported_workbook_comes_back_as_updates_of_its_parts(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    found = preview.preview(session, _cooperatives(session, tmp_path, GOOD_BOARD), "cooperatives")
    apply.apply_import(session, found, OFFICER)
    exported = export.write_kind_template(
        session, "cooperatives", tmp_path / "ds.xlsx", filled=True
    )
    assert [r.status for r in preview.preview(session, exported, "cooperatives").rows] == [
        "unchanged",
        "unchanged",
    ]
    book = openpyxl.load_workbook(exported)
    years = book["Số liệu hằng năm"]
    row = next(r for r in years.iter_rows(min_row=2) if r[0].value == "HTX Chè Tân Phong")
    row[6].value = 30  # female workers of 2025
    years.append(["HTX Chè Tân Phong", 2024, 28, 24, 19, 38, 26])  # below the filled rows
    book.save(exported)

    again = preview.preview(session, exported, "cooperatives")
    changed = {r.label: (r.status, r.changed) for r in again.rows}
    assert changed == {
        "HTX Chè Tân Phong": ("updated", ["Số liệu hằng năm"]),
        "HTX Rau Sạch San Thàng": ("unchanged", []),
    }
    result = apply.apply_import(session, again, OFFICER)
    assert (result.created, result.updated) == (0, 1)
    tea_id = session.scalars(
        select(Cooperative.id).where(Cooperative.name == "HTX Chè Tân Phong")
    ).one()
    years_here = registry.area("cooperatives").load(session, tea_id).years
    assert [(y["year"], y["female_workers"]) for y in years_here] == [(2025, 30), (2024, 26)]
    assert [b["full_name"] for b in registry.area("cooperatives").load(session, tea_id).board] == [
        "Nguyễn Thị Hoa"
    ]  # the board rows of the file, unchanged, are neither added again nor lost

    undo.undo_excel_import(session, result.import_id, OFFICER)
    years_back = registry.area("cooperatives").load(session, tea_id).years
    assert [(y["year"], y["female_workers"]) for y in years_back] == [(2025, 28)]


def test_a_part_sheet_may_name_a_cooperative_already_here(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    """The yearly figures of cooperatives already here, without listing them again."""
    tea = records.create(
        session,
        Cooperative,
        {"name": "HTX Chè Tân Phong", "kind": "HTX", "registration_no": "0101"},
    )
    template = export.write_kind_template(session, "cooperatives", tmp_path / "mau.xlsx")
    figures = [["0101", 2025, 30, 25, 20, 40, 28], ["HTX Không Có", 2025, 1]]
    path = fill_sheets(template, {"Số liệu hằng năm": figures}, tmp_path / "so_lieu.xlsx")

    found = preview.preview(session, path, "cooperatives")
    assert [(r.label, r.status, r.changed) for r in found.rows if not r.problems] == [
        ("HTX Chè Tân Phong", "updated", ["Số liệu hằng năm"])
    ]
    assert [r.number for r in found.rows if r.problems] == [3]
    result = apply.apply_import(session, found, OFFICER)
    assert (result.created, result.updated) == (0, 1)
    years = registry.area("cooperatives").load(session, tea.id).years
    assert [(y["year"], y["female_workers"]) for y in years] == [(2025, 28)]
    assert [c.name for c in session.scalars(select(Cooperative))] == ["HTX Chè Tân Phong"]

    undo.undo_excel_import(session, result.import_id, OFFICER)
    assert registry.area("cooperatives").load(session, tea.id).years == []


# --- trainings with trainees -------------------------------------------------------------


def _trainings(session: Session, tmp_path: Path, trainees: list[list[object]]) -> Path:
    template = export.write_kind_template(session, "trainings", tmp_path / "mau.xlsx")
    sheets = {
        "Tập huấn": [
            ["Quản trị HTX", None, None, "12/03/2025"],
            ["Kế toán HTX", None, None, "15/03/2025"],
        ],
        "Học viên": trainees,
    }
    return fill_sheets(template, sheets, tmp_path / "lop.xlsx")


def test_the_trainings_template_has_a_trainees_sheet(session: Session, tmp_path: Path) -> None:
    records.create(session, Cooperative, {"name": "HTX Chè Tân Phong", "kind": "HTX"})
    book = openpyxl.load_workbook(
        export.write_kind_template(session, "trainings", tmp_path / "mau.xlsx")
    )
    assert book.sheetnames == ["Tập huấn", "Học viên", "Hướng dẫn", "DanhMuc"]
    trainees = book["Học viên"]
    assert [c.value for c in trainees[1]][:6] == [
        "Lớp tập huấn *", "Họ và tên *", "Năm sinh", "Giới tính", "Hợp tác xã", "Hoàn thành",
    ]  # fmt: skip
    assert trainees.protection.sheet and not trainees["B2"].protection.locked
    checked = {str(v.sqref).split(":")[0] for v in trainees.data_validations.dataValidation}
    assert checked == {"D2", "E2", "F2"}


def test_trainees_are_people_here_new_people_or_problems(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    for year in (1980, 1991):
        people.create_person(session, "Trần Thị Mai", actor=OFFICER, birth_year=year)
    trainees = [
        ["Quản trị HTX", "Nguyễn Thị Hoa", 1985, "Nữ", None, "Có"],
        ["Quản trị HTX", "Lò Thị Lan", 1990, "Nữ"],  # new, and at both courses
        ["Kế toán HTX", "Lò Thị Lan", 1990, "Nữ", None, "Không"],
        ["Kế toán HTX", "Trần Thị Mai", None, "Nữ"],  # two women of that name
    ]
    found = preview.preview(session, _trainings(session, tmp_path, trainees), "trainings")
    accounting = next(r for r in found.rows if r.label == "Kế toán HTX")
    assert accounting.problems == [
        "Trang “Học viên”, dòng 5, cột Họ và tên: có 2 người tên “Trần Thị Mai”: hãy ghi năm "
        "sinh (hoặc hợp tác xã) của người này"
    ]
    fixed = _trainings(session, tmp_path, [*trainees[:3], ["Kế toán HTX", "Trần Thị Mai", 1991]])
    found = preview.preview(session, fixed, "trainings")
    assert found.counts()["new"] == 2
    result = apply.apply_import(session, found, OFFICER)
    taken = {
        (t.title, p.full_name, p.birth_year, part.completed)
        for part, t, p in session.execute(
            select(Participation, Training, Person)
            .join(Training, Training.id == Participation.training_id)
            .join(Person, Person.id == Participation.person_id)
        )
    }
    assert taken == {
        ("Quản trị HTX", "Nguyễn Thị Hoa", 1985, True),
        ("Quản trị HTX", "Lò Thị Lan", 1990, True),
        ("Kế toán HTX", "Lò Thị Lan", 1990, False),
        ("Kế toán HTX", "Trần Thị Mai", 1991, True),
    }
    assert _live(session, Person) == 4  # Lò Thị Lan added once, for both courses

    undo.undo_excel_import(session, result.import_id, OFFICER)
    assert [_live(session, m) for m in (Training, Participation, Person)] == [0, 0, 3]


def test_an_exported_training_comes_back_with_its_trainees_unchanged(
    session: Session, hoa: str, tmp_path: Path
) -> None:
    trainees = [["Quản trị HTX", "Nguyễn Thị Hoa", 1985, "Nữ"]]
    found = preview.preview(session, _trainings(session, tmp_path, trainees), "trainings")
    apply.apply_import(session, found, OFFICER)
    exported = export.write_kind_template(session, "trainings", tmp_path / "ds.xlsx", filled=True)
    book = openpyxl.load_workbook(exported)
    sheet = book["Học viên"]
    assert [c.value for c in sheet[2]][:3] == ["Quản trị HTX", "Nguyễn Thị Hoa", 1985]
    sheet["F2"] = "Không"  # she did not complete it after all
    book.save(exported)
    again = preview.preview(session, exported, "trainings")
    assert {r.label: (r.status, r.changed) for r in again.rows} == {
        "Quản trị HTX": ("updated", ["Học viên"]),
        "Kế toán HTX": ("unchanged", []),
    }
    apply.apply_import(session, again, OFFICER)
    assert session.scalars(select(Participation.completed)).all() == [False]
