"""Trust use cases for the GUI and the CLI: this installation's identity, registration files,
the trust list and the refused bundles kept aside. The caller owns the transaction."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk import __version__
from coopdesk.db.models import AuditEvent, QuarantinedBundle, SyncOutgoing, TrustPeer, Unit
from coopdesk.domain.accounts import Permission
from coopdesk.i18n import _
from coopdesk.security import passwords
from coopdesk.services import accounts, settings, sync
from coopdesk.services.sync import SyncError, whoami
from coopdesk.sync import state, trust, versions
from coopdesk.sync.import_report import ImportReport
from coopdesk.sync.trust import DEMO_PASSWORD as DEMO_PASSWORD  # where the demo keys are


class TrustRefused(SyncError):
    """A trust operation that cannot be done, with the officer's message."""


def _message(error: trust.TrustError) -> str:
    match error.kind:
        case "no_identity":
            return _("This installation has no keys yet. Run `coopdesk identity` to make them.")
        case "locked" | "wrong_secret":
            return _("The password (or recovery code) is not right; the keys stay locked.")
        case "weak_password":
            return _("The password must have at least {n} characters.").format(
                n=passwords.MIN_PASSWORD_LENGTH
            )
        case "mismatch":
            return _(
                "The fingerprint you typed does not match this registration file. Call the "
                "sender again and read the numbers slowly; nothing was recorded."
            )
        case "bad_file":
            return _("This file is not a CoopDesk registration file.")
        case "unknown_peer":
            return _("No trusted installation has the key {key}.").format(key=error.detail)
        case "unknown_bundle":
            return _("No bundle number {id} is kept aside here.").format(id=error.detail)
        case "revoked_key":
            return _(
                "The key {fp} was revoked here, so its bundles stay refused. If that computer "
                "is in safe hands again, trust its registration file again first."
            ).format(fp=error.detail)
    return str(error)


@dataclass(frozen=True)
class IdentityInfo:
    fingerprint: str
    key_id: str
    recovery_code: str = ""  # only right after the keys were made


def identity(session: Session) -> IdentityInfo | None:
    row = trust.current_row(session)
    if row is None:
        return None
    keys = trust.public_of(row)
    return IdentityInfo(keys.fingerprint, keys.key_id)


def may_manage(session: Session) -> bool:
    """Whether the logged-in account may manage keys and trust (administrators; anyone on an
    installation without accounts)."""
    return accounts.allowed(session, Permission.MANAGE_ACCOUNTS)


def _require_admin(session: Session) -> None:
    accounts.require(session, Permission.MANAGE_ACCOUNTS)


def create_identity(session: Session, password: str, code: str | None = None) -> IdentityInfo:
    """The installation's keys under `password`; `code`: the recovery code setup printed
    for the accounts, to open the keys too (else a new one, returned)."""
    _require_admin(session)
    try:
        code = trust.create_identity(session, password, code=code)
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    info = identity(session)
    assert info is not None
    return IdentityInfo(info.fingerprint, info.key_id, code)


def rotate_keys(session: Session, password: str) -> IdentityInfo:
    """New keys for this installation, announced by the current ones in the next bundles
    (the same password; a new recovery code to write down)."""
    return _new_keys(session, password, "replace")


def reidentify(session: Session, password: str) -> IdentityInfo:
    """A database copied from another laptop becomes an installation of its own: a new
    replica id (its data kept) and new keys, announced by the shared ones as a second
    computer of the unit, so both laptops' changes reach the others."""
    info = _new_keys(session, password, "add")
    _leave_replica(session)
    return info


def _leave_replica(session: Session) -> None:
    """A new replica id; the old one stays the other laptop's, and what it made up to the
    copy is known here (it is in this database), so it is not sent back again."""
    old, counter = versions.replica_id(session), versions.current_counter(session)
    units: set[str] = set()
    for table in versions.synced_tables():
        if "unit_code" in table.c:
            units.update(u for (u,) in session.execute(select(table.c.unit_code).distinct()) if u)
    versions.new_replica(session, retire=False)
    if counter > 0:
        knowledge = state.load_knowledge(session)
        knowledge[old] = dict.fromkeys(sorted(units), counter)
        state.save_knowledge(session, knowledge)


