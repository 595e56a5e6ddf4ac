"""A damaged database at start: the dialog says so in plain words, its button restores the
latest good backup, and CoopDesk opens no connection to the damaged file unless restored."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from coopdesk import app, paths
from coopdesk.db.engine import make_engine, open_database, session_scope
from coopdesk.db.models import Person
from coopdesk.domain import backup_thinning as rule
from coopdesk.i18n import set_language
from coopdesk.services import backups, health
from coopdesk.ui import health_dialog
from coopdesk.ui.health_dialog import DamagedDatabaseDialog
from tests.log_fixture import log_file  # noqa: F401 (a fixture)
from tests.ui.conftest import add_people, save_screenshot


def damage(db_file: Path) -> None:
    size = db_file.stat().st_size
    with db_file.open("r+b") as fh:
        fh.seek(size // 3)
        fh.write(os.urandom(size // 3))


def people_in(data_dir: Path) -> list[str]:
    engine = open_database(data_dir, create=False)
    try:
        with session_scope(engine) as s:
            return sorted(s.scalars(select(Person.full_name)))
    finally:
        engine.dispose()


@pytest.fixture(autouse=True)
def themed(qapp) -> None:
    from coopdesk.app import setup_application

    setup_application(qapp)  # the font, style and theme people see


@pytest.fixture
def damaged(data_dir: Path) -> Path:
    """Hương backed up on 1 December, Lan entered after; then the file is damaged."""
    engine = make_engine(paths.db_path(data_dir))
    add_people(engine, [("Tòng", "Thị", "Hương", "F")])
    engine.dispose()
    backups.create(data_dir, rule.DAILY, now=dt.datetime(2026, 12, 1, 17, 5))
    engine = make_engine(paths.db_path(data_dir))
    add_people(engine, [("Lường", "Thị", "Lan", "F")])
    engine.dispose()
    damage(paths.db_path(data_dir))
    return data_dir


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_button_restores_the_latest_good_backup(qtbot, damaged: Path, lang: str) -> None:
    set_language(lang)
    dialog = DamagedDatabaseDialog(health.check(damaged))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {
        "vi": ("Tệp cơ sở dữ liệu bị hỏng", "Khôi phục bản sao lưu tốt gần nhất", "lúc 01/12/2026"),
        "en": ("The database file is damaged", "Restore the latest good backup", "on 01/12/2026"),
    }[lang]
    assert (dialog.heading.text(), dialog.restore_button.text()) == texts[:2]
    assert texts[2] in dialog.text.text()
    save_screenshot(dialog, f"damaged-database-{lang}")

    dialog.restore_button.click()

    assert dialog.restored is not None and dialog.open_button.isVisible()
    assert not dialog.restore_button.isVisible()
    assert str(dialog.restored.safety_copy) in dialog.text.text()  # the damaged file, kept
    save_screenshot(dialog, f"damaged-database-restored-{lang}")
    dialog.open_button.click()
    assert dialog.result() == DamagedDatabaseDialog.DialogCode.Accepted
    assert people_in(damaged) == ["Tòng Thị Hương"]  # as of the backup
    assert health.check(damaged).ok


def test_without_a_good_backup_there_is_no_restore_button(qtbot, data_dir: Path) -> None:
    damage(paths.db_path(data_dir))
    dialog = DamagedDatabaseDialog(health.check(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible() and dialog.quit_button.isVisible()
    assert str(data_dir) in dialog.text.text()
    save_screenshot(dialog, "damaged-database-no-backup-vi")


def test_quitting_at_the_damaged_file_opens_no_connection(
    qtbot,
    damaged: Path,
    monkeypatch,
    log_file: Path,  # noqa: F811
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(health_dialog.DamagedDatabaseDialog, "exec", lambda self: 0)  # Quit
    monkeypatch.setattr(app, "launch", lambda *a: pytest.fail("the database was opened"))
    before = paths.db_path(damaged).read_bytes()
    args = argparse.Namespace(demo=False, data_dir=str(damaged), lang=None)
    assert app.run_gui(args) == 2
    assert paths.db_path(damaged).read_bytes() == before
    logged = (damaged / "logs" / "coopdesk.log").read_text(encoding="utf-8")
    assert "the database file failed its quick check" in logged


def test_damage_found_by_the_check_in_the_background_is_said_at_once(
    damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coopdesk.ui.tasks import InlineTaskRunner

    said: list[str] = []
    monkeypatch.setattr(
        health_dialog.QMessageBox, "warning", lambda _parent, _title, text: said.append(text)
    )
    health_dialog.finish_in_background(damaged, InlineTaskRunner(raise_errors=True))
    assert len(said) == 1
    assert "tệp cơ sở dữ liệu bị hỏng" in said[0] and "01/12/2026 17:05" in said[0]
    assert not health.check(damaged, budget_s=0.0).ok  # the next start checks it whole first
