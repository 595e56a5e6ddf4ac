"""Sync use cases for the GUI and the CLI: export, preview/import, undo, status, conflicts.

Every function takes a Session; the caller owns the transaction (session_scope). A preview
writes nothing; an import writes everything or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import SyncImport, Unit
from coopdesk.domain.accounts import Permission
from coopdesk.domain.periods import parse_cutoff
from coopdesk.i18n import _
from coopdesk.services import accounts, priority_women, sensitive_store, settings, units
from coopdesk.services.backups import before_change
from coopdesk.services.records import sealed
from coopdesk.services.records.sealed import sealing
from coopdesk.sync import (
    bundle,
    canonical,
    conflicts,
    exporter,
    import_seal,
    importer,
    status,
    trust,
    undo,
)
from coopdesk.sync.import_report import Refused
from coopdesk.sync.importer import ImportReport
from coopdesk.sync.status import SyncStatus

ConflictRecord = conflicts.ConflictRecord


class SyncError(Exception):
    """A sync operation that cannot be done, with a message for a person."""


@dataclass(frozen=True)
class Me:
    unit_code: str
    aggregator: bool
    officer: str = ""


def whoami(session: Session) -> Me:
    """This installation's unit and role (from the settings)."""
    inst = settings.get_installation(session)
    if inst is None:
        raise SyncError(_("This installation is not set up yet. Run `coopdesk init` first."))
    return Me(inst.unit_code, inst.role == "aggregator", inst.officer)


def resolve_unit(session: Session, text: str) -> str:
    """A unit code from what a person typed ("3408", "03408", "12")."""
    try:
        return units.resolve_code(session, text.strip())
    except units.UnknownUnit as exc:
        raise SyncError(str(exc)) from exc


# --- export -----------------------------------------------------------------------------------


@dataclass
class ExportOutcome:
    path: Path
    seq: int
    records: int
    size: int
    bundle_id: str
    recipient_name: str


def export_bundle(
    session: Session,
    *,
    to: str,
    out: Path,
    full: bool = False,
    me: Me | None = None,
    now: dt.datetime | None = None,
) -> ExportOutcome:
    """Write the next bundle for unit `to` to `out` (a file, or a folder to put it in).
    Refused for a viewer: a bundle carries the people's records and is kept as sent."""
    accounts.require(session, Permission.EDIT_RECORDS)
    me = me or whoami(session)
    recipient = resolve_unit(session, to)  # may be our own unit: a second laptop
    now = now or dt.datetime.now(dt.UTC)
    if recipient != me.unit_code:  # above: the counts of priority women, not the details
        priority_women.refresh(session, me.unit_code, me.officer or "CoopDesk", now.date())
    try:
        result = exporter.build(
            session, my_unit=me.unit_code, recipient_unit=recipient, full=full, now=now,
            opener=_opener(session),
        )  # fmt: skip
    except trust.TrustError as exc:
        raise SyncError(_export_refusal(session, exc)) from exc
    out = Path(out)
    if out.is_dir():
        out = out / bundle_file_name(session, me.unit_code, recipient, result.seq, now.date())
    try:
        bundle.write(out, result.data)
    except OSError as exc:
        raise SyncError(
            _("The bundle could not be written to {path}: {error}").format(path=out, error=exc)
        ) from exc
    recipient_name = session.get(Unit, recipient)
    return ExportOutcome(
        out,
        result.seq,
        result.records,
        len(result.data),
        result.bundle_id,
        recipient_name.name if recipient_name else recipient,
    )


def _export_refusal(session: Session, error: trust.TrustError) -> str:
    if error.kind != "no_recipient":
        return import_seal.locked_message(error.kind)
    return _(
        "{unit} is not registered here yet, so no bundle can be sealed for it. Import its "
        "registration file once its officer has read you the fingerprint by phone: "
        'coopdesk registration import FILE --fingerprint "…"'
    ).format(unit=import_seal.unit_label(session, error.detail))


