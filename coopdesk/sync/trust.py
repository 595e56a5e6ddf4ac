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

from coopdesk.db.models import (
    QuarantinedBundle,
    SyncOutgoing,
    TrustIdentity,
    TrustPeer,
    TrustReceipt,
    TrustReplica,
)
from coopdesk.security import passwords
from coopdesk.sync import canonical
from coopdesk.sync.bundle import BundleError
from coopdesk.sync.envelope import MAX_ANNOUNCEMENTS, MAX_RECIPIENTS, Opened, routing_of
from coopdesk.sync.identity import (
    Identity,
    PublicKeys,
    announce,
    same_fingerprint,
    seal_private,
    unseal_private,
)

# The password of every demo installation's keys (`coopdesk demo`, `coopdesk --demo`) and
# accounts: a demo's keys and its administrator open by themselves.
DEMO_PASSWORD = "coopdesk-demo"

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
    code: str | None = None,
) -> str:
    """New key pairs for this installation (older ones retire); the recovery code to print.
    `identity`: given keys instead of new random ones (the demo's, derived from its unit);
    `code`: a recovery code made already (setup's one code for the keys and the accounts)."""
    if passwords.password_too_short(password):
        raise TrustError("weak_password")
    identity = identity or Identity.generate()
    code = code or passwords.new_recovery_code()
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
    row.status, row.since, row.changed_at, row.replaced_by = "trusted", _now(now), None, None
    session.flush()
    return row


def revoke(
    session: Session, key_id_or_fingerprint: str, now: dt.datetime | None = None
) -> TrustPeer:
    """Stop trusting a peer's keys (a lost laptop): its later bundles are refused."""
    wanted = key_id_or_fingerprint.replace(" ", "").replace("-", "")
    rows = list(session.scalars(select(TrustPeer)))
    for row in rows:
        if wanted in (row.key_id, public_of(row).fingerprint.replace(" ", "")):
            # the keys it replaced lived on the same computer: revoked with it
            gone = {row.key_id}
            for _ in range(len(rows)):
                gone |= {r.key_id for r in rows if r.replaced_by in gone}
            for each in rows:
                if each.key_id in gone:
                    each.status, each.changed_at = "revoked", _now(now)
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
    # a replaced key still opens what it signed before its successor was announced
    usable = row.status in ("trusted", "replaced")
    return "trusted" if usable and row.unit_code == unit_code else "unknown"


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


# --- new keys: rotation, announcements, the keys each replica speaks with ----------------------


def rotate(
    session: Session, password: str, unit_code: str, *, mode: str = "replace",
    params: passwords.KdfParams | None = None, now: dt.datetime | None = None,
) -> str:  # fmt: skip
    """New keys for this installation, announced by the current ones (opened with
    `password`, which also wraps the new ones); the new recovery code. The next bundles carry
    the announcement, so their recipients take the new keys without a registration file."""
    old = unlock(session, password)
    code = create_identity(session, password, params=params, now=now)
    row = current_row(session)
    assert row is not None
    row.announcement = canonical.dumps(announce(old, public_of(row), unit_code, mode))
    session.flush()
    return code


def announcements(session: Session) -> list[dict[str, str]]:
    """The current keys' announcement chain, oldest first (at most MAX_ANNOUNCEMENTS)."""
    rows = {r.key_id: r for r in session.scalars(select(TrustIdentity))}
    row = current_row(session)
    chain: list[dict[str, str]] = []
    while row is not None and row.announcement and len(chain) < MAX_ANNOUNCEMENTS:
        link = canonical.loads(row.announcement)
        chain.insert(0, link)
        old = PublicKeys(base64.b64decode(link["old_sign"]), base64.b64decode(link["old_box"]))
        row = rows.get(old.key_id)
    return chain


