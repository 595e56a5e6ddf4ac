"""Templates to fill in: empty, or filled with a list's records for the round trip (edit in
Excel, import again: only changed rows update; the hidden id and version columns name each
record and the version exported)."""

from __future__ import annotations

import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person
from coopdesk.excel.columns import VERSION_KEY, Column
from coopdesk.excel.templates import write_errors, write_template
from coopdesk.i18n import _
from coopdesk.services import registry
from coopdesk.services.excel_import.kinds import LINK_KEY, Kind, Part, kind_of, version_tag
from coopdesk.services.excel_import.preview import Preview
from coopdesk.services.excel_import.rows import Row
from coopdesk.services.settings import installation_kept


def _notes(kind: str) -> list[str]:
    if kind == "people":
        return [
            _(
                "A person already in CoopDesk (same name and birth year, or phone) is shown as a possible duplicate before anything is saved."
            )
        ]
    return []


def write_kind_template(session: Session, kind: str, path: Path, filled: bool = False) -> Path:
    """The template of a kind of record at `path`, with a sheet for each of its parts;
    `filled`: with every record of it here (and their part rows)."""
    spec = kind_of(kind)
    with installation_kept(session):
        columns = spec.columns(session)
        found = _records(session, kind) if filled else []
        rows = [_row(columns, _values(session, spec, r), r) for r in found]
        more = []
        for part in spec.parts:
            part_columns = part.columns(session)
            part_rows = [
                _row(part_columns, values)
                for record in found
                for values in _part_values(session, spec, part, record)
            ]
            more.append((_(part.title), part_columns, part_rows))
        notes = _notes(kind) + _part_notes(spec)
        return write_template(path, _(spec.title), columns, rows, notes, more)


def _part_notes(spec: Kind) -> list[str]:
    if not spec.parts:
        return []
    sheets = ", ".join(f"“{_(p.title)}”" for p in spec.parts)
    return [
        _(
            "The sheets {sheets} belong to the records of the first sheet: in their first column write the record's name as on the first sheet. A person is found among the people here by name and birth year; one not found is added."
        ).format(sheets=sheets)
    ]


def _shown(column: Column) -> dict[Any, str]:
    """A choice column's code → the label its drop-down shows."""
    return {column.read(label): label for label in column.choices}


@functools.lru_cache(maxsize=64)
def _labels(column: Column) -> dict[Any, str]:
    return _shown(column)


def _records(session: Session, kind: str) -> list[Any]:
    model = registry.area(kind).draft.MODEL
    return list(
        session.scalars(
            select(model).where(model.deleted_at.is_(None)).order_by(model.created_at, model.id)
        )
    )


def _values(session: Session, spec: Kind, record: Any) -> dict[str, Any]:
    shown = spec.values(session, record) if spec.values is not None else {}
    return {**{c.key: getattr(record, c.key) for c in record.__table__.columns}, **shown}


def _part_values(session: Session, spec: Kind, part: Part, record: Any) -> list[dict[str, Any]]:
    """The record's rows of the part, as its sheet shows them."""
    stored = getattr(registry.area(spec.name).load(session, record.id), part.name) or []
    out = []
    for values in stored:
        person = session.get(Person, values["person_id"]) if values.get("person_id") else None
        year = {"birth_year": person.birth_year} if person is not None else {}
        out.append({LINK_KEY: getattr(record, spec.links[0]), **values, **year})
    return out


def _row(columns: tuple[Column, ...], values: dict[str, Any], record: Any = None) -> list[Any]:
    """The cells of a record (or a part row), a choice as its drop-down label."""
    row = []
    for column in columns:
        if column.key == VERSION_KEY and record is not None:
            row.append(version_tag(record))
            continue
        value = values.get(column.key)
        if column.choices:
            value = _labels(column).get(value, value)
        row.append(_cell(value))
    return row


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
        [((row.raw + [None] * width)[:width], reasons(row)) for row in rows if not row.sheet],
    )
