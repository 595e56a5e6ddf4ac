"""The sheets of an officer's spreadsheet (.xlsx or old .xls) as rows of cells.

    book = open_book(Path("danh_sach.xlsx"))      # ExcelFileError with a plain message
    book.sheet_names                              # to pick from
    sheet = book.sheet("Hội viên")                # rows of Cell; legacy text converted

Every text is Unicode NFC: a cell typed in a TCVN3 or VNI font is converted by its font and
remembers what it was (`Cell.typed`), so a preview can show it before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopdesk.excel import legacy
from coopdesk.excel.safety import (
    DEFAULT_LIMITS,
    ExcelFileError,
    Limits,
    check_file,
    named,
    password_message,
)
from coopdesk.i18n import _


@dataclass(frozen=True)
class Cell:
    value: Any  # str (NFC), int, float, bool, dt.date, dt.datetime or None
    typed: str | None = None  # the text as typed, when a legacy font's was converted
    encoding: str | None = None  # "TCVN3" or "VNI" when converted


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    converted: int = 0  # cells converted from a legacy font
    suspect: int = 0  # text cells in no legacy font that read like one
    texts: int = 0  # text cells

    @property
    def looks_misdecoded(self) -> bool:
        """Much of the text reads like TCVN3/VNI (or UTF-8) shown in the wrong font."""
        return self.suspect >= 3 and self.suspect * 10 >= self.texts


def _text_cell(text: str, font: str | None, sheet: Sheet) -> Cell:
    sheet.texts += 1
    encoding = legacy.encoding_of_font(font)
    if encoding is not None:
        converted = legacy.to_unicode(text, font)
        if converted != text:
            sheet.converted += 1
            return Cell(converted, text, encoding)
        return Cell(converted)
    if legacy.looks_misdecoded(text):
        sheet.suspect += 1
    return Cell(legacy.to_unicode(text, None))


@dataclass
class Book:
    path: Path
    sheet_names: list[str]
    limits: Limits = field(default=DEFAULT_LIMITS)
    _handle: Any = None
    _format: str = "xlsx"

    def sheet(self, name: str | None = None) -> Sheet:
        """One sheet's rows (the first sheet by default); trailing empty rows dropped."""
        name = name or self.sheet_names[0]
        if name not in self.sheet_names:
            raise named(self.path, _("it has no sheet “{sheet}”.").format(sheet=name))
        sheet = Sheet(name, [])
        raw = _guarded(
            self.path,
            _xls_rows(self, name, sheet)
            if self._format == "xls"
            else _xlsx_rows(self, name, sheet),
        )
        cells = 0
        for row in raw:
            cells += len(row)
            if len(sheet.rows) >= self.limits.rows or cells > self.limits.cells:
                raise named(
                    self.path,
                    _("the sheet “{sheet}” has more than {rows} rows; split it.").format(
                        sheet=name, rows=self.limits.rows
                    ),
                )
            sheet.rows.append(row)
        while sheet.rows and all(c.value in (None, "") for c in sheet.rows[-1]):
            sheet.rows.pop()
        return sheet

    def close(self) -> None:
        if self._handle is not None and self._format == "xlsx":
            self._handle.close()
        elif self._handle is not None:
            self._handle.release_resources()
        self._handle = None


def open_book(path: Path, limits: Limits = DEFAULT_LIMITS) -> Book:
    """The workbook, checked (check_file) and opened; ExcelFileError names the file."""
    kind = check_file(path, limits)
    try:
        if kind == "xls":
            return _open_xls(path, limits)
        import openpyxl

        handle = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except ExcelFileError:
        raise
    except Exception:
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls).")) from None
    names = [ws.title for ws in handle.worksheets if ws.sheet_state == "visible"]
    if not names:
        raise named(path, _("it has no sheet to read."))
    return Book(path, names, limits, handle, "xlsx")


def _open_xls(path: Path, limits: Limits) -> Book:
    import xlrd

    try:
        handle = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise named(path, password_message()) from None
        raise
    names = [
        s.name
        for s in (handle.sheet_by_index(i) for i in range(handle.nsheets))
        if s.visibility == 0
    ]
    return Book(path, names, limits, handle, "xls")


def _guarded(path: Path, rows: Iterator[list[Cell]]) -> Iterator[list[Cell]]:
    """The rows, a sheet that cannot be read to its end (cut off, broken XML or records)
    refused as damaged."""
    try:
        yield from rows
    except ExcelFileError:
        raise
    except Exception:
        raise named(path, _("it is damaged or is not an Excel file (.xlsx or .xls).")) from None


def _xlsx_rows(book: Book, name: str, sheet: Sheet) -> Iterator[list[Cell]]:
    ws = book._handle[name]
    for row in ws.iter_rows():
        if len(row) > book.limits.columns:
            row = row[: book.limits.columns]
        cells = []
        for cell in row:
            value = getattr(cell, "value", None)
            if isinstance(value, str):
                cells.append(_text_cell(value, cell.font.name, sheet))
            else:
                cells.append(Cell(value))
        yield cells


def _xls_rows(book: Book, name: str, sheet: Sheet) -> Iterator[list[Cell]]:
    import xlrd

    handle = book._handle
    ws = handle.sheet_by_name(name)
    for r in range(ws.nrows):
        cells = []
        for c in range(min(ws.ncols, book.limits.columns)):
            cell = ws.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_TEXT:
                font = handle.font_list[handle.xf_list[cell.xf_index].font_index].name
                cells.append(_text_cell(cell.value, font, sheet))
            elif cell.ctype == xlrd.XL_CELL_DATE:
                when = xlrd.xldate.xldate_as_datetime(cell.value, handle.datemode)
                cells.append(Cell(when.date() if when.time() == dt.time() else when))
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                number = cell.value
                cells.append(Cell(int(number) if number == int(number) else number))
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                cells.append(Cell(bool(cell.value)))
            else:
                cells.append(Cell(None))
        yield cells
