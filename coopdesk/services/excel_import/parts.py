"""The part sheets of a kind (a cooperative's "Ban quản lý" and "Số liệu hằng năm", a
training's "Học viên") joined to the rows of its first sheet, and the draft a row is saved as.

A part row names its record in its first column (`kinds.LINK_KEY`) by one of the kind's
`links` as written on the first sheet, or as a record of the unit here has it (its figures
added without listing it again); a row naming no record, or several, is a problem of that
cell. A person is found among the unit's people by name, birth year (and cooperative):
one is taken, none is a new person, several is a problem asking for the birth year.

The draft of a record already here keeps its stored part rows: a row of the file updates the
stored row it names (by the hidden id, or the same person and role, the same year) or is added;
no stored row is removed. An empty cell of a part row leaves the stored value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.excel.columns import ID_KEY, VERSION_KEY, Column, find_header
from coopdesk.excel.reading import Book, Cell
from coopdesk.i18n import _, fold
from coopdesk.services import registry
from coopdesk.services.excel_import.kinds import LINK_KEY, Kind, Part
from coopdesk.services.excel_import.references import People, several_people
from coopdesk.services.excel_import.rows import Row, sheet_problem
from coopdesk.services.registry.drafts import Draft

Reader = Callable[[str, dict[int, str], dict[str, Column], int, list[Cell]], Row]
FOLDED = {"name": "name_folded", "title": "title_folded"}  # a link's indexed folded column
NOT_SAVED = (LINK_KEY, "cooperative_id")  # what only finds a part row's record
PERSON_ONLY = ("full_name", "gender", "birth_year")  # a new person's; not a stored row's


def find_sheet(book: Book, part: Part) -> str | None:
    """The book's sheet of the part, by its name in either language."""
    names = {fold(_(part.title)), fold(part.title)}
    return next((n for n in book.sheet_names if fold(n) in names), None)


def read_part_rows(
    session: Session, book: Book, spec: Kind, rows: Sequence[Row], read_row: Reader
) -> tuple[list[Row], list[Row]]:
    """Read every part sheet of the book and join its rows to `rows` (the first sheet's,
    read but not sorted) or to a record here the first sheet does not hold (a row for it is
    made, to sort with the others); those rows, and the part rows joined to nothing (each
    with its problem)."""
    index = _link_index(spec, rows)
    people = People(session)
    here = _Here(session, spec, index)
    orphans: list[Row] = []
    for part in spec.parts:
        name = find_sheet(book, part)
        if name is None:
            continue
        data = book.sheet(name)
        columns = part.columns(session)
        header, mapping = find_header(data.rows, columns)
        by_key = {c.key: c for c in columns}
        for offset, cells in enumerate(data.rows[header + 1 :]):
            if all(c.value in (None, "") for c in cells):
                continue
            row = read_row(name, mapping, by_key, header + 2 + offset, cells)
            row.titles = {c.key: c.title() for c in columns}
            row.label = str(row.values.get("full_name") or row.values.get("year") or "")
            unread = bool(row.problems)
            parent = _parent(spec, index, here, row, by_key) if row.values.get(LINK_KEY) else None
            if parent is not None and not unread:
                _find_person(people, part, row, parent, by_key)
            if parent is None:
                row.status = "problem"
                orphans.append(row)
                continue
            parent.parts.setdefault(part.name, []).append(row)
            if row.problems:
                row.status = "problem"
                parent.problems += row.problems
    return here.rows, orphans


def _link_index(spec: Kind, rows: Sequence[Row]) -> dict[str, list[Row]]:
    index: dict[str, list[Row]] = {}
    for row in rows:
        for key in spec.links:
            value = row.values.get(key)
            if value:
                found = index.setdefault(fold(str(value)), [])
                if row not in found:
                    found.append(row)
    return index


class _Here:
    """The records here a part row names when the first sheet does not hold them: one row
    each (by the record's id), made as the first part row naming it is read."""

    def __init__(self, session: Session, spec: Kind, index: dict[str, list[Row]]) -> None:
        self.session, self.spec, self.index = session, spec, index
        self.model = registry.area(spec.name).draft.MODEL
        self.rows: list[Row] = []
        self.unit = People(session).unit

    def row_for(self, link: str, part_row: Row) -> Row | None:
        model = self.model
        found: set[str] = set()
        for key in self.spec.links:
            column = getattr(model, FOLDED.get(key, key))
            value = fold(link) if key in FOLDED else link
            found |= set(
                self.session.scalars(
                    select(model.id).where(
                        column == value, model.deleted_at.is_(None), model.unit_code == self.unit
                    )
                )
            )
        if len(found) != 1:
            return None
        record = self.session.get(model, found.pop())
        if record is None:
            return None
        row = Row(part_row.number, "new", {ID_KEY: record.id}, [], sheet=part_row.sheet)
        row.label = str(getattr(record, self.spec.links[0]))
        self.rows.append(row)
        self.index[fold(link)] = [row]
        return row


