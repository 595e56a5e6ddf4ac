"""An account's own key pair, so the data key is given only to the roles that may read
sensitive details (issue 13 item 2).

Each account has an X25519 key pair. Its private key is wrapped under the account's password
(`coopdesk.security.passwords`: that wrap is also how the password is checked); the data key is
sealed to its public key (HPKE: X25519, HKDF-SHA256, ChaCha20-Poly1305, as bundles are) only
for an administrator or an officer. An administrator who changes a viewer into an officer seals
the data key to the account's public key without knowing its password; changing an officer into
a viewer deletes the sealed copy, so a viewer's password opens no sensitive detail, even read
from the file with plain sqlite3.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
KEY_SIZE = 32


class BadSeal(ValueError):
    """A sealed data key that this account's private key does not open (damaged or not its)."""


def new_pair() -> tuple[bytes, str]:
    """(the raw private key, the public key as stored: base64)."""
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), _b64(private.public_key().public_bytes_raw())


def seal_for(public_key: str, secret: bytes, aad: bytes) -> str:
    """`secret` sealed to an account's public key (base64 text)."""
    public = X25519PublicKey.from_public_bytes(_unb64(public_key))
    return _b64(_SUITE.encrypt(secret, public, aad))


def open_sealed(private_key: bytes, sealed: str, aad: bytes) -> bytes:
    """The secret sealed to this account; BadSeal when it does not open."""
    try:
        private = X25519PrivateKey.from_private_bytes(private_key)
        return _SUITE.decrypt(_unb64(sealed), private, aad)
    except (InvalidTag, ValueError) as exc:
        raise BadSeal(str(exc)) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise BadSeal(f"not base64: {exc}") from None
