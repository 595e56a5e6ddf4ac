"""Keys made, unlocked, exchanged by registration file, revoked; refused bundles kept aside."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.db.engine import session_scope
from coopdesk.security.passwords import KdfParams
from coopdesk.sync import bundle, envelope, trust
from coopdesk.sync.trust import TrustError

CHEAP = KdfParams(memory_cost=1024, iterations=1, lanes=1)
NOW = dt.datetime(2026, 11, 20, 9, 0)
PASSWORD = "mật khẩu dài"


@pytest.fixture(autouse=True)
def _fresh_keyring():
    trust.forget_unlocked()
    yield
    trust.forget_unlocked()


def test_identity_unlocks_with_password_or_recovery_code_only(engine) -> None:
    with session_scope(engine) as s:
        with pytest.raises(TrustError) as refused:
            trust.unlocked(s)
        assert refused.value.kind == "no_identity"
        with pytest.raises(TrustError):
            trust.create_identity(s, "short", params=CHEAP)
        code = trust.create_identity(s, PASSWORD, params=CHEAP, now=NOW)
    trust.forget_unlocked()
    with session_scope(engine) as s:
        with pytest.raises(TrustError) as refused:
            trust.unlocked(s)
        assert refused.value.kind == "locked"
        with pytest.raises(TrustError) as refused:
            trust.unlock(s, "mật khẩu sai")
        assert refused.value.kind == "wrong_secret"
        signer = trust.unlock(s, code)
        assert trust.unlocked(s)[0] == signer
        trust.forget_unlocked()
        assert trust.unlock(s, PASSWORD).public == signer.public


def test_registration_trusts_only_a_matching_fingerprint_then_revoke(engine) -> None:
    with session_scope(engine) as s:
        trust.create_identity(s, PASSWORD, params=CHEAP, now=NOW)
        data = trust.registration(s, "03408", "Lò Thị Mai", "CoopDesk 1.0")
        reg = trust.read_registration(data)
        assert len(data) < 400 and reg.officer == "Lò Thị Mai"
        with pytest.raises(TrustError) as refused:
            trust.register(s, reg, "1234 5678 9012 3456 7890")
        assert refused.value.kind == "mismatch"
        assert trust.lookup(s, "03408", reg.keys) == "unknown"
        trust.register(s, reg, reg.keys.fingerprint.replace(" ", "-"), now=NOW)
        assert trust.lookup(s, "03408", reg.keys) == "trusted"
        assert trust.lookup(s, "12", reg.keys) == "unknown"  # the same keys claiming the province
        assert trust.recipient_keys(s, "03408") == [reg.keys]
        listed = [trust.describe_peer(p) for p in trust.peers(s)]
        assert [(p["unit"], p["status"], p["fingerprint"]) for p in listed] == [
            ("03408", "trusted", reg.keys.fingerprint)
        ]
        trust.revoke(s, reg.keys.fingerprint)
        assert trust.lookup(s, "03408", reg.keys) == "revoked"
        assert trust.recipient_keys(s, "03408") == []


def test_a_broken_registration_file_is_refused(engine) -> None:
    for data in (b"", b"{}", b'{"kind":"coopdesk-registration"}', b"x" * 10_000, b"\xff"):
        with pytest.raises(TrustError) as refused:
            trust.read_registration(data)
        assert refused.value.kind == "bad_file"


def test_a_revoked_sender_is_refused_and_kept_aside(engine) -> None:
    with session_scope(engine) as s:
        trust.create_identity(s, PASSWORD, params=CHEAP, now=NOW)
        me, mine = trust.unlocked(s)
        laptop = trust.Identity.generate()
        reg = trust.Registration("03408", "Lò Thị Mai", "CoopDesk 1.0", laptop.public)
        trust.register(s, reg, laptop.public.fingerprint)
        trust.revoke(s, laptop.public.key_id)
        sealed = envelope.seal(
            bundle.encode({"seq": 1}, {"records": []}),
            sender=laptop, sender_unit="03408", recipient_unit="12", recipient=me.public,
        )  # fmt: skip
        with pytest.raises(envelope.SealError) as refused:
            envelope.open_sealed(
                sealed, mine=mine, trust=lambda u, k: trust.lookup(s, u, k), allow_unconfirmed=True
            )
        assert refused.value.kind == "revoked"
        for _ in range(2):  # the same file twice is kept once
            trust.quarantine(
                s, sealed, file_name="goi.coopdesk", reason="revoked", message="…",
                sender_unit="03408", now=NOW,
            )  # fmt: skip
        kept = trust.quarantined(s)
        assert [(q.reason, q.sender_unit, bytes(q.data)) for q in kept] == [
            ("revoked", "03408", sealed)
        ]


def test_only_demo_keys_are_taken_for_a_demos(engine) -> None:
    with session_scope(engine) as s:
        assert not trust.has_demo_keys(s, "03408")  # no keys at all
        trust.create_identity(s, PASSWORD, params=CHEAP)
        assert not trust.has_demo_keys(s, "03408")
        trust.create_identity(s, PASSWORD, params=CHEAP, identity=trust.demo_identity("03408"))
        assert trust.has_demo_keys(s, "03408") and not trust.has_demo_keys(s, "12")
