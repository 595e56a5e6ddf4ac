"""What every page and dialog needs: the database, the installation, the task runner.

One `AppContext` is made at start and handed to the main window, which hands it to each page.
The GUI reaches the data only through service functions `fn(session, …)`:

    ctx.write(services.x.save, draft, on_done=…, changes="cooperatives")  # worker thread
    ctx.read_later(services.x.rows, query, on_done=…)                     # worker thread
    value = ctx.read(services.x.small_lookup, code)                       # GUI thread, quick

Each opens one transaction around the call (commit on success, roll back on error), so no
page or dialog opens a session, builds SQL or commits. Writes never run on the GUI thread;
after a successful write the task runner emits `data_changed(changes)` so open pages refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from coopdesk.services.database import session_scope

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from coopdesk.ui.tasks import Done, Failed, TaskRunner


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

    def read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """`fn(session, *args)` now, on the GUI thread: only for reads that take a moment."""
        with self.session() as session:
            return fn(session, *args, **kwargs)

    def read_later(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done = None,
        on_error: Failed = None,
        progress_label: str | None = None,
    ) -> None:
        """`fn(session, *args)` on a worker thread; `on_done(result)` on the GUI thread."""
        self.tasks.run(
            self._in_session(fn, args),
            on_done=on_done,
            on_error=on_error,
            progress_label=progress_label,
            changes=None,
        )

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done = None,
        on_error: Failed = None,
        progress_label: str | None = None,
        changes: str = "*",
    ) -> None:
        """`fn(session, *args)` in one transaction on a worker thread, then `data_changed`."""
        self.tasks.run(
            self._in_session(fn, args),
            on_done=on_done,
            on_error=on_error,
            progress_label=progress_label,
            changes=changes,
        )

    def _in_session(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> Callable[..., Any]:
        wants_progress = _accepts_progress(fn)

        def work(progress: Any = None) -> Any:
            with self.session() as session:
                if wants_progress and progress is not None:
                    return fn(session, *args, progress=progress)
                return fn(session, *args)

        if wants_progress:
            return work
        return lambda: work()


def _accepts_progress(fn: Callable[..., Any]) -> bool:
    from coopdesk.ui.tasks import accepts_progress

    return accepts_progress(fn)
