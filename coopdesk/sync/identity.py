"""An installation's identity: an Ed25519 signing key and an X25519 key, kept under a password.

The private keys are stored wrapped twice (coopdesk.security.passwords): under the officer's
password and under a printed recovery code, either of which opens them. The fingerprint is
20 digits in groups of four, drawn from both public keys, for two officers to read over the
phone before trusting each other's bundles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