def _parent(
    spec: Kind, index: dict[str, list[Row]], here: _Here, row: Row, by_key: dict[str, Column]
) -> Row | None:
    link = str(row.values.get(LINK_KEY) or "")
    found = index.get(fold(link), [])
    if len(found) == 1:
        return found[0]
    if not found and (record_row := here.row_for(link, row)) is not None:
        return record_row
    first = _(spec.title)
    if found:
        text = _(
            "“{value}” names several rows of the sheet “{sheet}”: give them different names"
        ).format(value=link, sheet=first)
    else:
        text = _(
            "“{value}” is neither on the sheet “{sheet}” nor here: write it as it is there"
        ).format(value=link, sheet=first)
    row.problems.append(sheet_problem(row.sheet, row.number, by_key[LINK_KEY].title(), text))
    return None


def _find_person(
    people: People, part: Part, row: Row, parent: Row, by_key: dict[str, Column]
) -> None:
    """The existing person a row names (person_id), none (a new person), or a problem."""
    values = row.values
    if values.get(ID_KEY) or not values.get("full_name"):
        return  # an exported row names its stored row; no name is the area's problem
    cooperative = values.get("cooperative_id") or parent.values.get(ID_KEY)
    ids = people.find(str(values["full_name"]), values.get("birth_year"), cooperative)
    if len(ids) == 1:
        values["person_id"] = ids[0]
    elif ids:
        text = several_people(str(values["full_name"]), len(ids))
        row.problems.append(sheet_problem(row.sheet, row.number, by_key["full_name"].title(), text))


def person_of(people: People, values: dict[str, Any]) -> tuple[str | None, int]:
    """The person a row of the first sheet names (an officer): her id, and how many match."""
    ids = people.find(str(values.get("full_name") or ""), values.get("birth_year"))
    return (ids[0] if len(ids) == 1 else None), len(ids)


# --- the draft ----------------------------------------------------------------------------


def own_fields(spec: Kind, values: dict[str, Any]) -> dict[str, Any]:
    """The row's values that are the record's own fields; an empty cell of a field that
    must have a value (Có/Không) leaves it as it is."""
    draft = registry.area(spec.name).draft
    columns = draft.MODEL.__table__.columns
    return {
        k: v
        for k, v in values.items()
        if k in draft.FIELDS and not (v is None and k in columns and not columns[k].nullable)
    }


def _part_values(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v
        for k, v in values.items()
        if k not in NOT_SAVED and k != VERSION_KEY and v is not None and v != ""
    }


def draft_of(
    session: Session, spec: Kind, row: Row, people: People | None = None
) -> tuple[Draft, dict[str, Row]]:
    """The draft the row is saved as (with its part rows, joined to the stored ones), and
    which part row each of its part places ("board[2]", "years[2025]") is. `people`, on
    import: a new person an earlier row of the import added is found again, not added twice."""
    area = registry.area(spec.name)
    fields = own_fields(spec, row.values)
    if row.record_id is None:
        fields = {**area.new().fields, **fields}
    extra: dict[str, Any] = {}
    if spec.names_person and row.record_id is None and not fields.get("person_id"):
        extra["person"] = {
            "birth_year": row.values.get("birth_year"),
            "full_name": row.values.get("full_name"),
            "gender": row.values.get("gender") or "F",
        }
    where: dict[str, Row] = {}
    stored = area.load(session, row.record_id) if row.record_id and row.parts else None
    for part in spec.parts:
        file_rows = row.parts.get(part.name, [])
        if not file_rows:
            continue
        merged = [dict(r) for r in (getattr(stored, part.name, None) or [])]
        places: list[Row | None] = [None] * len(merged)
        for file_row in file_rows:
            values = _part_values(file_row.values)
            if people is not None and not values.get("person_id") and not values.get(ID_KEY):
                ids = people.find(
                    str(values.get("full_name") or ""), file_row.values.get("birth_year")
                )
                values.update({"person_id": ids[0]} if len(ids) == 1 else {})
            at = _stored_place(part, merged, values)
            if at is None:
                merged.append(values)
                places.append(file_row)
            else:
                merged[at].update(values)
                places[at] = file_row
        extra[part.name] = merged
        for n, (values, place) in enumerate(zip(merged, places, strict=True)):
            if place is not None:
                where[f"{part.name}[{part.problem_key(n, values)}]"] = place
    return area.draft(id=row.record_id, fields=fields, **extra), where


def _stored_place(part: Part, merged: list[dict[str, Any]], values: dict[str, Any]) -> int | None:
    for n, stored in enumerate(merged):
        if (values.get(ID_KEY) and stored.get(ID_KEY) == values[ID_KEY]) or part.same(
            values, stored
        ):
            return n
    return None


def changed_parts(session: Session, spec: Kind, row: Row) -> list[str]:
    """The part sheets whose rows add to or change the stored record's parts."""
    if row.record_id is None or not row.parts:
        return []
    stored = registry.area(spec.name).load(session, row.record_id)
    out = []
    for part in spec.parts:
        merged = [dict(r) for r in (getattr(stored, part.name, None) or [])]
        for file_row in row.parts.get(part.name, []):
            values = _part_values(file_row.values)
            at = _stored_place(part, merged, values)
            if at is None or any(
                merged[at].get(k) != v for k, v in values.items() if k not in PERSON_ONLY
            ):
                out.append(_(part.title))
                break
    return out
