"""PySide6 6.12.0 on Python 3.11 leaks a reference to None on every void Qt call and aborts
with `Fatal Python error: none_dealloc` after ~5,000 calls. Our pin must survive 20,000."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_twenty_thousand_void_calls_under_the_event_loop() -> None:
    # In a child process: the crash kills the interpreter, which must fail this test, not the run.
    code = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        calls = 0
        def tick():
            global calls
            for _ in range(100):
                label.setText(str(calls))
                calls += 1
            if calls >= 20000:
                timer.stop()
                app.quit()
        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(0)
        app.exec()
        print("calls", calls, "refcount-ok", sys.getrefcount(None) > 0)
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "calls 20000 refcount-ok True" in result.stdout
