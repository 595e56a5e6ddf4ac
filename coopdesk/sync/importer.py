"""Import: check everything → plan (the preview) → apply in the caller's one transaction.

The bundle's seal (signature, recipient, trusted sender: `import_seal`) is checked before
anything is parsed. Nothing is written until the whole bundle has been checked and planned: a refused bundle
leaves the database exactly as it was. Merging is by version vectors (coopdesk.sync.versions),
so the same bundle twice, bundles in any order, and older bundles change nothing they should
not. The steps live beside this module: `import_check` (header, catalogues, records),
`import_plan` (the preview), `import_apply` (rows and the audit log), `import_books`
(knowledge, acknowledgements, the import log that undo reads).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncImport
from coopdesk.i18n import _
from coopdesk.sync import (
    bundle,
    catalogues,
    envelope,
    import_books,
    import_seal,
    merges,
    scope,
    versions,
)
from coopdesk.sync.body_check import check_bookkeeping
from coopdesk.sync.copies import check_not_copied
from coopdesk.sync.describe import db_lookup
from coopdesk.sync.import_apply import Source, apply_changes, audit_imported
from coopdesk.sync.import_check import (
    Incoming,
    Validator,
    check_catalogues,
    check_header,
    check_records,
    default_validator,
)
from coopdesk.sync.import_plan import Planner, duplicates, plan
from coopdesk.sync.import_report import (
    OUTCOMES,
    ImportReport,
    Item,
    Refused,
    duplicate,
    problem_list,
)
from coopdesk.sync.pause_gc import paused_gc
from coopdesk.sync.versions import Version

__all__ = ["ImportReport", "Sealer", "Validator", "import_bundle", "prospective_version"]

# (table, record id, the fields received in clear) → the fields to store
Sealer = Callable[[str, str, dict[str, Any]], dict[str, Any]]


@dataclass
class _Planned:
    planner: Planner
    catalogue_changes: list[dict[str, Any]]
    unversioned: bool  # rows of bulk inserts not stamped yet (they get this import's version)


@dataclass
class _Checked:
    """A bundle that passed every check, with what is needed to plan and apply it."""

    b: bundle.Bundle
    tree: scope.UnitTree
    sender_unit: str
    catalogue_entries: dict[str, list[dict[str, str]]]
    incoming: list[Incoming]


def prospective_version(session: Session) -> Version:
    """The version stamping unversioned rows in this transaction would give."""
    me = versions.replica_id(session)
    return Version.make(me, {me: versions.next_counter(session)})


def _read(
    session: Session, source: Path | bytes, limits: bundle.Limits, apply: bool, report: ImportReport
) -> tuple[bundle.Bundle, envelope.Opened]:
    """The bundle inside its seal (checked before anything is parsed); Refused. A preview of
    an unconfirmed sender's bundle is allowed, its report's message saying how to confirm."""
    data = import_seal.read_bytes(source, limits)
    report.sender_unit = import_seal.claimed_sender(data, limits)
    b, opened = import_seal.open_for_import(session, data, apply=apply, limits=limits)
    if not opened.confirmed:
        report.message = import_seal.unconfirmed_message(session, opened.sender_unit)
    import_seal.check_speaks_for(session, b, opened)
    return b, opened


def _already_imported(session: Session, report: ImportReport) -> bool:
    done = session.execute(
        select(SyncImport.imported_at).where(
            SyncImport.bundle_id == report.bundle_id, SyncImport.undone_at.is_(None)
        )
    ).first()
    if done is None:
        return False
    report.already_imported = True
    report.message = _(
        "This bundle (number {seq} from {unit}) was already imported on {date}; nothing changed."
    ).format(seq=report.seq, unit=report.sender_name, date=done[0].strftime("%d/%m/%Y %H:%M"))
    return True


def _check(
    session: Session, b: bundle.Bundle, my_unit: str, validator: Validator, report: ImportReport
) -> _Checked | None:
    """The checked bundle, or None when it was imported already (`report` says so)."""
    check_bookkeeping(b)
    tree = scope.UnitTree.load(session)
    sender_unit = check_header(session, b, tree, my_unit)
    report.sender_unit, report.sender_name = sender_unit, tree.name(sender_unit)
    if _already_imported(session, report):
        return None
    check_not_copied(session, b)
    entries = check_catalogues(b, tree, sender_unit, my_unit)
    codes = {n: {e["code"] for e in rows} for n, rows in entries.items()}
    incoming = check_records(session, b, tree, sender_unit, my_unit, validator, codes)
    return _Checked(b, tree, sender_unit, entries, incoming)


def _has_unversioned(session: Session) -> bool:
    return any(
        session.execute(select(t.c.id).where(t.c.version.is_(None)).limit(1)).first()
        for t in versions.synced_tables()
    )


def _preview(session: Session, checked: _Checked, report: ImportReport) -> _Planned:
    """Plan the merge and fill the report's items and counts; Refused on duplicates."""
    unversioned = _has_unversioned(session)
    virtual = prospective_version(session) if unversioned else None
    extra = {(inc.table.name, inc.record_id): inc.data for inc in checked.incoming}
    planner = plan(session, checked.incoming, virtual, db_lookup(session, extra))
    found = duplicates(session, planner)
    if found:
        raise duplicate(problem_list(found), found)
    catalogue_changes = catalogues.plan(session, checked.catalogue_entries)
    items = [c.item for c in planner.changes.values()] + [
        Item(
            c["t"],
            c["entry"]["code"],
            catalogues.label(c),
            "new" if c["before"] is None else "updated",
        )
        for c in catalogue_changes
    ]
    counts = Counter(i.outcome for i in items)
    report.counts = {k: counts.get(k, 0) for k in OUTCOMES}
    report.items = sorted(items, key=lambda i: (OUTCOMES.index(i.outcome), i.table, i.label))
    return _Planned(planner, catalogue_changes, unversioned)


