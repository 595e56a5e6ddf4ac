"""The log: a rotating file `logs/coopdesk.log` in the data folder, for the GUI and the CLI.

The windowed Windows program has no console, so this file is where an error leaves its trace
(with the traceback). `setup(data_dir)` is called once the data folder is known; the file and
its folder are made only when the first line is written, so a command that logs nothing
leaves nothing behind. Nothing personal is logged: records' values never go into messages,
and SQL parameters are hidden by the engine (`db.engine.make_engine`).
"""

from __future__ import annotations

import logging
import logging.handlers
from io import TextIOWrapper
from pathlib import Path

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "coopdesk.log"
MAX_BYTES = 1_000_000  # about 8,000 lines a file
BACKUP_COUNT = 4  # coopdesk.log.1 … .4 kept beside the current file
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

_state: dict[str, Path | None] = {"file": None}


def log_dir(data_dir: Path) -> Path:
    return data_dir / LOG_DIR_NAME


def log_file(data_dir: Path) -> Path:
    return log_dir(data_dir) / LOG_FILE_NAME


def current_file() -> Path | None:
    """The file this process logs to (None before `setup`)."""
    return _state["file"]


class _Handler(logging.handlers.RotatingFileHandler):
    """Opens (and makes the folder of) its file on the first line written."""

    def _open(self) -> TextIOWrapper:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def setup(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Log to the data folder's file from now on (replacing an earlier `setup`); returns the
    file."""
    path = log_file(data_dir)
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
        old.close()
    handler = _Handler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # 7 lines a start
    _state["file"] = path
    return path
