"""A populated database shared by the document tests of a module, and PDF inspection helpers."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk import paths
from coopdesk.db.engine import make_engine, session_scope
from tests.reports.fixtures import populate


@pytest.fixture(scope="module")
def report_data_dir(template_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("reports")
    shutil.copy2(paths.db_path(template_data_dir), paths.db_path(target))
    engine = make_engine(paths.db_path(target))
    with session_scope(engine) as session:
        populate(session)
    engine.dispose()
    return target


@pytest.fixture(scope="module")
def report_engine(report_data_dir: Path) -> Iterator[Engine]:
    engine = make_engine(paths.db_path(report_data_dir))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def province_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`coopdesk demo --scale province --unit 12`: Lai Châu's 38 communes (made once)."""
    from coopdesk.cli import main

    folder = tmp_path_factory.mktemp("province-demo")
    assert main(["demo", "--data-dir", str(folder), "--scale", "province", "--unit", "12"]) == 0
    return folder
