"""One CoopDesk per data folder: a second start asks the first to come forward and opens no
database connection; a lock left by a crashed CoopDesk does not keep the folder closed."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from coopdesk import app, paths
from coopdesk.services import database
from coopdesk.ui.single_instance import LOCK_FILE_NAME, SingleInstance, bring_forward
from tests.log_fixture import log_file  # noqa: F401 (a fixture)
from tests.ui.conftest import save_screenshot

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def first(qapp, tmp_path: Path):
    """The CoopDesk already open on tmp_path/data; `first.asked` counts the requests."""
    instance = SingleInstance(tmp_path / "data")
    assert instance.claim()
    instance.asked = []
    instance.raise_requested.connect(lambda: instance.asked.append(True))
    yield instance
    instance.release()


def test_a_second_start_in_another_process_brings_the_first_forward(
    qtbot, first: SingleInstance, tmp_path: Path
) -> None:
    data_dir = first.data_dir
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOPDESK_SMOKE_QUIT_MS": "60000"}
    env["COOPDESK_DATA_DIR"] = str(tmp_path / "default")
    second = subprocess.Popen(
        [sys.executable, "-m", "coopdesk", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=120_000)  # we answer meanwhile
    finally:
        if second.poll() is None:
            second.kill()
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert "smoke-quit" not in err  # it stopped by itself: no window, no wizard
    assert first.asked == [True]
    assert not paths.db_path(data_dir).exists()  # it never opened (so never created) a database
    logged = (data_dir / "logs" / "coopdesk.log").read_text(encoding="utf-8")
    assert "already open on this data folder; asking it to come forward" in logged


def test_the_second_start_stops_before_opening_the_database(
    qtbot,
    first: SingleInstance,
    monkeypatch,
    log_file: Path,  # noqa: F811
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(
        database, "open_database", lambda *a, **k: pytest.fail("a second connection")
    )
    args = argparse.Namespace(demo=False, data_dir=str(first.data_dir), lang=None)
    assert app.run_gui(args) == 0
    qtbot.waitUntil(lambda: first.asked == [True])
    assert (first.data_dir / LOCK_FILE_NAME).exists()  # still the first one's


def test_a_lock_left_by_a_crashed_coopdesk_is_taken_over(qapp, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    crash = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)\n"
        "assert lock.tryLock(100)\n"
        "os._exit(3)  # no clean-up: the lock file stays behind\n"
    )
    done = subprocess.run([sys.executable, "-c", crash, str(data_dir / LOCK_FILE_NAME)])
    assert done.returncode == 3 and (data_dir / LOCK_FILE_NAME).exists()
    instance = SingleInstance(data_dir)
    assert instance.claim()
    instance.release()
    assert not (data_dir / LOCK_FILE_NAME).exists()


def test_the_first_window_comes_forward_restored(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_forward([window])
    qtbot.waitUntil(lambda: not window.isMinimized())


def test_when_the_open_coopdesk_does_not_answer_the_person_is_told(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QLockFile
    from PySide6.QtWidgets import QMessageBox

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    held = QLockFile(str(data_dir / LOCK_FILE_NAME))  # open, but not listening (busy, hung)
    assert held.tryLock(100)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    assert app.claim_data_folder(data_dir, qapp) is None
    held.unlock()
    assert told == [
        "CoopDesk đang mở với thư mục dữ liệu này. Hãy chuyển sang cửa sổ đó (trên thanh tác vụ)."
    ]
    from coopdesk.ui import qt_translations

    qt_translations.install(qapp)  # Qt's own buttons in Vietnamese, as in the app
    box = QMessageBox(QMessageBox.Icon.Information, "CoopDesk", told[0])
    qtbot.addWidget(box)
    box.show()  # what QMessageBox.information showed
    save_screenshot(box, "already-open-vi")
