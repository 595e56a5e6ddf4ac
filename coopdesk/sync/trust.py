"""The trust list and this installation's keys, as stored in the database (models.trust).

`create_identity` makes the key pairs and returns the recovery code to print; `unlock` opens
the private keys with the password (or recovery code) and keeps them in memory for the run;
`registration` and `register` exchange public keys through a small file whose fingerprint
the two officers compare over the phone; `lookup` answers the envelope's question about a
sender's keys; `quarantine` keeps a refused bundle's bytes with why.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import QuarantinedBundle, TrustIdentity, TrustPeer
from coopdesk.security import passwords
from coopdesk.sync import canonical
from coopdesk.sync.bundle import BundleError
from coopdesk.sync.envelope import MAX_RECIPIENTS, routing_of
from coopdesk.sync.identity import (
    Identity,
    PublicKeys,
    same_fingerprint,
    seal_private,
    unseal_private,
)

REGISTRATION_KIND = "coopdesk-registration"
MAX_REGISTRATION = 8 * 1024

# The Argon2id cost of new keys' password wrap (tests lower it; production keeps the default).
KDF_PARAMS = passwords.DEFAULT_PARAMS

# Unlocked identities of this run, by key id (the GUI asks for the password once per run).
_UNLOCKED: dict[str, Identity] = {}


class TrustError(ValueError):
    """A trust operation refused; `kind`: no_identity, locked, wrong_secret, mismatch, bad_file,
    unknown_peer, unknown_bundle, revoked_key."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def _now(now: dt.datetime | None) -> dt.datetime:
    return (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)


def current_row(session: Session) -> TrustIdentity | None:
    return session.scalars(
        select(TrustIdentity)
        .where(TrustIdentity.retired_at.is_(None))
        .order_by(TrustIdentity.created_at.desc(), TrustIdentity.key_id)
        .limit(1)
    ).first()


def public_of(row: TrustIdentity | TrustPeer) -> PublicKeys:
    return PublicKeys(bytes(row.sign_public), bytes(row.box_public))


def create_identity(
    session: Session,
    password: str,
    *,
    params: passwords.KdfParams | None = None,
    now: dt.datetime | None = None,
    identity: Identity | None = None,
) -> str:
    """New key pairs for this installation (older ones retire); the recovery code to print.
    `identity`: given keys instead of new random ones (the demo's, derived from its unit)."""
    if passwords.password_too_short(password):
        raise TrustError("weak_password")
    identity = identity or Identity.generate()
    code = passwords.new_recovery_code()
    when = _now(now)
    old = current_row(session)
    if old is not None:
        old.retired_at = when
    keys = identity.public
    session.add(
        TrustIdentity(
            key_id=keys.key_id,
            sign_public=keys.sign,
            box_public=keys.box,
            wrapped=canonical.dumps(seal_private(identity, password, code, params or KDF_PARAMS)),
            created_at=when,
        )
    )
    session.flush()
    _UNLOCKED[keys.key_id] = identity
    return code


def unlock(session: Session, secret: str) -> Identity:
    """Open every key pair of this installation with the password or recovery code."""
    rows = list(session.scalars(select(TrustIdentity)))
    if not rows:
        raise TrustError("no_identity")
    opened: dict[str, Identity] = {}
    for row in rows:
        try:
            stored = canonical.loads(row.wrapped)
            opened[row.key_id] = unseal_private(stored, public_of(row), secret)
        except (passwords.WrongSecret, passwords.BadWrap, canonical.CanonicalError):
            continue
    current = current_row(session)
    if current is None or current.key_id not in opened:
        raise TrustError("wrong_secret")
    _UNLOCKED.update(opened)
    return opened[current.key_id]


def unlocked(session: Session) -> tuple[Identity, dict[str, Identity]]:
    """(the signing identity, every unlocked identity by key id); TrustError when locked."""
    current = current_row(session)
    if current is None:
        raise TrustError("no_identity")
    if current.key_id not in _UNLOCKED:
        raise TrustError("locked")
    rows = session.scalars(select(TrustIdentity.key_id))
    return _UNLOCKED[current.key_id], {k: _UNLOCKED[k] for k in rows if k in _UNLOCKED}


