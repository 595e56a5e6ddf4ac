"""Opening a received bundle for import: the seal is checked before anything is parsed.

A bundle must be sealed (coopdesk.sync.envelope) for one of this installation's keys, by a
sender the trust list knows. An unconfirmed sender's bundle may be previewed, never merged;
a revoked key, another recipient, a bad signature or an old unsigned bundle are refused
before decompression, each with the officer's words.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from sqlalchemy.orm import Session

from coopdesk.db.models import Unit
from coopdesk.i18n import _
from coopdesk.sync import bundle, envelope, trust, versions
from coopdesk.sync.import_report import Refused, refusal_message

# Refusals of the seal; the bundle is kept aside (quarantine) for the officer to see.
SEAL_REFUSALS = frozenset(
    {"unsigned", "recipient", "revoked", "unknown_sender", "new_key", "announcement", "signature"}
)


def read_bytes(source: Path | bytes, limits: bundle.Limits) -> bytes:
    """The file's bytes, an oversized file refused before it is read; Refused."""
    if isinstance(source, bytes):
        return source
    try:
        size = source.stat().st_size
        if size > limits.max_file:
            raise Refused("too_large", refusal_message(bundle.BundleError("too_large")))
        with source.open("rb") as fh:
            return fh.read(limits.max_file + 1)
    except OSError as exc:
        error = bundle.BundleError("unreadable", str(exc))
        raise Refused("unreadable", refusal_message(error)) from exc


def claimed_sender(data: bytes, limits: bundle.Limits) -> str:
    """The unit the clear routing says sent the bundle ("" when it cannot be read)."""
    try:
        return str(envelope.routing_of(data, limits)["sender"]["unit"])
    except bundle.BundleError:
        return ""


def open_for_import(
    session: Session, data: bytes, *, apply: bool, limits: bundle.Limits
) -> tuple[bundle.Bundle, envelope.Opened]:
    """The bundle inside the seal, for one of this installation's keys; Refused.

    With `apply` False (a preview) an unconfirmed sender is allowed: `Opened.confirmed`."""
    try:
        envelope.routing_of(data, limits)
    except envelope.SealError as exc:
        raise Refused(exc.kind, _seal_message(session, exc)) from exc
    except bundle.BundleError as exc:
        raise Refused(exc.kind, refusal_message(exc)) from exc
    try:
        _signing, mine = trust.unlocked(session)
    except trust.TrustError as exc:
        raise Refused(exc.kind, locked_message(exc.kind)) from exc
    try:
        return envelope.open_bundle(
            data,
            mine=mine,
            trust=partial(trust.lookup, session),
            allow_unconfirmed=not apply,
            limits=limits,
        )
    except envelope.SealError as exc:
        kind = exc.kind
        if kind == "unknown_sender" and trust.has_trusted_keys(session, exc.detail):
            kind = "new_key"  # a known unit, a key its trusted key did not announce
        raise Refused(kind, _seal_message(session, exc)) from exc
    except bundle.BundleError as exc:
        raise Refused(exc.kind, refusal_message(exc)) from exc


def check_speaks_for(session: Session, b: bundle.Bundle, opened: envelope.Opened) -> None:
    """Refused ("ack_scope") when the bundle speaks for a replica (its own, or one it says it
    retired) that another computer's keys speak for here: its acknowledgements would tell
    this database what that computer holds, and could stop changes from reaching it."""
    sender = b.header.get("sender")
    replica = sender.get("replica") if isinstance(sender, dict) else None
    retired = b.body.get("retired")
    claimed = [replica, *(retired if isinstance(retired, list) else [])]
    for rid in claimed:
        if isinstance(rid, str) and not trust.speaks_for(session, rid, opened):
            unit = unit_label(session, opened.sender_unit)
            raise Refused(
                "ack_scope",
                _(
                    "This bundle from {unit} speaks for a database that another computer sends "
                    "from (it is signed with other keys than that computer's), so what it says "
                    "that computer received cannot be believed. It was refused and nothing was "
                    "changed. Ask {unit}'s officer which computer made it."
                ).format(unit=unit),
            )


def after_merge(
    session: Session, b: bundle.Bundle, opened: envelope.Opened, now: dt.datetime
) -> None:
    """Once merged: the sender's announced new keys trusted, its replica bound to them, and
    its receipts of the bundles sent from here kept (they came signed with the bundle)."""
    trust.accept_announced(session, opened, now)
    replica = b.header["sender"]["replica"]
    trust.bind_replica(session, str(replica), opened, now)
    mine = {versions.replica_id(session), *versions.retired_replicas(session)}
    trust.keep_receipts(session, b.body.get("receipts"), opened.sender_unit, mine, now)


def locked_message(kind: str) -> str:
    if kind == "no_identity":
        return _(
            "This installation has no keys yet, so it can neither open nor send bundles. "
            "Run `coopdesk identity` to make them."
        )
    return _(
        "The keys of this installation are locked: give the password (or the recovery code) "
        "to open or send bundles. Nothing was changed."
    )


def unconfirmed_message(session: Session, unit_code: str) -> str:
    """What to do before a bundle from an unconfirmed sender can be merged."""
    if trust.has_trusted_keys(session, unit_code):
        return _(
            "This bundle says it comes from {unit}, but it is signed with a new key that the "
            "key of {unit} trusted here did not announce. It can be previewed but not "
            "imported, and nothing was changed. If {unit} set up a new computer or made new "
            "keys without announcing them, ask its officer to read you the new fingerprint "
            "by phone and confirm it (Bundles kept aside, or: coopdesk registration import "
            'FILE --fingerprint "…"); otherwise the bundle may be forged.'
        ).format(unit=unit_label(session, unit_code))
    return _(
        "This bundle says it comes from {unit}, whose installation is not confirmed here "
        "yet: it can be previewed but not imported, and nothing was changed. Ask {unit} for "
        "its registration file, have its officer read you the fingerprint by phone, then "
        'run: coopdesk registration import FILE --fingerprint "…"'
    ).format(unit=unit_label(session, unit_code))


def unit_label(session: Session, code: str) -> str:
    unit = session.get(Unit, code) if code else None
    return f"{unit.name} ({code})" if unit is not None else code or "?"


def _seal_message(session: Session, error: envelope.SealError) -> str:
    unit = unit_label(session, error.detail)
    match error.kind:
        case "unsigned":
            return _(
                "This bundle is not signed (it was made by an older CoopDesk), so nobody can "
                "tell who made it. It was refused and nothing was changed: ask the sender to "
                "update CoopDesk and export it again."
            )
        case "recipient":
            return _(
                "This bundle was sealed for another installation ({unit}), not for the keys of "
                "this one, so it cannot be opened here; nothing was changed. Check that you "
                "chose the right file, or ask the sender to export it for you again."
            ).format(unit=unit)
        case "revoked":
            return _(
                "This bundle is signed with a key of {unit} that was revoked here (a lost or "
                "replaced computer). It was refused and nothing was changed."
            ).format(unit=unit)
        case "unknown_sender":
            return unconfirmed_message(session, error.detail)
        case "announcement":
            return _(
                "This bundle says {unit} made new keys, but the announcement is not signed by "
                "the key of {unit} trusted here: it may be forged. It was refused and nothing "
                "was changed; ask {unit}'s officer to read you the new fingerprint by phone."
            ).format(unit=unit)
        case "signature":
            return _(
                "The signature of this bundle does not match its content: it was changed "
                "after it was made, or it was not made by {unit}. It was refused and nothing "
                "was changed."
            ).format(unit=unit)
    return refusal_message(error)
