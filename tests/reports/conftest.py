"""A populated database shared by the document tests of a module, and PDF inspection helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.db.engine import engine_of, session_scope
from tests import backends
from tests.reports.fixtures import populate


@pytest.fixture(scope="module")
def report_data_dir(
    installation_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The module's populated installation, on the module's backend."""
    target = backends.copy_installation(installation_template, tmp_path_factory.mktemp("reports"))
    engine = engine_of(target)
    with session_scope(engine) as session:
        populate(session)
    engine.dispose()
    yield target
    backends.drop_installation(target)


@pytest.fixture(scope="module")
def report_engine(report_data_dir: Path) -> Iterator[Engine]:
    engine = engine_of(report_data_dir)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def province_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`coopdesk demo --scale province --unit 12`: Lai Châu's 38 communes (made once)."""
    from coopdesk.cli import main

    folder = tmp_path_factory.mktemp("province-demo")
    assert main(["demo", "--data-dir", str(folder), "--scale", "province", "--unit", "12"]) == 0
    return folder