@dataclass(frozen=True)
class Registration:
    unit_code: str
    officer: str
    app_version: str
    keys: PublicKeys


def registration(session: Session, unit_code: str, officer: str, app_version: str) -> bytes:
    """The registration file's bytes: unit, officer, public keys, app version."""
    row = current_row(session)
    if row is None:
        raise TrustError("no_identity")
    keys = public_of(row)
    return canonical.dumps_bytes(
        {
            "kind": REGISTRATION_KIND,
            "unit": unit_code,
            "officer": officer,
            "app": app_version,
            "sign": keys.sign.hex(),
            "box": keys.box.hex(),
        }
    )


def read_registration(data: bytes) -> Registration:
    if len(data) > MAX_REGISTRATION:
        raise TrustError("bad_file")
    try:
        raw = canonical.loads(data)
        fields = [raw[k] for k in ("unit", "officer", "app", "sign", "box")]
        if raw.get("kind") != REGISTRATION_KIND or not all(isinstance(f, str) for f in fields):
            raise TrustError("bad_file")
        keys = PublicKeys(bytes.fromhex(raw["sign"]), bytes.fromhex(raw["box"]))
    except (canonical.CanonicalError, KeyError, TypeError, ValueError) as exc:
        raise TrustError("bad_file") from exc
    if len(keys.sign) != 32 or len(keys.box) != 32 or not 0 < len(raw["unit"]) <= 12:
        raise TrustError("bad_file")
    return Registration(raw["unit"], raw["officer"][:200], raw["app"][:40], keys)


def register(
    session: Session, reg: Registration, typed_fingerprint: str, now: dt.datetime | None = None
) -> TrustPeer:
    """Trust `reg`'s keys once the fingerprint read over the phone matches (TrustError)."""
    if not same_fingerprint(typed_fingerprint, reg.keys):
        raise TrustError("mismatch")
    row = session.get(TrustPeer, reg.keys.key_id)
    if row is None:
        row = TrustPeer(key_id=reg.keys.key_id, sign_public=reg.keys.sign, box_public=reg.keys.box)
        session.add(row)
    row.unit_code, row.officer, row.app_version = reg.unit_code, reg.officer, reg.app_version
    row.status, row.since, row.changed_at = "trusted", _now(now), None
    session.flush()
    return row


def revoke(
    session: Session, key_id_or_fingerprint: str, now: dt.datetime | None = None
) -> TrustPeer:
    """Stop trusting a peer's keys (a lost laptop): its later bundles are refused."""
    wanted = key_id_or_fingerprint.replace(" ", "").replace("-", "")
    for row in session.scalars(select(TrustPeer)):
        if wanted in (row.key_id, public_of(row).fingerprint.replace(" ", "")):
            row.status, row.changed_at = "revoked", _now(now)
            session.flush()
            return row
    raise TrustError("unknown_peer", key_id_or_fingerprint)


def lookup(session: Session, unit_code: str, keys: PublicKeys) -> str:
    """ "trusted" only for keys registered for that unit; "revoked"; else "unknown"."""
    row = session.get(TrustPeer, keys.key_id)
    if row is None or public_of(row) != keys:
        return "unknown"
    if row.status == "revoked":
        return "revoked"
    return "trusted" if row.status == "trusted" and row.unit_code == unit_code else "unknown"


def has_trusted_keys(session: Session, unit_code: str) -> bool:
    """Whether some key of `unit_code` is trusted here (a new one then needs announcing)."""
    found = session.scalar(
        select(TrustPeer.key_id)
        .where(TrustPeer.unit_code == unit_code, TrustPeer.status == "trusted")
        .limit(1)
    )
    return found is not None