def _apply(
    session: Session,
    checked: _Checked,
    planned: _Planned,
    my_unit: str,
    report: ImportReport,
    now: dt.datetime,
) -> None:
    """Write the planned import, its bookkeeping and its audit events (the caller commits)."""
    catalogue_changes = planned.catalogue_changes
    if planned.unversioned:
        versions.stamp_unversioned(session)
    # An import is a transaction of this database too: the counter moves, so anything keyed
    # on it (e.g. the indicator cache) sees that the data changed.
    versions.transaction_counter(session)
    undo = {**import_books.books_before(session), "catalogues": catalogue_changes}
    changes = [c for c in planned.planner.changes.values() if c.item.outcome != "unchanged"]
    catalogues.apply(session, catalogue_changes)
    b = checked.b
    try:
        apply_changes(session, changes, b.bundle_id, _converted(checked.incoming))
    except IntegrityError as exc:
        # e.g. the same cooperative-year entered under two different ids before natural ids:
        # refuse the whole bundle; the caller rolls the transaction back.
        raise duplicate(str(exc.orig)[:200]) from exc
    import_books.update_knowledge(session, b, checked.tree, checked.sender_unit, my_unit)
    import_books.record_peer(session, b, checked.sender_unit, now)
    log = import_books.write_log(session, b, report, changes, undo, now)
    audit_imported(session, changes, Source(report.seq, checked.sender_unit, log.id), now)
    merges.settle(session, log)  # what still names a merged record moves to the kept one
    report.import_id = log.id
    report.applied = True


def import_bundle(
    session: Session,
    source: Path | bytes,
    *,
    my_unit: str,
    apply: bool,
    validator: Validator | None = None,
    now: dt.datetime | None = None,
    limits: bundle.Limits = bundle.DEFAULT_LIMITS,
    sealer: Sealer | None = None,
) -> ImportReport:
    """Check a bundle and plan its merge; with `apply`, write it (the caller commits).
    `sealer`: how sensitive details received in clear (from another computer of this unit,
    inside the encrypted bundle) are stored, once checked: sealed under this data key.

    A refused bundle is reported (report.refused, report.message) with nothing written."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    report = ImportReport(file_name=source.name if isinstance(source, Path) else "")
    b: bundle.Bundle | None = None
    with paused_gc():  # a bundle of 50,000 records: a third faster
        try:
            b, opened = _read(session, source, limits, apply, report)
            report.bundle_id = b.bundle_id
            seq = b.header.get("seq")
            report.seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else 0
            report.created_at = str(b.header.get("created_at", ""))
            checked = _check(session, b, my_unit, validator or default_validator(), report)
            if checked is None:
                return report
            if apply and sealer is not None:
                _seal_incoming(checked, sealer)
            planned = _preview(session, checked, report)
            if apply:
                _apply(session, checked, planned, my_unit, report, now)
                import_seal.after_merge(session, b, opened, now)
        except Refused as exc:
            return report.refuse(exc, _refused_count(b))
    return report


def _seal_incoming(checked: _Checked, sealer: Sealer) -> None:
    for inc in checked.incoming:
        if inc.table.name in scope.SENSITIVE_TABLES:
            inc.data = sealer(inc.table.name, inc.record_id, inc.data)
            inc.values = None


def _converted(incoming: list[Incoming]) -> dict[int, dict[str, Any]]:
    """The column values the check made of each incoming record's fields, by the identity of
    its fields' dict (the plan carries that dict as the record's row): converted once."""
    return {id(inc.data): inc.values for inc in incoming if inc.values is not None}


def _refused_count(b: bundle.Bundle | None) -> int:
    """How many records a refusal turns away (all of them; none for an unreadable file)."""
    if b is None:
        return 0
    records = b.header.get("records")
    return records if isinstance(records, int) else len(b.records)
