"""Where CoopDesk keeps data and finds its resources (the one place that knows)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "CoopDesk"
DB_FILE_NAME = "coopdesk.sqlite3"
DATA_DIR_ENV = "COOPDESK_DATA_DIR"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The folder holding `resources/` and `translations/`: the repo, or PyInstaller's dir."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def translations_dir() -> Path:
    return bundle_root() / "translations"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "db" / "migrations"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def demo_data_dir() -> Path:
    """Demo data lives apart from real data, in its own folder."""
    return default_data_dir().parent / f"{APP_DIR_NAME}-demo"


def resolve_data_dir(data_dir: str | os.PathLike[str] | None) -> Path:
    return Path(data_dir) if data_dir else default_data_dir()


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILE_NAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"
