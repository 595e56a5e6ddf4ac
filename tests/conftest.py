"""Shared fixtures: a migrated template database copied per test, English/Vietnamese switch.

The tests of services, sync, db and reports run on both stores (`backend`: "sqlite", "postgresql", a
test server started once per run; tests.backends): `data_dir`, `engine` and `make_site` give
the backend's installation. A test about the SQLite file itself (its backups, its check, WAL)
is marked `sqlite_only`. Without PostgreSQL's programs the PostgreSQL variants fail and say
what to install.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coopdesk import i18n
from coopdesk.db.engine import engine_of, open_database
from tests import backends
from tests.pg_server import PgServer

# the test folders whose tests run on both stores
BOTH_BACKENDS = ("services", "sync", "db", "reports")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself (runs on the SQLite backend only)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    parts = Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent).parts
    both = (
        parts[0] in BOTH_BACKENDS and metafunc.definition.get_closest_marker("sqlite_only") is None
    )
    # by module: a module's shared database (tests/reports) is made once per backend
    values = backends.BACKENDS if both else ("sqlite",)
    metafunc.parametrize("backend", values, indirect=True, scope="module")


@pytest.fixture(scope="module")
def backend(request: pytest.FixtureRequest) -> str:
    """The store the test runs on ("sqlite" unless parametrized)."""
    return str(getattr(request, "param", "sqlite"))


def _template(data_dir: Path) -> Path:
    engine = open_database(data_dir)
    from coopdesk.services import units

    units.ensure_catalogues(engine)
    engine.dispose()
    return data_dir


@pytest.fixture(scope="session")
def template_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite data dir with the schema at head and the unit catalogue loaded, made once."""
    return _template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The run's PostgreSQL test server (started on first use, stopped at the end)."""
    try:
        yield backends.server()
    finally:
        backends.stop_server()


@pytest.fixture(scope="session")
def pg_template_dir(pg_server: PgServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template installation on the test PostgreSQL server."""
    data_dir = tmp_path_factory.mktemp("pg-template")
    backends.new_server_database(data_dir, name=backends.TEMPLATE_DB)
    return _template(data_dir)


@pytest.fixture(scope="module")
def installation_template(backend: str, request: pytest.FixtureRequest) -> Path:
    """The template installation of the test's backend."""
    name = "pg_template_dir" if backend == "postgresql" else "template_data_dir"
    return Path(request.getfixturevalue(name))


@pytest.fixture
def data_dir(installation_template: Path, tmp_path: Path) -> Iterator[Path]:
    target = backends.copy_installation(installation_template, tmp_path / "data")
    yield target
    backends.drop_installation(target)


@pytest.fixture
def engine(data_dir: Path) -> Iterator[Engine]:
    eng = engine_of(data_dir)
    yield eng
    eng.dispose()


@pytest.fixture
def make_site(installation_template: Path, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """`make_site(name, unit, trusted=True)`: a new installation (tests.sync.helpers.Site) with
    its own keys, which (unless `trusted` is False) trusts every site made before and is
    trusted by them."""
    from coopdesk.sync import trust
    from tests.sync.helpers import Site

    sites: list[Site] = []

    def make(name: str, unit: str, *, trusted: bool = True) -> Site:
        site = Site(installation_template, tmp_path, name, unit, trusted)
        sites.append(site)
        return site

    yield make
    for site in sites:
        site.engine.dispose()
    trust.forget_unlocked()
    for site in sites:
        backends.drop_installation(site.dir)


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
