"""GUI fixtures: an AppContext over a fresh copy of the template database, inline tasks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from coopdesk.ui.context import AppContext
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
    from coopdesk.db.engine import session_scope
    from coopdesk.services import settings
    from coopdesk.ui import qt_translations

    qt_translations.install(qapp)  # Qt's own buttons and dialogs in Vietnamese, as in the app
    ensure_home_units(engine)
    with session_scope(engine) as s:
        installation = settings.save_installation(
            s, settings.Installation(unit_code="03408", role="commune", officer="Lò Thị Mai")
        )
    context = AppContext(engine, data_dir, installation, tasks)
    yield context


@pytest.fixture
def main_window(qtbot, ctx: AppContext):
    from coopdesk.app import setup_application
    from coopdesk.ui.main_window import MainWindow, ui_settings

    setup_application(qtbot_app())  # the font, style and theme people see
    ui_settings(ctx).setValue("window/area", "people")  # start light: no dashboard sums
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


ADMIN_PASSWORD = "mat-khau-quan-tri"


def fill_admin(wizard) -> None:
    """The first-run wizard's administrator account: 'admin', ADMIN_PASSWORD twice."""
    wizard.account_page.password.setText(ADMIN_PASSWORD)
    wizard.account_page.again.setText(ADMIN_PASSWORD)


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def save_screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    widget.grab().save(str(path))
    return path


def add_people(engine: Engine, names: list[tuple[str, str, str, str]], unit: str = "03408") -> None:
    """(family, middle, given, gender) rows written directly: list fixtures only."""
    from coopdesk.db.engine import session_scope
    from coopdesk.db.models import Person
    from coopdesk.i18n import fold, person_sort_key

    with session_scope(engine) as s:
        for family, middle, given, gender in names:
            full = " ".join(x for x in (family, middle, given) if x)
            s.add(
                Person(
                    unit_code=unit,
                    family_name=family,
                    middle_name=middle,
                    given_name=given,
                    full_name=full,
                    name_folded=fold(full),
                    sort_key=person_sort_key(family, middle, given),
                    gender=gender,
                )
            )


def add_cooperatives(engine: Engine, rows: list[tuple[str, str]], unit: str = "03408") -> None:
    """(kind, name) rows written directly: list fixtures only."""
    from coopdesk.db.engine import session_scope
    from coopdesk.db.models import Cooperative
    from coopdesk.i18n import collation_key, fold

    with session_scope(engine) as s:
        for kind, name in rows:
            s.add(
                Cooperative(
                    unit_code=unit,
                    kind=kind,
                    name=name,
                    name_folded=fold(name),
                    sort_key=collation_key(name),
                )
            )


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch) -> None:
    """Closing a changed editor at teardown must not wait for a person to answer."""
    from coopdesk.ui.editors.base import RecordDialog

    monkeypatch.setattr(RecordDialog, "_ask_discard", lambda self: True)
