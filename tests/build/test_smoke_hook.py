"""The GUI honours COOPDESK_SMOKE_QUIT_MS (the frozen smoke test needs it), checked unfrozen
so that losing the hook shows up in seconds, not after a PyInstaller build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_coopdesk(tmp_path: Path, *args: str, quit_ms: str | None = None) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["COOPDESK_DATA_DIR"] = str(tmp_path / "default")
    if quit_ms is not None:
        env["COOPDESK_SMOKE_QUIT_MS"] = quit_ms
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coopdesk", *args],
            capture_output=True,
            text=True,
            timeout=180,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(
            f"`coopdesk {' '.join(args)}` did not quit within 180 s although "
            f"COOPDESK_SMOKE_QUIT_MS={quit_ms} was set: coopdesk/app.py run_gui() must arm "
            "the smoke-quit timer (tests/build needs it)"
        ) from None
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return result.stderr


def test_first_run_wizard_quits_when_asked(tmp_path: Path) -> None:
    # An empty data dir: the first-run wizard (a modal dialog) opens and must close too.
    stderr = run_coopdesk(tmp_path, "--data-dir", str(tmp_path / "data"), quit_ms="300")
    assert "smoke-quit, windows shown: FirstRunWizard" in stderr, stderr


@pytest.mark.slow
def test_main_window_quits_cleanly_while_pages_load(tmp_path: Path) -> None:
    # Quitting while background tasks still load the pages: no traceback at exit.
    data_dir = str(tmp_path / "demo")
    run_coopdesk(tmp_path, "demo", "--data-dir", data_dir, "--seed", "1")
    stderr = run_coopdesk(tmp_path, "--data-dir", data_dir, quit_ms="300")
    assert "smoke-quit, windows shown: MainWindow" in stderr, stderr