def _new_keys(session: Session, password: str, mode: str) -> IdentityInfo:
    _require_admin(session)
    me = whoami(session)
    try:
        code = trust.rotate(session, password, me.unit_code, mode=mode)
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    info = identity(session)
    assert info is not None
    return IdentityInfo(info.fingerprint, info.key_id, code)


def is_unlocked(session: Session) -> bool:
    """Whether this installation's current keys are open for this run."""
    try:
        trust.unlocked(session)
    except trust.TrustError:
        return False
    return True


def unlock_demo(session: Session) -> bool:
    """Open a demo installation's keys with the demo password (no need to ask: anyone can
    derive demo keys); False for any other installation."""
    inst = settings.get_installation(session)
    if inst is None or not trust.has_demo_keys(session, inst.unit_code):
        return False
    trust.unlock(session, DEMO_PASSWORD)
    return True


def unlock(session: Session, secret: str) -> None:
    try:
        trust.unlock(session, secret)
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc


def export_registration(session: Session) -> bytes:
    me = whoami(session)
    try:
        return trust.registration(session, me.unit_code, me.officer, f"CoopDesk {__version__}")
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc


def _unit_name(session: Session, code: str) -> str:
    unit = session.get(Unit, code) if code else None
    return unit.name if unit is not None else code


def _peer(session: Session, row: TrustPeer) -> dict[str, Any]:
    return trust.describe_peer(row, _unit_name(session, row.unit_code))


def status_label(status: str) -> str:
    """A trust list status in the officer's words."""
    labels = {
        "trusted": _("trusted"),
        "revoked": _("revoked"),
        "replaced": _("replaced by a new key"),
    }
    return labels.get(status, status)


def import_registration(
    session: Session, data: bytes, fingerprint: str, actor: str = ""
) -> dict[str, Any]:
    """Trust a registration file's keys once the fingerprint read by phone matches. Audited."""
    _require_admin(session)
    try:
        reg = trust.read_registration(data)
        peer = _peer(session, trust.register(session, reg, fingerprint))
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    _audit(session, "trust-add", peer, actor)
    return peer


def trust_list(session: Session) -> list[dict[str, Any]]:
    """Who is trusted here: unit (code and name), officer, fingerprint, since, status."""
    return [_peer(session, p) for p in trust.peers(session)]


def revoke(session: Session, key: str, actor: str = "") -> dict[str, Any]:
    """Stop trusting a key (a lost laptop): its later bundles are refused. Audited."""
    _require_admin(session)
    try:
        peer = _peer(session, trust.revoke(session, key))
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    _audit(session, "trust-revoke", peer, actor)
    return peer


def _audit(session: Session, action: str, peer: dict[str, Any], actor: str) -> None:
    """An audit event about a trusted key (who trusted or revoked which unit's key)."""
    after = json.dumps(
        {k: peer[k] for k in ("unit", "officer", "fingerprint", "status")}, ensure_ascii=False
    )
    if not actor:
        inst = settings.get_installation(session)
        actor = (inst.officer or inst.unit_code) if inst is not None else ""
    session.add(
        AuditEvent(actor=actor[:120], action=action, entity="trust_peers",
                   entity_id=peer["key_id"], unit_code=peer["unit"], after=after)
    )  # fmt: skip


def reason_text(reason: str) -> str:
    """Why a bundle was kept aside, in a few words (the full message says what to do)."""
    labels = {
        "unknown_sender": _("sender not confirmed"),
        "new_key": _("new key not announced"),
        "announcement": _("forged key announcement"),
        "revoked": _("revoked key"),
        "recipient": _("sealed for another computer"),
        "signature": _("signature does not match"),
        "unsigned": _("not signed"),
        "copied": _("copied database"),
        "ack_scope": _("speaks for another computer"),
    }
    return labels.get(reason, _("refused"))