def suggested_file_name(session: Session, to: str, me: Me | None = None) -> str:
    me = me or whoami(session)
    recipient = resolve_unit(session, to)
    seq = exporter.next_seq(session, recipient)
    return bundle_file_name(session, me.unit_code, recipient, seq, dt.date.today())


def bundle_file_name(session: Session, sender: str, recipient: str, seq: int, when: dt.date) -> str:
    """A name a person reads, without diacritics so every computer and chat app keeps it:
    'Goi-du-lieu-Phuong-Tan-Phong-gui-Tinh-Lai-Chau-so-04-2026-11-23.coopdesk'."""
    from coopdesk.services.documents.file_names import people_file_name

    def name(code: str) -> str:
        unit = session.get(Unit, code)
        return unit.name if unit is not None else code.replace(":", "-")

    words = ("Gói dữ liệu", name(sender), "gửi", name(recipient), f"số {seq:02d}")
    return people_file_name(*words, when.isoformat(), suffix=bundle.SUFFIX)


@dataclass(frozen=True)
class Recipient:
    unit_code: str
    label: str  # "Tỉnh Lai Châu (12)"


def recipients(session: Session, me: Me) -> list[Recipient]:
    """Whom this installation sends bundles to: the unit above, for an aggregating office
    the units below, and another computer of this unit."""
    mine = session.get(Unit, me.unit_code)
    codes: list[str] = [mine.parent_code] if mine is not None and mine.parent_code else []
    if me.aggregator:
        codes += session.scalars(
            select(Unit.code)
            .where(Unit.parent_code == me.unit_code, Unit.legacy.is_(False))
            .order_by(Unit.sort_key, Unit.name)
        )
    codes.append(me.unit_code)
    out = []
    for code in codes:
        unit = session.get(Unit, code)
        name = unit.name if unit else code
        if code == me.unit_code:
            name = _("{unit} (another computer of this unit)").format(unit=name)
        out.append(Recipient(code, f"{name} ({code})"))
    return out


# --- import -----------------------------------------------------------------------------------


