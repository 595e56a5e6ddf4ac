"""Names typed in TCVN3 (.VnTime) and in VNI (VNI-Times) are imported as the right Vietnamese
names, and the dry run shows each converted cell before and after."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person
from coopdesk.services.excel_import import apply, preview
from tests.services.excel_import.conftest import OFFICER


def _sheet(path: Path, font: str, names: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Năm sinh", "SĐT"])
    for n, name in enumerate(names, start=1):
        sheet.append([n, name, 1980 + n, f"0912 345 6{n:02d}"])
        sheet.cell(row=n + 1, column=2).font = Font(name=font)
    book.save(path)
    return path


def _names(session: Session) -> set[str]:
    return set(session.scalars(select(Person.full_name)))


def test_a_vntime_sheet(session: Session, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "tcvn3.xlsx", ".VnTime", ["NguyÔn ThÞ Hoµ", "Lß ThÞ Ph­îng"])
    found = preview.preview(session, path, "people")
    assert found.counts()["new"] == 2
    assert found.rows[0].converted == [("Họ và tên", "NguyÔn ThÞ Hoµ", "Nguyễn Thị Hoà")]
    apply.apply_import(session, found, OFFICER)
    assert _names(session) == {"Nguyễn Thị Hoà", "Lò Thị Phượng"}


def test_a_vni_times_sheet(session: Session, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "vni.xlsx", "VNI-Times", ["Nguyeãn Thò Hoøa", "Ñaëng Thò Thuøy Döông"])
    found = preview.preview(session, path, "people")
    apply.apply_import(session, found, OFFICER)
    assert _names(session) == {"Nguyễn Thị Hòa", "Đặng Thị Thùy Dương"}


def test_a_sheet_that_reads_like_a_legacy_font_in_another_font_is_flagged(
    session: Session, tmp_path: Path
) -> None:
    names = ["NguyÔn ThÞ Hoµ", "Lß ThÞ Ph­îng", "TrÇn ThÞ Lan"]
    found = preview.preview(session, _sheet(tmp_path / "arial.xlsx", "Arial", names), "people")
    assert found.misdecoded
    clean = _sheet(
        tmp_path / "ok.xlsx", "Arial", ["Nguyễn Thị Hoà", "Lò Thị Phượng", "Trần Thị Lan"]
    )
    assert not preview.preview(session, clean, "people").misdecoded


def test_a_list_written_in_english_reads_in_vietnamese(session: Session, tmp_path: Path) -> None:
    """A template written with the interface in English ("Female") reads the same."""
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Giới tính", "Năm sinh"])
    book.active.append(["Nguyễn Thị Hoà", "Female", 1980])
    book.save(tmp_path / "en.xlsx")
    found = preview.preview(session, tmp_path / "en.xlsx", "people")
    assert found.rows[0].values["gender"] == "F" and found.rows[0].status == "new"