def _kept_status(session: Session, row: QuarantinedBundle) -> tuple[str, str]:
    """(the sender's fingerprint, its status here: trusted, revoked, unknown or "")."""
    keys = trust.sender_keys(bytes(row.data))
    if keys is None:
        return "", ""
    return keys.fingerprint, trust.lookup(session, row.sender_unit, keys)


def quarantine_list(session: Session) -> list[dict[str, Any]]:
    """The bundles refused and kept aside, newest first: sender (code, name, fingerprint and
    whether its key is trusted now), when, why (a short reason and the full message)."""
    out = []
    for q in trust.quarantined(session):
        fingerprint, status = _kept_status(session, q)
        out.append(
            {
                "id": q.id,
                "file": q.file_name,
                "reason": q.reason,
                "reason_text": reason_text(q.reason),
                "message": q.message,
                "sender_unit": q.sender_unit,
                "sender_name": _unit_name(session, q.sender_unit),
                "fingerprint": fingerprint,
                "sender_status": status,
                "received_at": q.received_at.isoformat(sep="T"),
            }
        )
    return out


def trust_kept_sender(
    session: Session, bundle_id: int, fingerprint: str, actor: str = ""
) -> dict[str, Any]:
    """Trust the keys a kept-aside bundle was signed with, as its sender unit's, once the
    fingerprint its officer reads over the phone matches (as a registration file would)."""
    _require_admin(session)
    try:
        row = trust.kept_aside(session, bundle_id)
        keys = trust.sender_keys(bytes(row.data))
        if keys is None or not row.sender_unit:
            raise trust.TrustError("bad_file")
        peer = _peer(session, trust.trust_keys(session, row.sender_unit, keys, fingerprint))
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    _audit(session, "trust-add", peer, actor)
    return peer


def retry_kept(
    session: Session, bundle_id: int, me: sync.Me | None = None, now: dt.datetime | None = None
) -> ImportReport:
    """Import a kept-aside bundle again, through the same path as a file chosen by hand; once
    merged it leaves the list. Refused again: ImportRefused, the list says the new reason."""
    try:
        row = trust.kept_aside(session, bundle_id)
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc
    name = Path(row.file_name).name or "bundle.coopdesk"
    data = bytes(row.data)
    with tempfile.TemporaryDirectory(prefix="coopdesk-retry-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = sync.import_bundle(session, path, me, now)
    trust.drop_kept(session, bundle_id)
    return report


def drop_kept(session: Session, bundle_id: int) -> None:
    """Delete a bundle kept aside (the officer has seen it and does not want it)."""
    _require_admin(session)
    try:
        trust.drop_kept(session, bundle_id)
    except trust.TrustError as exc:
        raise TrustRefused(_message(exc)) from exc


def sent_bundles(session: Session, limit: int = 200) -> list[dict[str, Any]]:
    """The bundles sent from here, newest first, each with its recipient's signed receipt:
    when the recipient merged it, or None while no bundle of its has said so yet."""
    receipts = trust.receipts_by_bundle(session)
    rows = session.scalars(
        select(SyncOutgoing).order_by(SyncOutgoing.created_at.desc(), SyncOutgoing.id.desc())
    ).all()[:limit]
    out = []
    for row in rows:
        receipt = receipts.get(row.bundle_id)
        out.append(
            {
                "recipient_unit": row.recipient_unit,
                "recipient_name": _unit_name(session, row.recipient_unit),
                "seq": row.seq,
                "bundle_id": row.bundle_id,
                "created_at": row.created_at.isoformat(sep="T"),
                "records": row.records,
                "merged_at": receipt.merged_at.isoformat(sep="T") if receipt else None,
            }
        )
    return out


def receipt_text(sent: dict[str, Any]) -> str:
    """A sent bundle's receipt in the officer's words."""
    if sent["merged_at"] is None:
        return _("not confirmed by {unit} yet").format(unit=sent["recipient_name"])
    when = dt.datetime.fromisoformat(sent["merged_at"]).strftime("%d/%m/%Y %H:%M")
    return _("received and merged by {unit} on {date}").format(
        unit=sent["recipient_name"], date=when
    )
