"""An erased person is forgotten in the logs too (issue 12 item 8), at the site that erases her
and at every site her erasure reaches: her audit events keep no detail of her, the versions
that lost to the erasure (conflicts, pending) are deleted, and the undo logs of imports lose
her before-images, so undoing an import never brings her back (the erasure stays in place).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent, SyncConflict, SyncImport, SyncPending
from coopdesk.sync import canonical

REDACTED = {"redacted": True}  # what an erased person's audit events keep of her
_BATCH = 500


def forget_erased(session: Session, erased: Mapping[str, Iterable[str]]) -> None:
    """`erased`: table name → ids of the records an erasure blanked (a person, her sensitive
    details, her consents)."""
    ids = {table: list(dict.fromkeys(rids)) for table, rids in erased.items()}
    ids = {table: rids for table, rids in ids.items() if rids}
    if not ids:
        return
    _redact_audit(session, ids)
    _drop_other_versions(session, ids)
    _strip_undo_logs(session, {(t, rid) for t, rids in ids.items() for rid in rids})


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for n in range(0, len(ids), _BATCH):
        yield ids[n : n + _BATCH]


def _redact_audit(session: Session, ids: dict[str, list[str]]) -> None:
    text = canonical.dumps(REDACTED)
    for table, rids in ids.items():
        for chunk in _chunks(rids):
            session.execute(
                update(AuditEvent)
                .where(
                    AuditEvent.entity == table,
                    AuditEvent.entity_id.in_(chunk),
                    AuditEvent.action != "erase",  # the erasure itself holds no detail
                )
                .values(before=text, after=text)
            )


def _drop_other_versions(session: Session, ids: dict[str, list[str]]) -> None:
    for model in (SyncConflict, SyncPending):
        for table, rids in ids.items():
            for chunk in _chunks(rids):
                session.execute(
                    delete(model).where(model.table_name == table, model.record_id.in_(chunk))
                )


def _strip_undo_logs(session: Session, keys: set[tuple[str, str]]) -> None:
    logs = session.scalars(select(SyncImport).where(SyncImport.undo.is_not(None)))
    for log in logs:
        assert log.undo is not None
        undo = canonical.loads(log.undo)
        records = undo.get("records", [])
        kept = [r for r in records if (r.get("t"), r.get("id")) not in keys]
        if len(kept) != len(records):
            undo["records"] = kept
            log.undo = canonical.dumps(undo)
    session.flush()
