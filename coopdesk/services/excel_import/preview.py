"""The dry run of a spreadsheet import: every row read, checked and sorted before anything is
written.

    found = preview(session, Path("hoi_vien.xlsx"), "people")
    found.counts()        # {"new": 990, "unchanged": 0, "problem": 3, "duplicate": 2, …}
    found.rows[13].problems   # ["Dòng 15, cột Năm sinh: 3000 không phải năm hợp lệ"]

A row is *new*, *updated* (it names a record by the hidden id column and changes it),
*unchanged*, a *problem* (a cell that cannot be read or a value the editors would refuse:
the same `check` of the registry area), a possible *duplicate* of a record here or of an
earlier row ("có thể trùng với …"), or a *conflict*: the record changed here after the file
was exported (the hidden version column), so the row is not taken over it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.excel.columns import (
    ID_KEY,
    VERSION_KEY,
    Column,
    find_header,
    header_texts,
)
from coopdesk.excel.reading import Book, Cell, Sheet, open_book
from coopdesk.i18n import _, fold
from coopdesk.services import records, registry
from coopdesk.services.excel_import import mapping as mappings
from coopdesk.services.excel_import import matching, parts
from coopdesk.services.excel_import.kinds import Kind, kind_of, version_tag
from coopdesk.services.excel_import.references import People, several_people
from coopdesk.services.excel_import.rows import OUTCOMES, Row, cell_problem, sheet_problem
from coopdesk.services.settings import installation_kept


@dataclass
class Preview:
    path: Path
    file_hash: str
    kind: str
    sheet: str
    sheet_names: list[str]
    header_row: int  # 1-based
    headers: list[str]
    mapping: dict[int, str]  # sheet column index → field key
    columns: tuple[Column, ...]
    rows: list[Row]
    misdecoded: bool = False  # the text reads like TCVN3/VNI without its font
    mapped_by: str = "guess"  # "guess" (the headers' names), "memory" (this layout's) or "hand"
    sample: list[Any] = field(default_factory=list)  # the first row below the headers
    problems: list[str] = field(default_factory=list)  # of the sheet as a whole

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(OUTCOMES, 0)
        for row in self.rows:
            out[row.status] += 1
        return out

    def title_of(self, key: str) -> str:
        return next((c.title() for c in self.columns if c.key == key), key)


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def preview(
    session: Session,
    path: Path,
    kind: str,
    sheet: str | None = None,
    mapping: Mapping[str, str | None] | None = None,
) -> Preview:
    """Read and sort every row of the sheet (the first one by default); nothing is written.
    `mapping` ({header: field}, `mapping.resolve`) is the columns chosen by hand; without it,
    the mapping remembered for this layout of headers, else the one found from the headers."""
    spec = kind_of(kind)
    book = open_book(path)
    try:
        with installation_kept(session):  # read once, not for every row
            return _preview(session, spec, book, sheet, mapping)
    finally:
        book.close()


def _preview(
    session: Session,
    spec: Kind,
    book: Book,
    sheet: str | None,
    mapping: Mapping[str, str | None] | None,
) -> Preview:
    data = book.sheet(sheet)
    columns = spec.columns(session)
    header_row, found = find_header(data.rows, columns)
    headers = header_texts(data.rows[header_row]) if data.rows else []
    mapped_by = "guess"
    if mapping is not None:
        header_row = mappings.header_row(data.rows, mapping, header_row)
        headers = header_texts(data.rows[header_row]) if data.rows else []
        found, mapped_by = mappings.resolve(headers, mapping, columns, data.name), "hand"
    elif (memory := mappings.remembered_layout(session, spec.name, data.rows, columns)) is not None:
        (header_row, found), mapped_by = memory, "memory"
        headers = header_texts(data.rows[header_row])
    result = Preview(
        book.path, file_hash(book.path), spec.name, data.name, book.sheet_names, header_row + 1,
        headers, found, columns, [], data.looks_misdecoded, mapped_by,
    )  # fmt: skip
    below = data.rows[header_row + 1 : header_row + 2]
    result.sample = [c.value for c in below[0]] if below else []
    result.problems = _sheet_problems(result, data)
    if not any(p for p in result.problems):
        _assess_rows(session, spec, result, data.rows[header_row + 1 :], book)
    return result


def _sheet_problems(result: Preview, data: Sheet) -> list[str]:
    problems = []
    if not data.rows:
        problems.append(_("The sheet “{sheet}” is empty.").format(sheet=data.name))
    missing = [
        c.title() for c in result.columns if c.required and c.key not in result.mapping.values()
    ]
    if data.rows and missing:
        problems.append(
            _(
                "No column of the sheet “{sheet}” is {columns}: name the column or choose it by hand."
            ).format(sheet=data.name, columns=", ".join(f"“{m}”" for m in missing))
        )
    return problems


def _assess_rows(
    session: Session, spec: Kind, result: Preview, rows: Sequence[list[Cell]], book: Book
) -> None:
    by_key = {c.key: c for c in result.columns}
    read = [
        _read_row("", result.mapping, by_key, result.header_row + 1 + offset, cells)
        for offset, cells in enumerate(rows)
        if not all(c.value in (None, "") for c in cells)
    ]
    for row in read:
        row.label = spec.label(row.values)
    orphans: list[Row] = []
    if spec.parts:
        records_here, orphans = parts.read_part_rows(session, book, spec, read, _read_row)
        read += records_here
    seen = matching.Matcher(session, spec)
    people = People(session) if spec.names_person else None
    for row in read:
        if not row.problems:
            _sort(session, spec, result, row, seen, people)
        if row.problems:
            row.status = "problem"
        result.rows.append(row)
    result.rows += orphans


def _read_row(
    sheet: str, mapping: dict[int, str], by_key: dict[str, Column], number: int, cells: list[Cell]
) -> Row:
    row = Row(number, "new", {}, [c.typed if c.typed is not None else c.value for c in cells])
    row.sheet = sheet
    unread: set[str] = set()
    for index, key in mapping.items():
        cell = cells[index] if index < len(cells) else Cell(None)
        column = by_key[key]
        if cell.typed is not None:
            row.converted.append((column.title(), cell.typed, str(cell.value)))
        try:
            row.values[key] = column.read(cell.value)
        except ValueError as exc:
            row.problems.append(sheet_problem(sheet, number, column.title(), str(exc)))
            unread.add(key)
    for column in by_key.values():
        if (
            column.required
            and column.key not in unread
            and row.values.get(column.key) in (None, "")
            and column.key in mapping.values()
        ):
            row.problems.append(
                sheet_problem(sheet, number, column.title(), _("this column must be filled in"))
            )
    return row


def _sort(
    session: Session,
    spec: Kind,
    result: Preview,
    row: Row,
    seen: matching.Matcher,
    people: People | None,
) -> None:
    area = registry.area(spec.name)
    record_id = row.values.pop(ID_KEY, None)
    exported = row.values.pop(VERSION_KEY, None)
    row.label = spec.label(row.values) or row.label  # a record here named by a part row
    if record_id:
        _sort_known(session, spec, area, result, row, record_id, exported)
    elif people is not None:
        _officer_person(people, result, row)
        if (twin := _earlier_officer(seen, row)) is not None:
            row.status = "duplicate"
            row.duplicates.append(_("may be the same as row {row}").format(row=twin))
        elif (held := people.officer_of(row.values.get("person_id"))) is not None:
            _sort_known(session, spec, area, result, row, held, None)  # imported before
    if row.status in ("unchanged", "conflict") or row.problems:
        return
    _check(session, spec, area, result, row)  # a duplicate too: the officer may take it
    if row.problems or row.record_id or row.status == "duplicate":
        return
    twin = seen.earlier_row(row)
    if twin is not None:
        row.status = "duplicate"
        row.duplicates.append(_("may be the same as row {row}").format(row=twin))
        return
    seen.against_registry(row)
    if row.status == "unchanged" and row.parts:  # a record here, given new part rows
        row.changed = parts.changed_parts(session, spec, row)
        if row.changed:
            row.status = "updated"
            _check(session, spec, area, result, row)


def _check(session: Session, spec: Kind, area: Any, result: Preview, row: Row) -> None:
    """The problems the editors' check finds in the row's draft, each in its sheet's cell."""
    draft, where = parts.draft_of(session, spec, row)
    for problem in area.check(session, draft):
        if not problem.is_error:
            continue
        place, _dot, name = problem.field.rpartition(".")
        part_row = where.get(place)
        if part_row is None:
            column = result.title_of(registry.drafts.plain_field(problem.field))
            row.problems.append(cell_problem(row.number, column, problem.message))
            continue
        text = sheet_problem(
            part_row.sheet, part_row.number, part_row.titles.get(name, name), problem.message
        )
        part_row.problems.append(text)
        part_row.status = "problem"
        row.problems.append(text)


