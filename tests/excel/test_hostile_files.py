"""Old .xls files are read (fonts and all), and files made to harm or that cannot be read are
refused before anything is imported, each with a Vietnamese message naming the file: XML
entities (billion laughs, an external entity), a zip bomb spread over many parts, a
password-protected .xls, a broken .xls, a worksheet cut off."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import ExcelImport, Person
from coopdesk.excel.reading import open_book
from coopdesk.excel.safety import OLE_MAGIC, ExcelFileError, Limits
from coopdesk.services.excel_import import apply, preview
from tests.excel.xls_file import write_xls
from tests.services.excel_import.conftest import OFFICER

HARMFUL = "chứa các khai báo mà Excel không bao giờ ghi, có thể dùng để gây hại cho máy"
LAUGHS = (
    '<!DOCTYPE x [<!ENTITY a "hahahahaha">'
    + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "]>"
)
OUTSIDE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def _good(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Hội viên"
    book.active.append(["Họ và tên", "Năm sinh"])
    book.active.append(["Lò Thị Mai", 1980])
    book.save(path)
    return path


def _tampered(path: Path, member: str, change) -> Path:
    """The good file with one part of its zip rewritten by `change(text)`."""
    source = _good(path.with_name("goc.xlsx"))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(info, change(data.decode("utf-8")) if info.filename == member else data)
    return path


def _declaring(text: str, declaration: str, old: str, new: str) -> str:
    body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
    return '<?xml version="1.0" encoding="UTF-8"?>' + declaration + body.replace(old, new)


def _nothing_imported(session: Session, path: Path, message: str) -> None:
    with pytest.raises(ExcelFileError, match=re.escape(f"Tệp “{path.name}”: {message}")):
        found = preview.preview(session, path, "people")
        apply.apply_import(session, found, OFFICER)
    assert session.scalar(select(func.count()).select_from(Person)) == 0
    assert session.scalar(select(func.count()).select_from(ExcelImport)) == 0


def test_an_old_xls_is_read_with_its_fonts_and_imported(session: Session, tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "hoi_vien_cu.xls",
        "Hội viên",
        [
            ["STT", "Họ và tên", "Năm sinh", "SĐT"],
            [1, ("NguyÔn ThÞ Hoµ", ".VnTime"), 1980, "0912345601"],
            [2, "Lò Thị Mai", 1975, "0912345602"],
        ],
    )
    book = open_book(path)
    assert book.sheet_names == ["Hội viên"]
    book.close()
    found = preview.preview(session, path, "people")
    assert found.counts()["new"] == 2
    assert found.rows[0].converted == [("Họ và tên", "NguyÔn ThÞ Hoµ", "Nguyễn Thị Hoà")]
    result = apply.apply_import(session, found, OFFICER)
    assert result.created == 2
    assert set(session.scalars(select(Person.full_name))) == {"Nguyễn Thị Hoà", "Lò Thị Mai"}


@pytest.mark.parametrize(
    ("member", "declaration", "old", "new"),
    [
        ("xl/worksheets/sheet1.xml", LAUGHS, "Lò Thị Mai", "&i;"),  # a billion laughs
        ("xl/workbook.xml", LAUGHS, 'name="Hội viên"', 'name="&i;"'),  # read by lxml
        ("xl/worksheets/sheet1.xml", OUTSIDE, "Lò Thị Mai", "&e;"),  # another file's content
        ("docProps/core.xml", OUTSIDE, "openpyxl", "&e;"),
    ],
)
def test_xml_entities_are_refused(
    session: Session, tmp_path: Path, member: str, declaration: str, old: str, new: str
) -> None:
    path = _tampered(
        tmp_path / "thuc_the.xlsx", member, lambda t: _declaring(t, declaration, old, new)
    )
    _nothing_imported(session, path, HARMFUL)


def test_a_zip_bomb_in_many_parts_is_refused(tmp_path: Path) -> None:
    path = _good(tmp_path / "nhieu_phan.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for n in range(12):
            archive.writestr(f"xl/media/image{n}.png", b"\0" * 1_000_000)
    with pytest.raises(ExcelFileError, match=re.escape("“nhieu_phan.xlsx”: nội dung quá lớn")):
        open_book(path, Limits(inflated_bytes=10_000_000))


def test_a_password_protected_xls_says_so(session: Session, tmp_path: Path) -> None:
    path = write_xls(tmp_path / "co_mat_khau.xls", "Hội viên", [["Họ và tên"]], encrypted=True)
    _nothing_imported(session, path, "được khoá bằng mật khẩu")


def test_a_broken_xls_is_named(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "hong.xls"
    path.write_bytes(OLE_MAGIC + b"\x3e\x00\x03\x00" + b"\xff" * 600)
    _nothing_imported(session, path, "bị hỏng hoặc không phải tệp Excel (.xlsx hoặc .xls).")


def test_a_worksheet_cut_off_is_named(session: Session, tmp_path: Path) -> None:
    path = _tampered(tmp_path / "cat_ngang.xlsx", "xl/worksheets/sheet1.xml", lambda t: t[:-120])
    _nothing_imported(session, path, "bị hỏng hoặc không phải tệp Excel (.xlsx hoặc .xls).")
