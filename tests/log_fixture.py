"""`log_file`: this test logs to a data folder of its own (coopdesk.logs), as the app does; the
handler is taken away afterwards. Import it into a test module to use it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopdesk import logs


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    path = logs.setup(tmp_path / "log-data")
    yield path
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    logs._state["file"] = None
