"""Shared fixtures: a migrated template database copied per test, English/Vietnamese switch."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coopdesk import i18n, paths
from coopdesk.db.engine import make_engine, open_database


@pytest.fixture(scope="session")
def template_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the schema at head and the unit catalogue loaded, made once per run."""
    data_dir = tmp_path_factory.mktemp("template")
    engine = open_database(data_dir)
    from coopdesk.services import units

    units.ensure_catalogues(engine)
    engine.dispose()
    return data_dir


@pytest.fixture
def data_dir(template_data_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    return target


@pytest.fixture
def engine(data_dir: Path) -> Iterator[Engine]:
    eng = make_engine(paths.db_path(data_dir))
    yield eng
    eng.dispose()


@pytest.fixture
def make_site(template_data_dir: Path, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """`make_site(name, unit, trusted=True)`: a new installation (tests.sync.helpers.Site) with
    its own keys, which (unless `trusted` is False) trusts every site made before and is
    trusted by them."""
    from coopdesk.sync import trust
    from tests.sync.helpers import Site

    sites: list[Site] = []

    def make(name: str, unit: str, *, trusted: bool = True) -> Site:
        site = Site(template_data_dir, tmp_path, name, unit, trusted)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.engine.dispose()
    trust.forget_unlocked()


@pytest.fixture(autouse=True)
def _nobody_logged_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts and ends with no account logged in (the process-wide login); the
    accounts the tests make stretch their passwords lightly (Argon2id all the same)."""
    from coopdesk.security import passwords
    from coopdesk.services import accounts

    monkeypatch.setattr(accounts, "KDF_PARAMS", passwords.KdfParams(64, 1, 1))
    accounts.logout()
    yield
    accounts.logout()
    accounts.set_login_prompt(None)


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")
