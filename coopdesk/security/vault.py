"""The installation's data key while an account is logged in (issue 13).

Sensitive details are sealed with one 32-byte data key per installation. The key is stored only
wrapped: once under each account's password and once under the recovery code (`services.accounts`
keeps the wraps). Logging in unwraps it and calls `unlock(key)`; logging out, the idle lock and
closing the program call `lock()`. Nothing else holds the key.

`seal(data, aad)` and `open_sealed(text, aad)` turn JSON-ready data into text that can be stored
in a column, and back, with ChaCha20-Poly1305 under the key; `aad` binds a value to its place
(the table and record id), so a sealed value copied onto another record does not open.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

KEY_SIZE = 32
NONCE_SIZE = 12
PREFIX = "v1:"  # a sealed value names its format, so a later one can be told apart

_key: bytes | None = None


class VaultLocked(Exception):
    """Sensitive details were asked for while no account is logged in."""


class SealBroken(ValueError):
    """A sealed value that does not open under this installation's key (damaged or moved)."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_SIZE)


def unlock(key: bytes) -> None:
    global _key
    if len(key) != KEY_SIZE:
        raise ValueError("data key size")
    _key = key


def lock() -> None:
    global _key
    _key = None


def is_unlocked() -> bool:
    return _key is not None


def key() -> bytes:
    """The data key itself, for wrapping it under a new password (services.accounts only)."""
    if _key is None:
        raise VaultLocked
    return _key


def _cipher() -> ChaCha20Poly1305:
    if _key is None:
        raise VaultLocked
    return ChaCha20Poly1305(_key)


def seal(data: Any, aad: str) -> str:
    """`data` (JSON-ready) sealed under the data key, as text for a column."""
    nonce = secrets.token_bytes(NONCE_SIZE)
    plain = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
    box = _cipher().encrypt(nonce, plain, aad.encode())
    return PREFIX + base64.b64encode(nonce + box).decode("ascii")


def open_sealed(text: str, aad: str) -> Any:
    """The data `seal` was given; SealBroken when the text does not open here."""
    cipher = _cipher()
    if not text.startswith(PREFIX):
        raise SealBroken("format")
    try:
        raw = base64.b64decode(text[len(PREFIX) :], validate=True)
        plain = cipher.decrypt(raw[:NONCE_SIZE], raw[NONCE_SIZE:], aad.encode())
        return json.loads(plain)
    except (ValueError, InvalidTag) as exc:
        raise SealBroken("content") from exc
