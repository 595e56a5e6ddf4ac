"""Keys derived from a password or a recovery code, and secrets wrapped under them.

A password is stretched with Argon2id (RFC 9106's second recommended setting: 64 MiB, 3 passes,
4 lanes); a recovery code is 32 random digits (106 bits), so it needs no stretching and is
derived with HKDF-SHA256. A wrapped secret is a small JSON-ready dict (how its key was derived,
the salt, the nonce, the ChaCha20-Poly1305 ciphertext) that names its own parameters, so
stronger settings can come later and older wraps still open. Anything that must be kept under
a person's secret (an installation's private keys, an account's data key) uses `wrap` and
`unwrap`; a key held in memory can wrap further secrets with `wrap_with_key`.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_SIZE = 32
SALT_SIZE = 16
NONCE_SIZE = 12
MIN_PASSWORD_LENGTH = 8
RECOVERY_DIGITS = 32
RECOVERY_GROUP = 4
WRAP_VERSION = 1
MAX_MEMORY = 1024 * 1024  # KiB: a stored wrap asking for more than 1 GiB is refused


class WrongSecret(Exception):
    """The password or recovery code does not open this wrapped secret."""


class BadWrap(ValueError):
    """A wrapped secret that is malformed or asks for unreasonable work."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id settings; `memory_cost` in KiB."""

    memory_cost: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def to_json(self) -> dict[str, int]:
        return {"m": self.memory_cost, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_json(cls, raw: Any) -> KdfParams:
        """Parameters read back from storage, refused when they ask for absurd work."""
        if not isinstance(raw, dict):
            raise BadWrap("kdf parameters")
        values = [raw.get(k) for k in ("m", "t", "p")]
        ints = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if len(ints) != 3:
            raise BadWrap("kdf parameters")
        memory, iterations, lanes = ints
        if not (1 <= lanes <= 16 and 8 * lanes <= memory <= MAX_MEMORY and 1 <= iterations <= 64):
            raise BadWrap("kdf parameters")
        return cls(memory, iterations, lanes)


DEFAULT_PARAMS = KdfParams()


def derive(password: str, salt: bytes, params: KdfParams = DEFAULT_PARAMS) -> bytes:
    """A 32-byte key from a password (Argon2id)."""
    kdf = Argon2id(
        salt=salt,
        length=KEY_SIZE,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_cost,
    )
    return kdf.derive(password.encode("utf-8"))


def derive_from_code(code: str, salt: bytes) -> bytes:
    """A 32-byte key from a recovery code (HKDF: the code is random, not chosen)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt, info=b"coopdesk-recovery")
    return hkdf.derive(normalize_recovery_code(code).encode("ascii"))


def wrap(
    password: str, secret: bytes, *, aad: bytes = b"", params: KdfParams = DEFAULT_PARAMS
) -> dict[str, Any]:
    """`secret` encrypted under a key derived from `password`."""
    salt = secrets.token_bytes(SALT_SIZE)
    key = derive(password, salt, params)
    return {
        "kdf": "argon2id",
        **params.to_json(),
        "salt": _b64(salt),
        **wrap_with_key(key, secret, aad),
    }


def wrap_with_code(code: str, secret: bytes, *, aad: bytes = b"") -> dict[str, Any]:
    """`secret` encrypted under a key derived from a recovery code."""
    salt = secrets.token_bytes(SALT_SIZE)
    key = derive_from_code(code, salt)
    return {"kdf": "hkdf-code", "salt": _b64(salt), **wrap_with_key(key, secret, aad)}


def unwrap(secret_text: str, wrapped: dict[str, Any], *, aad: bytes = b"") -> bytes:
    """The secret, given the password (or, for a code wrap, the recovery code); WrongSecret."""
    if not isinstance(wrapped, dict):
        raise BadWrap("not a wrapped secret")
    salt = _unb64(wrapped.get("salt"), SALT_SIZE)
    match wrapped.get("kdf"):
        case "argon2id":
            key = derive(secret_text, salt, KdfParams.from_json(wrapped))
        case "hkdf-code":
            key = derive_from_code(secret_text, salt)
        case _:
            raise BadWrap("unknown key derivation")
    return unwrap_with_key(key, wrapped, aad)


def wrap_with_key(key: bytes, secret: bytes, aad: bytes = b"") -> dict[str, Any]:
    """`secret` encrypted under a 32-byte key (ChaCha20-Poly1305, random nonce)."""
    nonce = secrets.token_bytes(NONCE_SIZE)
    ciphertext = ChaCha20Poly1305(key).encrypt(nonce, secret, aad)
    return {"v": WRAP_VERSION, "nonce": _b64(nonce), "ct": _b64(ciphertext)}


def unwrap_with_key(key: bytes, wrapped: dict[str, Any], aad: bytes = b"") -> bytes:
    if wrapped.get("v") != WRAP_VERSION:
        raise BadWrap("unknown wrap version")
    nonce = _unb64(wrapped.get("nonce"), NONCE_SIZE)
    ciphertext = _unb64(wrapped.get("ct"))
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag as exc:
        raise WrongSecret from exc


def new_recovery_code() -> str:
    """32 random digits in groups of four, to print and keep: '0412-9987-…'."""
    digits = "".join(str(secrets.randbelow(10)) for _ in range(RECOVERY_DIGITS))
    return format_groups(digits, RECOVERY_GROUP)


def normalize_recovery_code(text: str) -> str:
    """The digits of a recovery code as typed (spaces, dashes and dots ignored)."""
    digits = "".join(ch for ch in text if not ch.isspace() and ch not in "-.")
    if len(digits) != RECOVERY_DIGITS or not (digits.isascii() and digits.isdigit()):
        raise WrongSecret
    return digits


def format_groups(digits: str, size: int, sep: str = "-") -> str:
    """'12345678' → '1234-5678'."""
    return sep.join(digits[i : i + size] for i in range(0, len(digits), size))


def password_too_short(password: str) -> bool:
    return len(password) < MIN_PASSWORD_LENGTH


def digest_digits(data: bytes, count: int) -> str:
    """`count` decimal digits drawn evenly from SHA-256 of `data` (for fingerprints)."""
    number = int.from_bytes(hashlib.sha256(data).digest(), "big")
    return str(number % 10**count).zfill(count)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, size: int | None = None) -> bytes:
    if not isinstance(value, str) or len(value) > 1_000_000:
        raise BadWrap("field")
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError as exc:
        raise BadWrap("field") from exc
    if size is not None and len(data) != size:
        raise BadWrap("field")
    return data