def _officer_person(people: People, result: Preview, row: Row) -> None:
    """A new officer is a person here (by name and birth year), a new one, or a problem."""
    person_id, count = parts.person_of(people, row.values)
    if person_id:
        row.values["person_id"] = person_id
    elif count:
        name = str(row.values.get("full_name") or "")
        problem = several_people(name, count)
        row.problems.append(cell_problem(row.number, result.title_of("full_name"), problem))


def _earlier_officer(seen: matching.Matcher, row: Row) -> int | None:
    """The earlier row of the file naming the same officer (the same person, or the same
    name and birth year of a new one)."""
    values = row.values
    person = (
        values.get("person_id") or f"{fold(values.get('full_name'))}|{values.get('birth_year')}"
    )
    return None if (n := seen.rows.setdefault(f"officer:{person}", row.number)) == row.number else n


def _sort_known(
    session: Session,
    spec: Kind,
    area: Any,
    result: Preview,
    row: Row,
    record_id: str,
    exported: str | None,
) -> None:
    try:
        record = records.get_live(session, area.draft.MODEL, record_id)
    except records.RecordError as exc:
        row.problems.append(cell_problem(row.number, result.title_of(ID_KEY), str(exc)))
        return
    row.record_id = record_id
    own = parts.own_fields(spec, row.values)
    row.changed = [result.title_of(k) for k in matching.changed_fields(record, own)]
    row.changed += parts.changed_parts(session, spec, row)
    if not row.changed:
        row.status = "unchanged"
    elif exported and exported != version_tag(record):
        row.status = "conflict"
        row.note = _("changed in CoopDesk after this file was exported: not overwritten")
    else:
        row.status = "updated"


def row_json(row: Row) -> dict[str, Any]:
    return {
        "row": row.number,
        "status": row.status,
        "label": row.label,
        "record_id": row.record_id,
        "problems": row.problems,
        "duplicates": row.duplicates,
        "duplicate_of": row.duplicate_of,
        "changed": row.changed,
        "note": row.note,
        "converted": [{"column": c, "typed": t, "text": x} for c, t, x in row.converted],
    }


def preview_json(found: Preview) -> dict[str, Any]:
    """The dry run as JSON data (`coopdesk import-excel --preview --json`)."""
    return {
        "file": found.path.name,
        "sha256": found.file_hash,
        "kind": found.kind,
        "sheet": found.sheet,
        "sheets": found.sheet_names,
        "header_row": found.header_row,
        "mapping": mappings.by_header(found.headers, found.mapping),  # what --mapping takes
        "mapped_by": found.mapped_by,
        "misdecoded": found.misdecoded,
        "problems": found.problems,
        "counts": found.counts(),
        "rows": [row_json(r) for r in found.rows if r.status != "unchanged"],
    }
