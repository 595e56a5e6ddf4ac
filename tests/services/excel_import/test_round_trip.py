"""A list exported as a template, edited in Excel and imported again: only the edited rows
update; a row edited in the file and in CoopDesk since the export is a conflict, not taken."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Person
from coopdesk.services import people, records
from coopdesk.services.excel_import import apply, export, preview, undo
from tests.services.excel_import.conftest import OFFICER


def _three(session: Session) -> list[Person]:
    found = [
        people.create_person(session, name, actor=OFFICER, birth_year=year)
        for name, year in (("Nguyễn Thị Hoà", 1980), ("Lò Thị Mai", 1975), ("Trần Thị Lan", 1990))
    ]
    session.flush()
    return found


def _edit(path: Path, edits: dict[tuple[str, int], object]) -> Path:
    """Change cells of the rows named by their full name (column A), or add a row ("" names
    the first empty row)."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = {sheet.cell(row=n, column=1).value or "": n for n in range(sheet.max_row, 1, -1)}
    for (name, column), value in edits.items():
        sheet.cell(row=rows[name], column=column, value=value)
    book.save(path)
    return path


def test_only_the_edited_rows_update_and_a_row_edited_on_both_sides_is_a_conflict(
    session: Session, tmp_path: Path
) -> None:
    _hoa, mai, lan = _three(session)
    path = export.write_kind_template(session, "people", tmp_path / "ds.xlsx", filled=True)
    _edit(path, {("Lò Thị Mai", 4): "0912 000 111", ("Trần Thị Lan", 6): "Đã chuyển đi"})
    session.commit()
    records.update(session, lan, {"address": "Tổ 5"}, OFFICER)  # Lan changed here since
    found = preview.preview(session, path, "people")
    outcome = {r.label: r.status for r in found.rows}
    assert outcome == {
        "Nguyễn Thị Hoà (1980)": "unchanged",
        "Lò Thị Mai (1975)": "updated",
        "Trần Thị Lan (1990)": "conflict",
    }
    assert [r.changed for r in found.rows if r.status == "updated"] == [["Điện thoại"]]
    result = apply.apply_import(session, found, OFFICER)
    assert (result.created, result.updated, result.unchanged, result.skipped) == (0, 1, 1, 1)
    assert mai.phone == "0912 000 111"
    assert lan.notes == "" and lan.address == "Tổ 5"
    assert session.scalars(select(Person)).all().__len__() == 3


def test_history_names_the_file_and_the_import_can_be_undone(
    session: Session, tmp_path: Path
) -> None:
    _hoa, mai, _lan = _three(session)
    path = export.write_kind_template(session, "people", tmp_path / "ds.xlsx", filled=True)
    _edit(
        path,
        {("Lò Thị Mai", 4): "0912 000 111", ("", 2): "Nữ", ("", 3): 1988, ("", 1): "Phạm Thị Yến"},
    )
    session.commit()
    result = apply.apply_import(session, preview.preview(session, path, "people"), OFFICER)
    session.commit()
    assert (result.created, result.updated) == (1, 1)
    entry = records.history(session, Person, mai.id)[0]
    assert entry.source == "nhập từ tệp Excel ds.xlsx"
    undo.undo_excel_import(session, result.import_id, OFFICER)
    session.commit()
    assert mai.phone == ""
    yen = session.scalars(select(Person).where(Person.full_name == "Phạm Thị Yến")).one()
    assert yen.deleted_at is not None
    assert (
        records.history(session, Person, mai.id)[0].source
        == "đã hoàn tác việc nhập từ tệp Excel ds.xlsx"
    )
    assert session.scalar(
        select(AuditEvent.source)
        .where(AuditEvent.entity_id == yen.id)
        .order_by(AuditEvent.id.desc())
    )
