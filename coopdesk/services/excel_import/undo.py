"""Undoing a whole Excel import, like a bundle's: while nothing was changed here since and no
later Excel import is still in force, every record it created is deleted again and every
record it updated gets its values back, each change audited with the import as its source.
The pairs it remembered as not duplicates (rows taken although they looked like records here)
are deleted with the records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, Base, DuplicateDismissal, ExcelImport, Synced
from coopdesk.i18n import _
from coopdesk.services import records, registry
from coopdesk.services.backups import before_change
from coopdesk.services.excel_import.apply import source_json
from coopdesk.services.registry import drafts
from coopdesk.sync import versions


class UndoRefused(Exception):
    """An Excel import that can no longer be undone, with the reason for a person."""


def undo_blocker(session: Session, log: ExcelImport) -> str | None:
    """Why this import cannot be undone, or None when it can."""
    if log.undone_at is not None:
        return _("This import was already undone.")
    latest = session.execute(
        select(func.max(ExcelImport.id)).where(ExcelImport.undone_at.is_(None))
    ).scalar()
    if latest != log.id:
        return _("A later import must be undone first.")
    if versions.current_counter(session) != log.counter_after:
        return _("Changes were made here after this import, so it can no longer be undone.")
    return None


def _events(session: Session, log: ExcelImport) -> list[AuditEvent]:
    return list(
        session.scalars(
            select(AuditEvent)
            .where(AuditEvent.source == source_json(log.id, log.file_name))
            .where(AuditEvent.action.in_(("create", "update")))
            .order_by(AuditEvent.id.desc())
        )
    )


def undo_excel_import(session: Session, import_id: int, actor: str) -> int:
    """Put back what the import changed, in the caller's transaction; the number of records."""
    log = session.get(ExcelImport, import_id)
    if log is None:
        raise UndoRefused(_("There is no such import."))
    blocker = undo_blocker(session, log)
    if blocker:
        raise UndoRefused(blocker)
    before_change(session, "undo", UndoRefused)  # a backup first (services.backups)
    model = registry.area(log.kind).draft.MODEL
    first_event = session.execute(select(func.coalesce(func.max(AuditEvent.id), 0))).scalar_one()
    touched = set()
    for event in _events(session, log):  # the latest first: a board row before its person
        if event.entity == DuplicateDismissal.__tablename__:
            _undo_dismissal(session, event, actor)
            continue
        kept = _MODELS.get(event.entity)
        record = session.get(kept, event.entity_id) if kept is not None else None
        if record is None:
            continue
        if event.entity == model.__tablename__:
            touched.add(event.entity_id)
        if event.action == "create":
            if record.deleted_at is None:
                records.delete(session, record, actor)
        else:
            records.update(session, record, _before(event, _draft_type(log.kind, kept)), actor)
    session.execute(
        update(AuditEvent)
        .where(AuditEvent.id > first_event)
        .values(
            source=json.dumps(
                {"excel": log.id, "file": log.file_name, "undo": True}, ensure_ascii=False
            )
        )
    )
    log.undone_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    session.flush()
    return len(touched)


_MODELS: dict[str, Any] = {
    str(m.persist_selectable.description): m.class_
    for m in Base.registry.mappers
    if issubclass(m.class_, Synced)
}


_STAMPS = ("id", "version", "unit_code", "created_at", "updated_at", "created_by", "updated_by",
           "deleted_at")  # fmt: skip


def _draft_type(kind: str, model: Any) -> Any:
    """The draft type whose fields type an update's values: the kind's own, or one of all the
    columns of a part's record (a board row, a year's figures)."""
    own = registry.area(kind).draft
    if own.MODEL is model:
        return own
    keys = tuple(c.key for c in model.__table__.columns if c.key not in _STAMPS)
    return type("PartDraft", (drafts.Draft,), {"MODEL": model, "FIELDS": keys})


def _undo_dismissal(session: Session, event: AuditEvent, actor: str) -> None:
    dismissal = session.get(DuplicateDismissal, event.entity_id)
    if dismissal is not None and dismissal.deleted_at is None:
        records.delete(session, dismissal, actor)


def _before(event: AuditEvent, draft_type: Any) -> dict[str, Any]:
    """The fields the update changed, with their values before it, typed as the columns."""
    before = json.loads(event.before or "{}")
    after = json.loads(event.after or "{}")
    changed = {k: before[k] for k in draft_type.FIELDS if k in before and before[k] != after.get(k)}
    draft, _problems = drafts.from_json(draft_type, changed)
    return draft.fields