def trust_keys(
    session: Session, unit_code: str, keys: PublicKeys, typed_fingerprint: str,
    now: dt.datetime | None = None,
) -> TrustPeer:  # fmt: skip
    """Trust the keys a kept-aside bundle was signed with, as `unit_code`'s, once the
    fingerprint read over the phone matches; a revoked key stays revoked (TrustError)."""
    row = session.get(TrustPeer, keys.key_id)
    if row is not None and row.status == "revoked":
        raise TrustError("revoked_key", keys.fingerprint)
    officer = row.officer if row is not None else ""
    return register(session, Registration(unit_code, officer, "", keys), typed_fingerprint, now)


def recipient_keys(session: Session, unit_code: str) -> list[PublicKeys]:
    """The keys to seal a bundle for `unit_code` to: every trusted key of that unit (one per
    computer it works on), the most recently trusted first."""
    rows = session.scalars(
        select(TrustPeer)
        .where(TrustPeer.unit_code == unit_code, TrustPeer.status == "trusted")
        .order_by(TrustPeer.since.desc(), TrustPeer.key_id)
        .limit(MAX_RECIPIENTS)
    )
    return [public_of(row) for row in rows]


def peers(session: Session) -> list[TrustPeer]:
    return list(session.scalars(select(TrustPeer).order_by(TrustPeer.unit_code, TrustPeer.since)))


def quarantine(
    session: Session, data: bytes, *, file_name: str, reason: str, message: str,
    sender_unit: str, now: dt.datetime | None = None,
) -> QuarantinedBundle:  # fmt: skip
    """Keep a refused bundle's bytes aside with why (the same bytes are kept once)."""
    digest = hashlib.sha256(data).hexdigest()
    row = session.scalars(
        select(QuarantinedBundle).where(QuarantinedBundle.sha256 == digest)
    ).first()
    if row is None:
        row = QuarantinedBundle(data=data, sha256=digest)
        session.add(row)
    row.file_name, row.reason, row.message = file_name[:255], reason[:20], message
    row.sender_unit, row.received_at = sender_unit[:12], _now(now)
    session.flush()
    return row


def quarantined(session: Session) -> list[QuarantinedBundle]:
    return list(
        session.scalars(
            select(QuarantinedBundle).order_by(
                QuarantinedBundle.received_at.desc(), QuarantinedBundle.id.desc()
            )
        )
    )


def kept_aside(session: Session, bundle_id: int) -> QuarantinedBundle:
    """One bundle kept aside; TrustError unknown_bundle."""
    row = session.get(QuarantinedBundle, bundle_id)
    if row is None:
        raise TrustError("unknown_bundle", str(bundle_id))
    return row


def drop_kept(session: Session, bundle_id: int) -> None:
    session.delete(kept_aside(session, bundle_id))
    session.flush()


def sender_keys(data: bytes) -> PublicKeys | None:
    """The keys a sealed bundle says it was signed with (None when they cannot be read)."""
    try:
        sender = routing_of(data)["sender"]
        return PublicKeys(base64.b64decode(sender["sign"]), base64.b64decode(sender["box"]))
    except BundleError:
        return None


def demo_identity(unit_code: str) -> Identity:
    """The demo keys of a unit (`coopdesk demo`): derived from its code, so anyone can make
    them; only demo databases hold them."""
    raw = b"".join(
        hashlib.sha256(f"coopdesk-demo-{part}:{unit_code}".encode()).digest()
        for part in ("sign", "box")
    )
    return Identity.from_private_bytes(raw)


def has_demo_keys(session: Session, unit_code: str) -> bool:
    """Whether this installation's current keys are the demo keys of its unit."""
    row = current_row(session)
    return row is not None and public_of(row) == demo_identity(unit_code).public


def forget_unlocked() -> None:
    """Drop the keys held in memory (closing the database, or after a test)."""
    _UNLOCKED.clear()


def describe_peer(row: TrustPeer, unit_name: str = "") -> dict[str, Any]:
    return {
        "unit": row.unit_code,
        "unit_name": unit_name or row.unit_code,
        "officer": row.officer,
        "fingerprint": public_of(row).fingerprint,
        "since": row.since.isoformat(sep="T"),
        "status": row.status,
        "key_id": row.key_id,
    }