class ImportRefused(SyncError):
    """A bundle that was refused: raised so that the caller's transaction rolls back and
    nothing is half-applied; `report` says why, as the preview would."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.message)
        self.report = report


def preview_import(session: Session, path: Path, me: Me | None = None) -> ImportReport:
    """What importing `path` would do. It writes nothing, not even this database's first-use
    replica ids: its work is rolled back to a savepoint, whatever the caller does next."""
    me = me or whoami(session)
    savepoint = session.begin_nested()
    try:
        return importer.import_bundle(session, Path(path), my_unit=me.unit_code, apply=False)
    finally:
        savepoint.rollback()


def import_bundle(
    session: Session, path: Path, me: Me | None = None, now: dt.datetime | None = None
) -> ImportReport:
    """Check and merge `path` (the caller commits); ImportRefused when the bundle is refused.
    A bundle imported already is no error: the report says so and nothing changes.

    A refused bundle's work is rolled back at once and the file is kept aside (quarantine,
    committed on its own) with why, so the officer can see it and retry later."""
    accounts.require(session, Permission.EDIT_RECORDS)
    me = me or whoami(session)
    before_change(session, "import", SyncError)  # a backup first (services.backups)
    report = importer.import_bundle(
        session, Path(path), my_unit=me.unit_code, apply=True, now=now, sealer=_sealer(session)
    )
    if report.refused:
        session.rollback()
        _keep_aside(session, Path(path), report, now)
        raise ImportRefused(report)
    return report


def _opener(session: Session) -> exporter.Opener:
    """Sealed sensitive details opened for a bundle to another computer of this unit (the
    bundle is encrypted to it; it seals them under its own data key: `_sealer`)."""

    def opened(table: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        if not fields.get("sealed"):
            return fields
        clear = sealed.clear_values(session, table, {**fields, "id": record_id})
        return {**fields, **clear, "sealed": None}

    return opened


def _sealer(session: Session) -> importer.Sealer:
    """Sensitive details received in clear, stored sealed under this installation's data key
    once checked (in clear without accounts), before anything is written or audited."""

    def stored(table: str, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, **sealed.stored_form(session, table, record_id, data)}

    return stored


# Refusals whose file is not kept: this installation's keys locked, or no file to keep.
_NOT_KEPT = frozenset({"locked", "no_identity", "unreadable", "too_large"})


def _keep_aside(
    session: Session, path: Path, report: ImportReport, now: dt.datetime | None
) -> None:
    """The refused file in the quarantine list, in a transaction of its own."""
    if report.reason in _NOT_KEPT:
        return
    try:
        data = import_seal.read_bytes(path, bundle.DEFAULT_LIMITS)
    except Refused:
        return
    with Session(bind=session.get_bind()) as side:
        trust.quarantine(
            side, data, file_name=path.name, reason=report.reason, message=report.message,
            sender_unit=report.sender_unit, now=now,
        )  # fmt: skip
        side.commit()


@dataclass
class ImportRecord:
    id: int
    bundle_id: str
    sender_unit: str
    sender_name: str
    seq: int
    created_at: dt.datetime | None
    imported_at: dt.datetime
    file_name: str
    counts: dict[str, int]
    undone: bool
    undo_blocker: str | None


def import_history(session: Session, limit: int = 200) -> list[ImportRecord]:
    logs = session.execute(select(SyncImport).order_by(SyncImport.id.desc()).limit(limit)).scalars()
    out = []
    for log in logs:
        unit = session.get(Unit, log.sender_unit)
        out.append(
            ImportRecord(
                log.id,
                log.bundle_id,
                log.sender_unit,
                unit.name if unit else log.sender_unit,
                log.seq,
                log.created_at,
                log.imported_at,
                log.file_name,
                canonical.loads(log.summary or "{}"),
                log.undone_at is not None,
                undo.undo_blocker(session, log),
            )
        )
    return out


def undo_import(session: Session, import_id: int) -> None:
    accounts.require(session, Permission.EDIT_RECORDS)
    before_change(session, "undo", SyncError)
    try:
        undo.undo_import(session, import_id)
    except undo.UndoRefused as exc:
        raise SyncError(str(exc)) from exc


# --- status and conflicts ------------------------------------------------------


def sync_status(
    session: Session, *, me: Me | None = None, today: dt.date | None = None
) -> SyncStatus:
    me = me or whoami(session)
    doc = settings.get_document_settings(session, me.unit_code)
    try:
        cutoff = parse_cutoff(doc.report_deadline or "15/11")
    except ValueError:  # an unreadable deadline in the settings: the programme's 15/11
        cutoff = (11, 15)
    return status.sync_status(
        session,
        my_unit=me.unit_code,
        aggregator=me.aggregator,
        today=today or dt.date.today(),
        cutoff=cutoff,
    )


def list_conflicts(session: Session, me: Me | None = None) -> list[ConflictRecord]:
    unit = me.unit_code if me else ""
    return conflicts.list_conflicts(session, unit)


def resolve_conflict(
    session: Session, table: str, record_id: str, data: dict[str, Any], actor: str = ""
) -> None:
    try:
        conflicts.resolve_conflict(session, table, record_id, data, actor)
    except conflicts.ConflictError as exc:
        raise SyncError(str(exc)) from exc
    if sealing(session):  # a sensitive record settled with values in clear
        sensitive_store.seal_existing(session)


@dataclass
class BundlesOverview:
    """What the Bundles page shows: whom to send to, what was received, who has reported."""

    recipients: list[Recipient]
    history: list[ImportRecord]
    status: SyncStatus


def bundles_overview(session: Session, me: Me) -> BundlesOverview:
    return BundlesOverview(
        recipients(session, me), import_history(session), sync_status(session, me=me)
    )
