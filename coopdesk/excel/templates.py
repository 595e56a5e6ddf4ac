"""Writing spreadsheets for officers: a template to fill in (empty, or filled with a list's
rows for the round trip) and the rows an import could not take, with a "Lỗi" column.

A template's first sheet holds the data: Vietnamese headers (locked), input cells unlocked,
drop-downs from a hidden list sheet, and hidden id and version columns that let a file
exported from CoopDesk come back and update the same records. A second sheet explains how to
fill it in. The sheet is protected without a password: it guards the headers, not secrets.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coopdesk.excel.columns import Column
from coopdesk.i18n import _

LISTS_SHEET = "DanhMuc"
EMPTY_ROWS = 500  # rows left open for typing below the filled ones
HEADER_FILL = "DDEBF7"
LISTED_CHOICES = 40  # longer lists (the unit's cooperatives, people) only in their drop-down
Extra = tuple[str, Sequence[Column], Sequence[Sequence[Any]]]


def write_template(
    path: Path,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]] = (),
    notes: Sequence[str] = (),
    more: Sequence[Extra] = (),
) -> Path:
    """The template of `columns` at `path`, filled with `rows` (values in column order);
    `more`: further data sheets (a cooperative's board, a training's participants), each
    (title, columns, rows), written the same way after the first."""
    from openpyxl import Workbook

    book = Workbook()
    sheets = [book.active, *(book.create_sheet() for _extra in more)]  # before the lists
    for sheet, (name, its_columns, its_rows) in zip(
        sheets, [(title, columns, rows), *more], strict=True
    ):
        _data_sheet(book, sheet, name, its_columns, its_rows)
    sections = [(title, columns), *((t, cs) for t, cs, _r in more)]
    _instructions(book, sections, notes, index=len(sections))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _data_sheet(
    book: Any, data: Any, title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]
) -> None:
    data.title = title[:31]
    _headers(data, columns)
    for row in rows:
        data.append(list(row))
    _unlock_inputs(data, len(columns), len(rows) + 1 + EMPTY_ROWS)
    _dropdowns(book, data, columns, len(rows) + 1 + EMPTY_ROWS)
    data.freeze_panes = "A2"
    data.protection.sheet = True
    data.protection.formatColumns = False  # officers may widen columns


def _headers(sheet: Any, columns: Sequence[Column]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([c.title() + (" *" if c.required else "") for c in columns])
    for n, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=n)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        dimension = sheet.column_dimensions[get_column_letter(n)]
        dimension.width = column.width
        dimension.hidden = column.hidden


def _unlock_inputs(sheet: Any, width: int, last_row: int) -> None:
    from openpyxl.styles import Protection

    unlocked = Protection(locked=False)
    for row in sheet.iter_rows(min_row=2, max_row=last_row, max_col=width):
        for cell in row:
            cell.protection = unlocked


def _dropdowns(book: Any, sheet: Any, columns: Sequence[Column], last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    lists = book[LISTS_SHEET] if LISTS_SHEET in book.sheetnames else None
    for n, column in enumerate(columns, start=1):
        if not column.choices:
            continue
        if lists is None:
            lists = book.create_sheet(LISTS_SHEET)
            lists.sheet_state = "hidden"
        at = lists.max_column + 1 if lists.max_row > 1 or lists["A1"].value else 1
        letter = get_column_letter(at)
        lists.cell(row=1, column=at, value=column.title())
        for i, label in enumerate(column.choices, start=2):
            lists.cell(row=i, column=at, value=label)
        source = f"{LISTS_SHEET}!${letter}$2:${letter}${len(column.choices) + 1}"
        check = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        check.error = _("Choose a value from the list.")
        check.showErrorMessage = True
        sheet.add_data_validation(check)
        target = get_column_letter(n)
        check.add(f"{target}2:{target}{last_row}")


def _column_lines(columns: Sequence[Column]) -> list[str]:
    lines = []
    for c in columns:
        if c.hidden:
            continue
        if len(c.choices) > LISTED_CHOICES:  # the unit's cooperatives, its people
            lines.append(f"{c.title()}: " + _("choose from the list"))
        else:
            lines.append(c.title() + (f": {', '.join(c.choices)}" if c.choices else ""))
    return lines


def _instructions(
    book: Any,
    sections: Sequence[tuple[str, Sequence[Column]]],
    notes: Sequence[str],
    index: int = 1,
) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(_("Instructions")[:31], index)
    lines = [
        _("How to fill in this file"),
        _(
            "Type one record per row on the first sheet, below the headers; do not change the headers."
        ),
        _("Columns marked * must be filled in. Columns with a list: choose from the list."),
        _("Dates as dd/mm/yyyy; numbers as 1.234.567 (a comma before decimals: 1,5)."),
        _(
            "Rows exported from CoopDesk keep hidden columns: leave them, so the same records are updated."
        ),
        *notes,
        "",
    ]
    for title, columns in sections:
        heading = _("Columns") if len(sections) == 1 else _("Sheet “{sheet}”").format(sheet=title)
        lines += [heading, *_column_lines(columns), ""]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True


def write_errors(
    path: Path, sheet_name: str, headers: Sequence[str], rows: Sequence[tuple[Sequence[Any], str]]
) -> Path:
    """The rows an import could not take, as they were, each with its problems in "Lỗi"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    sheet.append([*headers, _("Error")])
    for n in range(1, len(headers) + 2):
        sheet.cell(row=1, column=n).font = Font(bold=True)
    sheet.cell(row=1, column=len(headers) + 1).fill = PatternFill("solid", fgColor="F8CBAD")
    for values, problems in rows:
        sheet.append([*values, problems])
    from openpyxl.utils import get_column_letter

    sheet.column_dimensions[get_column_letter(len(headers) + 1)].width = 70
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
