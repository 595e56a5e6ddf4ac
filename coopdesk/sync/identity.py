"""An installation's identity: an Ed25519 signing key and an X25519 key, kept under a password.

The private keys are stored wrapped twice (coopdesk.security.passwords): under the officer's
password and under a printed recovery code, either of which opens them. The fingerprint is
20 digits in groups of four, drawn from both public keys, for two officers to read over the
phone before trusting each other's bundles.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from coopdesk.security import passwords

FINGERPRINT_DIGITS = 20
_AAD = b"coopdesk-identity-v1:"


@dataclass(frozen=True)
class PublicKeys:
    sign: bytes  # Ed25519, raw 32 bytes
    box: bytes  # X25519, raw 32 bytes

    @property
    def key_id(self) -> str:
        """A short stable id of these keys (hex), as named in a bundle's clear header."""
        return passwords.digest_digits(b"id" + self.sign + self.box, 30)

    @property
    def fingerprint(self) -> str:
        digits = passwords.digest_digits(b"fp" + self.sign + self.box, FINGERPRINT_DIGITS)
        return passwords.format_groups(digits, 4, " ")

    def verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign)

    def box_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.box)


@dataclass(frozen=True)
class Identity:
    signer: Ed25519PrivateKey
    box: X25519PrivateKey

    @classmethod
    def generate(cls) -> Identity:
        return cls(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())

    @property
    def public(self) -> PublicKeys:
        raw = (Encoding.Raw, PublicFormat.Raw)
        return PublicKeys(
            self.signer.public_key().public_bytes(*raw), self.box.public_key().public_bytes(*raw)
        )

    def private_bytes(self) -> bytes:
        return self.signer.private_bytes_raw() + self.box.private_bytes_raw()

    @classmethod
    def from_private_bytes(cls, raw: bytes) -> Identity:
        if len(raw) != 64:
            raise passwords.BadWrap("identity")
        return cls(
            Ed25519PrivateKey.from_private_bytes(raw[:32]),
            X25519PrivateKey.from_private_bytes(raw[32:]),
        )


def same_fingerprint(typed: str, keys: PublicKeys) -> bool:
    """Whether what an officer typed is this fingerprint (spaces and dashes ignored)."""
    digits = "".join(ch for ch in typed if not ch.isspace() and ch not in "-.")
    return digits == keys.fingerprint.replace(" ", "")


def seal_private(
    identity: Identity,
    password: str,
    recovery_code: str,
    params: passwords.KdfParams = passwords.DEFAULT_PARAMS,
) -> dict[str, Any]:
    """The private keys wrapped under the password and, separately, the recovery code."""
    aad = _AAD + identity.public.key_id.encode()
    secret = identity.private_bytes()
    return {
        "password": passwords.wrap(password, secret, aad=aad, params=params),
        "recovery": passwords.wrap_with_code(recovery_code, secret, aad=aad),
    }


def unseal_private(stored: dict[str, Any], public: PublicKeys, secret: str) -> Identity:
    """The identity, opened with the password or the recovery code; WrongSecret otherwise."""
    aad = _AAD + public.key_id.encode()
    which = "password"
    try:
        passwords.normalize_recovery_code(secret)
        which = "recovery"
    except passwords.WrongSecret:
        pass
    identity = Identity.from_private_bytes(passwords.unwrap(secret, stored[which], aad=aad))
    if identity.public != public:
        raise passwords.WrongSecret
    return identity


# --- new keys announced by the old ones ------------------------------------------------------

_ANNOUNCE = b"coopdesk-key-announcement-v1:"
# "replace": the new keys take the old ones' place (`coopdesk keys rotate`); "add": a second
# computer of the unit, set up from a copy of the database (`coopdesk reidentify`).
ANNOUNCE_MODES = ("replace", "add")


def _announced_bytes(unit: str, mode: str, old: PublicKeys, new: PublicKeys) -> bytes:
    return b"".join(
        (_ANNOUNCE, unit.encode(), b":", mode.encode(), b":", old.sign, old.box, new.sign, new.box)
    )


def announce(old: Identity, new: PublicKeys, unit: str, mode: str) -> dict[str, str]:
    """`new` announced by `old` for `unit`: a link that anyone trusting `old` can check."""
    keys = old.public
    signature = old.signer.sign(_announced_bytes(unit, mode, keys, new))
    return {
        "mode": mode,
        "old_sign": _b64(keys.sign),
        "old_box": _b64(keys.box),
        "new_sign": _b64(new.sign),
        "new_box": _b64(new.box),
        "sig": base64.b64encode(signature).decode("ascii"),
    }


@dataclass(frozen=True)
class Link:
    """A checked announcement: `old` vouches for `new` for `unit`."""

    mode: str
    old: PublicKeys
    new: PublicKeys


def check_link(link: Any, unit: str) -> Link:
    """The announcement, its signature by the old keys checked; ValueError otherwise."""
    fields = ("mode", "old_sign", "old_box", "new_sign", "new_box", "sig")
    if not isinstance(link, dict) or not all(isinstance(link.get(f), str) for f in fields):
        raise ValueError("announcement shape")
    if link["mode"] not in ANNOUNCE_MODES:
        raise ValueError("announcement mode")
    try:
        old = PublicKeys(_unb64(link["old_sign"]), _unb64(link["old_box"]))
        new = PublicKeys(_unb64(link["new_sign"]), _unb64(link["new_box"]))
        signature = base64.b64decode(link["sig"], validate=True)
        old.verifier().verify(signature, _announced_bytes(unit, link["mode"], old, new))
    except (InvalidSignature, binascii.Error) as exc:
        raise ValueError("announcement signature") from exc
    return Link(link["mode"], old, new)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    raw = base64.b64decode(text, validate=True)
    if len(raw) != 32:
        raise ValueError("key length")
    return raw
