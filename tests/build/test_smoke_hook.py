"""The GUI honours COOPDESK_SMOKE_QUIT_MS (the frozen smoke test needs it), checked unfrozen
so that losing the hook shows up in seconds, not after a PyInstaller build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_gui_quits_by_itself_when_asked(tmp_path: Path) -> None:
    # An empty data dir: the first-run wizard (a modal dialog) opens and must close too.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOPDESK_SMOKE_QUIT_MS": "500"}
    env["COOPDESK_DATA_DIR"] = str(tmp_path / "default")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "coopdesk", "--data-dir", str(tmp_path / "data")],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(
            "coopdesk did not quit within 120 s although COOPDESK_SMOKE_QUIT_MS=500 was set: "
            "coopdesk/app.py run_gui() must arm the smoke-quit timer (tests/build needs it)"
        ) from None
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