def accept_announced(session: Session, opened: Opened, now: dt.datetime | None = None) -> None:
    """Trust the new keys a merged bundle was signed with, announced by a key trusted here;
    a replaced key stays able to open what it signed before ("replaced")."""
    if not opened.follows:
        return
    first = session.get(TrustPeer, opened.follows[0].old.key_id)
    officer = first.officer if first is not None else ""
    for link in opened.follows:
        old = session.get(TrustPeer, link.old.key_id)
        if old is not None and link.mode == "replace" and old.status == "trusted":
            old.status, old.changed_at, old.replaced_by = "replaced", _now(now), link.new.key_id
        new = session.get(TrustPeer, link.new.key_id)
        if new is None:
            new = TrustPeer(key_id=link.new.key_id, sign_public=link.new.sign,
                            box_public=link.new.box)  # fmt: skip
            session.add(new)
        new.unit_code, new.officer, new.app_version = opened.sender_unit, officer, ""
        new.status, new.since, new.changed_at = "trusted", _now(now), None
    session.flush()


def replica_key(session: Session, replica: str) -> TrustReplica | None:
    return session.get(TrustReplica, replica)


def _follows(session: Session, newer: str, older: str) -> bool:
    """Whether key `newer` took the place of key `older` here, through announced changes."""
    key, seen = session.get(TrustPeer, older), set()
    while key is not None and key.replaced_by and key.key_id not in seen:
        if key.replaced_by == newer:
            return True
        seen.add(key.key_id)
        key = session.get(TrustPeer, key.replaced_by)
    return False


def speaks_for(session: Session, replica: str, opened: Opened) -> bool:
    """Whether a bundle signed as `opened` may speak for `replica` (its acknowledgements and
    the replicas it retired): the replica was never seen yet, or was seen with these keys, or
    with keys of the same chain of announced changes (older or newer)."""
    bound = session.get(TrustReplica, replica)
    if bound is None:
        return True
    signer = opened.sender.key_id
    return (
        bound.key_id == signer
        or any(link.old.key_id == bound.key_id for link in opened.follows)
        or _follows(session, signer, bound.key_id)
        or _follows(session, bound.key_id, signer)
    )


def bind_replica(
    session: Session, replica: str, opened: Opened, now: dt.datetime | None = None
) -> None:
    """Remember the keys `replica` speaks with (the newest, after an announced change)."""
    row = session.get(TrustReplica, replica)
    signer = opened.sender.key_id
    if row is None:
        session.add(TrustReplica(replica_id=replica[:64], key_id=signer,
                                 unit_code=opened.sender_unit, first_seen=_now(now)))  # fmt: skip
    elif _follows(session, signer, row.key_id):
        row.key_id = signer
    session.flush()


def keep_receipts(
    session: Session, receipts: Any, sender_unit: str, own_replicas: set[str],
    now: dt.datetime | None = None,
) -> int:  # fmt: skip
    """The receipts a merged bundle from `sender_unit` gives of bundles sent from here to it
    (signed with the bundle); how many are new."""
    if not isinstance(receipts, list):
        return 0
    sent: dict[str, int] = {
        bundle_id: seq
        for bundle_id, seq in session.execute(
            select(SyncOutgoing.bundle_id, SyncOutgoing.seq).where(
                SyncOutgoing.recipient_unit == sender_unit
            )
        )
    }
    added = 0
    for receipt in receipts:
        bundle_id = receipt.get("bundle_id") if isinstance(receipt, dict) else None
        if bundle_id not in sent or receipt.get("sender_replica") not in own_replicas:
            continue
        if session.get(TrustReceipt, bundle_id) is None:
            merged = dt.datetime.fromisoformat(str(receipt["imported_at"]))
            session.add(TrustReceipt(bundle_id=bundle_id, recipient_unit=sender_unit,
                                     seq=sent[bundle_id], merged_at=merged,
                                     received_at=_now(now)))  # fmt: skip
            added += 1
    session.flush()
    return added


def receipts_by_bundle(session: Session) -> dict[str, TrustReceipt]:
    return {r.bundle_id: r for r in session.scalars(select(TrustReceipt))}


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
