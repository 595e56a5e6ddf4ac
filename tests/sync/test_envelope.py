"""A sealed bundle opens only for its recipient, from a trusted sender, untouched."""

from __future__ import annotations

import pytest

from coopdesk.security.passwords import KdfParams, WrongSecret, new_recovery_code
from coopdesk.sync import bundle, envelope, identity
from coopdesk.sync.envelope import SealError
from coopdesk.sync.identity import Identity, PublicKeys

CHEAP = KdfParams(memory_cost=1024, iterations=1, lanes=1)
INNER = bundle.encode(
    {"sender": {"unit": "03408", "replica": "r-secret", "install": "i-secret"}, "seq": 1},
    {"records": [{"t": "persons", "d": {"full_name": "Lò Thị Mai", "phone": "0912345678"}}]},
)


@pytest.fixture
def keys() -> tuple[Identity, Identity]:
    return Identity.generate(), Identity.generate()


def _sealed(commune: Identity, province: Identity) -> bytes:
    return envelope.seal(
        INNER, sender=commune, sender_unit="03408", recipient_unit="12", recipient=province.public
    )


def _open(data: bytes, province: Identity, trusted: PublicKeys | None, **kw) -> envelope.Opened:
    def trust(unit: str, keys: PublicKeys) -> str:
        return "trusted" if keys == trusted and unit == "03408" else "unknown"

    return envelope.open_sealed(data, mine={province.public.key_id: province}, trust=trust, **kw)


def test_round_trip_and_nothing_personal_in_clear(keys) -> None:
    commune, province = keys
    data = _sealed(commune, province)
    opened = _open(data, province, commune.public)
    assert opened.inner == INNER and opened.confirmed and opened.sender_unit == "03408"
    for secret in (b"r-secret", b"i-secret", "Lò Thị Mai".encode(), b"0912345678", b"records"):
        assert secret not in data
    # overhead: routing, the content key sealed to the recipient, the tag, the signature
    assert len(data) - len(INNER) < 450


def test_every_flipped_byte_is_refused(keys) -> None:
    commune, province = keys
    data = _sealed(commune, province)
    for pos in range(0, len(data), 7):
        flipped = bytearray(data)
        flipped[pos] ^= 0x01
        with pytest.raises(bundle.BundleError):
            _open(bytes(flipped), province, commune.public)


def test_a_forger_re_signing_with_his_own_key_is_an_unknown_sender(keys) -> None:
    commune, province = keys
    forger = Identity.generate()
    forged = envelope.seal(
        INNER, sender=forger, sender_unit="03408", recipient_unit="12", recipient=province.public
    )
    with pytest.raises(SealError) as refused:
        _open(forged, province, commune.public)
    assert refused.value.kind == "unknown_sender"
    # previewing is allowed, and says the sender is not confirmed
    assert not _open(forged, province, commune.public, allow_unconfirmed=True).confirmed


def test_claiming_another_unit_with_a_trusted_key_is_refused(keys) -> None:
    commune, province = keys
    claims_province = envelope.seal(
        INNER, sender=commune, sender_unit="12", recipient_unit="12", recipient=province.public
    )
    with pytest.raises(SealError) as refused:
        _open(claims_province, province, commune.public)
    assert refused.value.kind == "unknown_sender"


def test_for_another_recipient_revoked_and_unsigned(keys) -> None:
    commune, province = keys
    other = Identity.generate()
    data = _sealed(commune, other)
    with pytest.raises(SealError) as refused:
        _open(data, province, commune.public)
    assert refused.value.kind == "recipient"
    with pytest.raises(SealError) as refused:
        envelope.open_sealed(
            _sealed(commune, province),
            mine={province.public.key_id: province},
            trust=lambda unit, keys: "revoked",
            allow_unconfirmed=True,
        )
    assert refused.value.kind == "revoked"
    with pytest.raises(SealError) as refused:
        _open(INNER, province, commune.public)
    assert refused.value.kind == "unsigned"


def test_private_keys_open_with_password_or_recovery_code_only(keys) -> None:
    commune, _ = keys
    code = new_recovery_code()
    stored = identity.seal_private(commune, "mật khẩu dài", code, params=CHEAP)
    public = commune.public
    assert identity.unseal_private(stored, public, "mật khẩu dài").public == public
    assert identity.unseal_private(stored, public, code.replace("-", " ")).public == public
    with pytest.raises(WrongSecret):
        identity.unseal_private(stored, public, "mật khẩu sai")
    with pytest.raises(WrongSecret):  # another identity's public keys: not these private keys
        identity.unseal_private(stored, Identity.generate().public, "mật khẩu dài")


def test_fingerprint_is_digits_to_read_over_the_phone(keys) -> None:
    commune, province = keys
    fingerprint = commune.public.fingerprint
    groups = fingerprint.split(" ")
    assert len(groups) == 5 and all(len(g) == 4 and g.isdigit() for g in groups)
    assert fingerprint != province.public.fingerprint
    assert identity.same_fingerprint(fingerprint.replace(" ", "-"), commune.public)
    assert not identity.same_fingerprint(province.public.fingerprint, commune.public)


def test_the_inner_header_must_name_the_signed_sender_and_recipient(keys) -> None:
    commune, province = keys
    good = _sealed(commune, province)
    inner = bundle.decode(_open(good, province, commune.public).inner)
    assert inner.header["sender"]["unit"] == "03408"
    # a trusted commune sealing, under its own unit, a bundle whose inside claims the province
    claims = bundle.encode(
        {"sender": {"unit": "12"}, "recipient": {"unit": "12"}, "seq": 1}, {"records": []}
    )
    forged = envelope.seal(
        claims, sender=commune, sender_unit="03408", recipient_unit="12", recipient=province.public
    )

    def trust(unit: str, keys: PublicKeys) -> str:
        return "trusted" if keys == commune.public and unit == "03408" else "unknown"

    mine = {province.public.key_id: province}
    with pytest.raises(SealError) as refused:
        envelope.open_bundle(forged, mine=mine, trust=trust)
    assert refused.value.kind == "signature"
    honest = bundle.encode(
        {"sender": {"unit": "03408"}, "recipient": {"unit": "12"}, "seq": 1}, {"records": []}
    )
    sealed = envelope.seal(
        honest, sender=commune, sender_unit="03408", recipient_unit="12", recipient=province.public
    )
    b, opened = envelope.open_bundle(sealed, mine=mine, trust=trust)
    assert b.header["seq"] == 1 and opened.confirmed
