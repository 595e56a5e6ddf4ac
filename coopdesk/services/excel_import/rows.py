"""A spreadsheet row as the dry run found it, and what it can be: the one shape the preview,
the duplicate matcher, the import and the file of rows to fix share; and how a problem in one
of its cells is said."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coopdesk.i18n import _

OUTCOMES = ("new", "updated", "unchanged", "duplicate", "conflict", "problem")


@dataclass
class Row:
    number: int  # as Excel shows it (1 = the first row)
    status: str  # one of OUTCOMES
    values: dict[str, Any]
    raw: list[Any]  # the cells as they were, for the file of rows to fix
    label: str = ""
    record_id: str | None = None
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # "có thể trùng với …"
    duplicate_of: list[str] = field(default_factory=list)  # the records here it may be
    changed: list[str] = field(default_factory=list)  # column titles an update changes
    converted: list[tuple[str, str, str]] = field(default_factory=list)  # column, typed, text
    note: str = ""  # why a conflict is not taken
    sheet: str = ""  # a part sheet's name ("" for the first sheet)
    parts: dict[str, list[Row]] = field(default_factory=dict)  # its rows of the part sheets
    titles: dict[str, str] = field(default_factory=dict)  # a part row's columns: key → title


def sheet_problem(sheet: str, number: int, column: str, problem: str) -> str:
    """'Trang “Ban quản lý”, dòng 3, cột Vai trò: …'; on the first sheet as cell_problem."""
    if not sheet:
        return cell_problem(number, column, problem)
    return _("Sheet “{sheet}”, row {row}, column {column}: {problem}").format(
        sheet=sheet, row=number, column=column, problem=problem
    )


def cell_problem(number: int, column: str, problem: str) -> str:
    """'Dòng 14, cột Năm sinh: 3000 không phải năm hợp lệ'."""
    return _("Row {row}, column {column}: {problem}").format(
        row=number, column=column, problem=problem
    )
