"""Keys for test installations: an identity each (cheap Argon2id), registered with each other.

Bundles are sealed to their recipient and signed by their sender, so two test databases can
exchange bundles only once each has keys and trusts the other's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk import paths
from coopdesk.db.engine import make_engine, session_scope
from coopdesk.security.passwords import KdfParams
from coopdesk.services import settings
from coopdesk.sync import trust
from coopdesk.sync.identity import PublicKeys

CHEAP = KdfParams(memory_cost=1024, iterations=1, lanes=1)
PASSWORD = "mật khẩu thử nghiệm"


@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """New keys in this test are wrapped with a cheap Argon2id (CLI `init`, `identity`).
    `init --password-file` also makes an administrator under PASSWORD: commands that change
    records log in with it (COOPDESK_PASSWORD_FILE; the only account is the user)."""
    monkeypatch.setattr(trust, "KDF_PARAMS", CHEAP)
    password_file = tmp_path / "account-password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    monkeypatch.setenv("COOPDESK_PASSWORD_FILE", str(password_file))
    yield
    trust.forget_unlocked()


def make_identity(engine: Engine) -> PublicKeys:
    """Keys for the database (unlocked for the run); their public half."""
    with session_scope(engine) as s:
        trust.create_identity(s, PASSWORD, params=CHEAP)
        row = trust.current_row(s)
        assert row is not None
        return trust.public_of(row)


def keys_of(engine: Engine) -> PublicKeys:
    with session_scope(engine) as s:
        row = trust.current_row(s)
        assert row is not None
        return trust.public_of(row)


def register(engine: Engine, unit: str, keys: PublicKeys, officer: str = "Lò Thị Mai") -> None:
    """`engine`'s database trusts `keys` as `unit`'s (as after a matching fingerprint)."""
    reg = trust.Registration(unit, officer, "CoopDesk test", keys)
    with session_scope(engine) as s:
        trust.register(s, reg, keys.fingerprint)


def register_each_other(sites: list[tuple[Engine, str]]) -> None:
    """Every database trusts every other's current keys, under its unit."""
    keys = [keys_of(engine) for engine, _unit in sites]
    for i, (engine, _unit) in enumerate(sites):
        for j, (_other, unit) in enumerate(sites):
            if i != j:
                register(engine, unit, keys[j])


def register_folders(*data_dirs: Path) -> None:
    """Data folders made by `coopdesk init --password-file`: each trusts the others."""
    engines = [make_engine(paths.db_path(d)) for d in data_dirs]
    try:
        sites = []
        for engine in engines:
            with session_scope(engine) as s:
                inst = settings.get_installation(s)
                assert inst is not None
                sites.append((engine, inst.unit_code))
        register_each_other(sites)
    finally:
        for engine in engines:
            engine.dispose()
