"""What every page and dialog needs: the database, the installation, the task runner.

One `AppContext` is made at start and handed to the main window, which hands it to each page.
Saving anything ends with `ctx.data_changed.emit(what)` (the task runner does it for you after
a successful write) so that open pages refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from coopdesk.db.engine import session_scope

if TYPE_CHECKING:
    from coopdesk.ui.tasks import TaskRunner


@dataclass
class InstallationView:
    """The fields of `services.settings.Installation` the GUI shows (also for a fresh demo)."""

    unit_code: str
    role: str
    officer: str = ""
    position: str = ""
    language: str = "vi"


class AppContext(QObject):
    """Shared state of one open database.

    `data_changed(str)` carries what changed: a table name such as "cooperatives", or "*".
    `language_changed(str)` is emitted after `i18n.set_language`; the main window re-runs
    every page's `translate_ui()` itself, so pages need not connect to it.
    """

    data_changed = Signal(str)
    language_changed = Signal(str)
    installation_changed = Signal()

    def __init__(
        self,
        engine: Engine,
        data_dir: Path,
        installation: Any,
        tasks: TaskRunner | None = None,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.data_dir = Path(data_dir)
        self.installation = installation
        self.demo = demo
        if tasks is None:
            from coopdesk.ui.tasks import TaskRunner

            tasks = TaskRunner()
        self.tasks = tasks
        self.tasks.changed.connect(self.data_changed)

    @property
    def unit_code(self) -> str:
        return str(self.installation.unit_code)

    @property
    def role(self) -> str:
        return str(self.installation.role)

    @property
    def is_aggregator(self) -> bool:
        return self.role == "aggregator"

    @property
    def actor(self) -> str:
        """Who is recorded in audit events: the officer's name, else the unit."""
        return str(getattr(self.installation, "officer", "") or self.unit_code)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: commit on success, roll back on error (db.engine.session_scope)."""
        with session_scope(self.engine) as session:
            yield session
