"""Importing the rows of a preview, in the caller's transaction, through the registry's save
functions (the editors' own), and recording the import.

    result = apply_import(session, found, actor="Lò Thị Mai", take_duplicates={15})

New and updated rows are saved; unchanged rows are left; problems and conflicts are never
taken; a possible duplicate is taken only when the officer chose it (`take_duplicates`, by
row number; `allow_duplicates`: every row that only looks like a record here), else skipped.
A row taken although it may be a record here is saved as the editors' "Vẫn lưu": the pairs are
remembered as different (`services.duplicates.save_as_different`), so they are not flagged
again. Every audit event the import wrote names it as its source
({"excel": id, "file": name}), so History says "nhập từ tệp Excel …" and the import can be
undone as a whole (`undo.undo_excel_import`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, ExcelImport
from coopdesk.services import duplicates, registry
from coopdesk.services.backups import before_change
from coopdesk.services.excel_import import parts, references
from coopdesk.services.excel_import.kinds import kind_of
from coopdesk.services.excel_import.preview import Preview
from coopdesk.services.excel_import.rows import Row
from coopdesk.services.settings import installation_kept
from coopdesk.sync import versions

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    import_id: int
    created: int
    updated: int
    unchanged: int
    skipped: int  # problems, conflicts and duplicates not taken
    skipped_rows: list[Row]


def source_json(import_id: int, file_name: str) -> str:
    return json.dumps({"excel": import_id, "file": file_name}, ensure_ascii=False, sort_keys=True)


def rows_to_save(
    found: Preview, take_duplicates: Collection[int] = (), allow_duplicates: bool = False
) -> list[Row]:
    """The rows an import saves: new and updated ones, and the possible duplicates taken (by
    number, or all those that only look like records here)."""
    return [
        r
        for r in found.rows
        if r.status in ("new", "updated")
        or (
            r.status == "duplicate"
            and (r.number in take_duplicates or (allow_duplicates and bool(r.duplicate_of)))
        )
    ]


def apply_import(
    session: Session,
    found: Preview,
    actor: str,
    take_duplicates: Collection[int] = (),
    progress: Progress | None = None,
    allow_duplicates: bool = False,
) -> ImportResult:
    """Save the rows to take; the caller commits (or rolls back: nothing is half-imported)."""
    with installation_kept(session):  # read once, not for every row
        return _apply(session, found, actor, take_duplicates, progress, allow_duplicates)


def _apply(
    session: Session,
    found: Preview,
    actor: str,
    take_duplicates: Collection[int],
    progress: Progress | None,
    allow_duplicates: bool,
) -> ImportResult:
    before_change(session, "excel_import", ValueError)  # a backup first (services.backups)
    log = ExcelImport(
        file_name=found.path.name,
        file_hash=found.file_hash,
        kind=found.kind,
        sheet=found.sheet,
        actor=actor,
    )
    session.add(log)
    session.flush()
    first_event = session.execute(select(func.coalesce(func.max(AuditEvent.id), 0))).scalar_one()
    chosen = rows_to_save(found, take_duplicates, allow_duplicates)
    area = registry.area(found.kind)
    spec = kind_of(found.kind)
    created = updated = 0
    people = references.People(session) if spec.parts else None
    for n, row in enumerate(chosen):
        draft, _where = parts.draft_of(session, spec, row, people)
        if row.record_id and row.status == "updated":
            area.save(session, draft, actor)
            updated += 1
        else:
            duplicates.save_as_different(session, area, draft, actor, row.duplicate_of)
            created += 1
        if progress is not None:
            progress(n + 1, len(chosen))
    session.execute(
        update(AuditEvent)
        .where(AuditEvent.id > first_event)
        .values(source=source_json(log.id, log.file_name))
    )
    taken = {id(r) for r in chosen}
    skipped = [r for r in found.rows if id(r) not in taken and r.status != "unchanged"]
    unchanged = sum(1 for r in found.rows if r.status == "unchanged")
    log.summary = json.dumps(
        {"created": created, "updated": updated, "unchanged": unchanged, "skipped": len(skipped)}
    )
    log.counter_after = (
        versions.transaction_counter(session) if chosen else versions.current_counter(session)
    )
    log.imported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    session.flush()
    return ImportResult(log.id, created, updated, unchanged, len(skipped), skipped)
