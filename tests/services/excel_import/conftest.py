"""A commune installation (Phường Tân Phong) and spreadsheets written with openpyxl, as an
officer's Excel would leave them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope
from coopdesk.services import settings

OFFICER = "Lò Thị Mai"
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò"]
MIDDLES = [
    "Thị",
    "Thị Thu",
    "Thị Ngọc",
    "Thị Kim",
    "Thị Minh",
    "Thị Hồng",
    "Thu",
    "Ngọc",
    "Kim",
    "Mỹ",
]
GIVENS = ["Hoà", "Mai", "Lan", "Hương", "Phượng", "Thảo", "Yến", "Nga", "Hằng", "Dung"]


@pytest.fixture
def commune(engine: Engine) -> Engine:
    with session_scope(engine) as s:
        settings.save_installation(
            s, settings.Installation(unit_code="03408", role="commune", officer=OFFICER)
        )
    return engine


@pytest.fixture
def session(commune: Engine) -> Iterator[Session]:
    with session_scope(commune) as s:
        yield s


def person_name(n: int) -> str:
    """1,000 different names: family × middle × given."""
    return f"{FAMILIES[n // 100 % 10]} {MIDDLES[n // 10 % 10]} {GIVENS[n % 10]}"


def fill(path: Path, rows: Sequence[Sequence[Any]], out: Path | None = None) -> Path:
    """The template at `path` with `rows` typed below its headers (saved to `out`)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for n, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            sheet.cell(row=n, column=c, value=value)
    book.save(out or path)
    return out or path


def fill_sheets(path: Path, sheets: dict[str, Sequence[Sequence[Any]]], out: Path) -> Path:
    """The template at `path` with rows typed below the headers of the named sheets."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    for name, rows in sheets.items():
        for n, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                book[name].cell(row=n, column=c, value=value)
    book.save(out)
    return out
