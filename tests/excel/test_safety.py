"""Files that must not be read: each refused with a message naming the file."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from coopdesk.excel.reading import open_book
from coopdesk.excel.safety import OLE_MAGIC, ExcelFileError, Limits


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 30_000_000)
    with pytest.raises(
        ExcelFileError, match=re.escape("“bom.xlsx”: nội dung quá lớn khi giải nén")
    ):
        open_book(path)


def test_a_password_protected_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "khoa.xlsx"
    path.write_bytes(OLE_MAGIC + b"\0" * 512 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 512)
    with pytest.raises(ExcelFileError, match=re.escape("“khoa.xlsx”: được khoá bằng mật khẩu")):
        open_book(path)


def test_a_broken_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(ExcelFileError, match=re.escape("“hong.xlsx”: bị hỏng")):
        open_book(path)


def test_too_many_rows_are_refused_while_reading(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for n in range(30):
        book.active.append([f"Dòng {n}"])
    book.save(tmp_path / "dai.xlsx")
    opened = open_book(tmp_path / "dai.xlsx", Limits(rows=20))
    with pytest.raises(ExcelFileError, match="hơn 20 dòng"):
        opened.sheet()
