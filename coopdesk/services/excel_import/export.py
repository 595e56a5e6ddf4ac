"""Templates to fill in: empty, or filled with a list's records for the round trip (edit in
Excel, import again: only changed rows update; the hidden id and version columns name each
record and the version exported)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.excel.columns import ID_KEY, VERSION_KEY, Column
from coopdesk.excel.templates import write_errors, write_template
from coopdesk.i18n import _
from coopdesk.services import registry
from coopdesk.services.excel_import.kinds import kind_of, version_tag
from coopdesk.services.excel_import.preview import Preview
from coopdesk.services.excel_import.rows import Row


def _notes(kind: str) -> list[str]:
    if kind == "people":
        return [
            _(
                "A person already in CoopDesk (same name and birth year, or phone) is shown as a possible duplicate before anything is saved."
            )
        ]
    return []


def write_kind_template(session: Session, kind: str, path: Path, filled: bool = False) -> Path:
    """The template of a kind of record at `path`; `filled`: with every record of it here."""
    spec = kind_of(kind)
    columns = spec.columns(session)
    rows = _rows(session, kind, columns) if filled else []
    return write_template(path, _(spec.title), columns, rows, _notes(kind))


def _shown(column: Column) -> dict[Any, str]:
    """A choice column's code → the label its drop-down shows."""
    return {column.read(label): label for label in column.choices}


def _rows(session: Session, kind: str, columns: tuple[Column, ...]) -> list[list[Any]]:
    model = registry.area(kind).draft.MODEL
    shown = {c.key: _shown(c) for c in columns if c.choices}
    found = session.scalars(
        select(model).where(model.deleted_at.is_(None)).order_by(model.created_at, model.id)
    )
    out = []
    for record in found:
        row = []
        for column in columns:
            if column.key == ID_KEY:
                row.append(record.id)
            elif column.key == VERSION_KEY:
                row.append(version_tag(record))
            else:
                value = getattr(record, column.key, None)
                row.append(_cell(shown.get(column.key, {}).get(value, value)))
        out.append(row)
    return out


def _cell(value: Any) -> Any:
    """An empty text stays an empty cell; a Decimal amount goes as a number."""
    if value == "":
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def reasons(row: Row) -> str:
    """Why a row was not taken, in the officer's words."""
    if row.problems:
        return "; ".join(row.problems)
    if row.status == "conflict":
        return row.note
    return "; ".join(row.duplicates)


def write_rows_to_fix(found: Preview, rows: list[Row], path: Path) -> Path:
    """The rows not taken, as they were in the file, with a "Lỗi" column saying why: fix
    them and import this file again."""
    width = len(found.headers)
    return write_errors(
        path,
        found.sheet,
        found.headers,
        [((row.raw + [None] * width)[:width], reasons(row)) for row in rows],
    )
