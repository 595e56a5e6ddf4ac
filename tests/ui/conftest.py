"""GUI fixtures: an AppContext over a fresh copy of the template database, inline tasks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.ui.context import AppContext, InstallationView
from coopdesk.ui.tasks import InlineTaskRunner

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


@pytest.fixture
def tasks() -> InlineTaskRunner:
    return InlineTaskRunner(raise_errors=True)


def ensure_home_units(engine: Engine) -> None:
    """Lai Châu and Phường Tân Phong, in case the template has no unit catalogue."""
    from coopdesk.db.engine import session_scope
    from coopdesk.db.models import Unit
    from coopdesk.i18n import collation_key, fold

    rows = [
        ("12", "Tỉnh Lai Châu", "tỉnh", "province", None),
        ("03408", "Phường Tân Phong", "phường", "commune", "12"),
    ]
    with session_scope(engine) as s:
        for code, name, division, level, parent in rows:
            if s.get(Unit, code) is None:
                s.add(
                    Unit(
                        code=code,
                        name=name,
                        name_folded=fold(name),
                        division_type=division,
                        level=level,
                        parent_code=parent,
                        province_code="12",
                        sort_key=collation_key(name),
                    )
                )
                s.flush()


@pytest.fixture
def ctx(qapp, engine: Engine, data_dir: Path, tasks: InlineTaskRunner) -> Iterator[AppContext]:
    ensure_home_units(engine)
    installation = InstallationView(unit_code="03408", role="commune", officer="Lò Thị Mai")
    context = AppContext(engine, data_dir, installation, tasks)
    yield context


@pytest.fixture
def main_window(qtbot, ctx: AppContext):
    from coopdesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def save_screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path
