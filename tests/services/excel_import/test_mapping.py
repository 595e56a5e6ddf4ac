"""An officer's own sheet whose name column is not recognised: the dry run names the missing
field, a mapping by hand reads it, a bad mapping is refused naming the column or field, and
the mapping chosen comes back for the next file with the same headers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy.orm import Session

from coopdesk.services.excel_import import mapping, preview

HEADERS = ["STT", "Tên hội viên", "Năm sinh", "Số ĐT", "Ghi chú riêng"]
HAND = {"Tên hội viên": "full_name", "Số ĐT": "Điện thoại", "STT": "", "Ghi chú riêng": None}


def officer_sheet(path: Path, names: list[str], headers: list[str] = HEADERS) -> Path:
    """A sheet as an officer keeps it: a title row, then the headers, then the women."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hội viên"
    sheet.append(["DANH SÁCH HỘI VIÊN CHI HỘI TỔ 3"])
    sheet.append(headers)
    for n, name in enumerate(names, start=1):
        sheet.append([n, name, 1970 + n, f"09120000{n:02d}", "tổ trưởng"])
    book.save(path)
    return path


def test_a_required_field_no_column_names_is_named(session: Session, tmp_path: Path) -> None:
    found = preview.preview(session, officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai"]), "people")
    assert found.mapped_by == "guess" and found.rows == []
    assert found.problems == [
        "Trang “Hội viên” không có cột “Họ và tên”: hãy đặt tên cột hoặc tự chọn cột."
    ]


def test_a_mapping_by_hand_reads_the_sheet(session: Session, tmp_path: Path) -> None:
    path = officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai", "Vàng Thị Sinh"])
    found = preview.preview(session, path, "people", mapping=HAND)
    assert (found.mapped_by, found.header_row, found.problems) == ("hand", 2, [])
    assert found.mapping == {1: "full_name", 3: "phone"}  # "STT", "Ghi chú riêng" left out
    assert [(r.status, r.values["full_name"], r.values["phone"]) for r in found.rows] == [
        ("new", "Lò Thị Mai", "0912000001"),
        ("new", "Vàng Thị Sinh", "0912000002"),
    ]
    assert "birth_year" not in found.rows[0].values  # "Năm sinh" not given in the hand mapping


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (
            {"Tên HV": "full_name"},
            "Cách ghép cột nêu cột “Tên HV”, trang “Hội viên” không có cột đó; các cột của trang: "
            "“STT”, “Tên hội viên”, “Năm sinh”, “Số ĐT”, “Ghi chú riêng”.",
        ),
        ({"Tên hội viên": "ten"}, "Cột “Tên hội viên” được gán trường “ten”, không có trường đó"),
        (
            {"Tên hội viên": "full_name", "Ghi chú riêng": "Họ và tên"},
            "Trường “Họ và tên” được gán cho hai cột, “Tên hội viên” và “Ghi chú riêng”: giữ một.",
        ),
    ],
)
def test_a_bad_mapping_is_refused_naming_what_is_wrong(
    session: Session, tmp_path: Path, bad: dict[str, str], message: str
) -> None:
    path = officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai"])
    with pytest.raises(mapping.MappingError) as caught:
        preview.preview(session, path, "people", mapping=bad)
    assert message in str(caught.value)


def test_the_mapping_chosen_comes_back_for_the_same_headers(
    session: Session, tmp_path: Path
) -> None:
    first = preview.preview(
        session, officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai"]), "people", mapping=HAND
    )
    mapping.remember(session, "people", first.headers, first.mapping)

    # another file, other women, the same headers typed with other accents and spacing
    again = officer_sheet(
        tmp_path / "to5.xlsx",
        ["Hoàng Thị Nga", "Đỗ Thị Yến"],
        ["stt", "Ten hoi vien ", "Nam sinh", "SỐ ĐT", "Ghi chu rieng"],
    )
    found = preview.preview(session, again, "people")
    assert (found.mapped_by, found.header_row, found.mapping) == ("memory", 2, first.mapping)
    assert [r.values["full_name"] for r in found.rows] == ["Hoàng Thị Nga", "Đỗ Thị Yến"]
    assert found.counts()["new"] == 2

    # one more column: another layout, guessed again (and the name column not found)
    other = officer_sheet(tmp_path / "to7.xlsx", ["Lò Thị Hoa"], [*HEADERS, "Dân tộc"])
    assert preview.preview(session, other, "people").mapped_by == "guess"
    assert mapping.remembered(session, "cooperatives", first.headers) is None


def test_the_mapping_printed_by_a_dry_run_is_one_a_file_can_give(
    session: Session, tmp_path: Path
) -> None:
    path = officer_sheet(tmp_path / "to3.xlsx", ["Lò Thị Mai"])
    found = preview.preview(session, path, "people", mapping=HAND)
    printed = preview.preview_json(found)["mapping"]
    assert printed == {
        "STT": "",
        "Tên hội viên": "full_name",
        "Năm sinh": "",
        "Số ĐT": "phone",
        "Ghi chú riêng": "",
    }
    assert preview.preview(session, path, "people", mapping=printed).mapping == found.mapping
