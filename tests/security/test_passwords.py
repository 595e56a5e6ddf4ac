"""Secrets wrapped under a password or a recovery code open only with it."""

from __future__ import annotations

import pytest

from coopdesk.security import passwords
from coopdesk.security.passwords import KdfParams

CHEAP = KdfParams(memory_cost=1024, iterations=1, lanes=1)


def test_password_wrap_opens_with_the_password_only() -> None:
    wrapped = passwords.wrap("mật khẩu dài", b"secret key bytes", aad=b"id-1", params=CHEAP)
    assert passwords.unwrap("mật khẩu dài", wrapped, aad=b"id-1") == b"secret key bytes"
    with pytest.raises(passwords.WrongSecret):
        passwords.unwrap("mật khẩu sai", wrapped, aad=b"id-1")
    with pytest.raises(passwords.WrongSecret):  # moved to another record: refused
        passwords.unwrap("mật khẩu dài", wrapped, aad=b"id-2")
    assert b"secret key bytes" not in repr(wrapped).encode()


def test_default_setting_is_rfc9106_argon2id() -> None:
    wrapped = passwords.wrap("mật khẩu dài", b"x")
    assert (wrapped["kdf"], wrapped["m"], wrapped["t"], wrapped["p"]) == ("argon2id", 65536, 3, 4)


def test_recovery_code_is_32_digits_in_groups_and_opens_its_wrap() -> None:
    code = passwords.new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and g.isdigit() for g in groups)
    wrapped = passwords.wrap_with_code(code, b"key")
    typed = " ".join(groups)  # read from paper with spaces instead of dashes
    assert passwords.unwrap(typed, wrapped) == b"key"
    other = passwords.new_recovery_code()
    assert other != code
    with pytest.raises(passwords.WrongSecret):
        passwords.unwrap(other, wrapped)
    with pytest.raises(passwords.WrongSecret):
        passwords.unwrap(code[:-1], wrapped)


def test_a_tampered_wrap_is_refused_not_crashing() -> None:
    wrapped = passwords.wrap("mật khẩu dài", b"key", params=CHEAP)
    for bad in (
        {**wrapped, "m": 10**9},  # asks for absurd memory
        {**wrapped, "t": True},
        {**wrapped, "salt": "***"},
        {**wrapped, "kdf": "md5"},
        {**wrapped, "v": 9},
        "not a dict",
    ):
        with pytest.raises(passwords.BadWrap):
            passwords.unwrap("mật khẩu dài", bad)  # type: ignore[arg-type]


def test_key_wrap_for_a_data_key() -> None:
    key = bytes(range(32))
    wrapped = passwords.wrap_with_key(key, b"data key")
    assert passwords.unwrap_with_key(key, wrapped) == b"data key"
    with pytest.raises(passwords.WrongSecret):
        passwords.unwrap_with_key(bytes(32), wrapped)


def test_groups_and_digits() -> None:
    assert passwords.format_groups("12345678", 4) == "1234-5678"
    digits = passwords.digest_digits(b"abc", 20)
    assert len(digits) == 20 and digits.isdigit()
    assert passwords.digest_digits(b"abd", 20) != digits
    assert passwords.password_too_short("1234567") and not passwords.password_too_short("12345678")
