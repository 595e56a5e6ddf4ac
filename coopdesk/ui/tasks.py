"""One helper for background operations: progress, errors and refresh for free.

    ctx.tasks.run(fn, *args, on_done=cb, on_error=None, progress_label="…", changes="*")

`fn(*args)` runs on a worker thread (QThreadPool). If it accepts a `progress` keyword, it gets
a `progress(done, total)` callable that moves the progress dialog (shown when
`progress_label` is given). On success `on_done(result)` runs on the GUI thread and then, unless
`changes=None` (use that for reads), `changed(changes)` is emitted — `AppContext` forwards it
as `data_changed` so open pages refresh. On failure `on_error(exc)` runs, or the error's
message (not a traceback) is shown in a message box; a fault of the program (`is_unexpected`)
is logged with its traceback and, without `on_error`, shown in the error dialog. Tests use
`InlineTaskRunner`, which runs everything at once on the calling thread, so GUI tests never
sleep or poll.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from coopdesk.i18n import _
from coopdesk.services import health
from coopdesk.ui import error_dialog

log = logging.getLogger(__name__)

Done = Callable[[Any], None] | None
Failed = Callable[[BaseException], None] | None


def accepts_progress(fn: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "progress" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def error_message(exc: BaseException) -> str:
    """The text a person reads: validation problems listed, a full disk said plainly, other
    errors by their message."""
    disk_full = health.disk_full_message(exc)
    if disk_full is not None:
        return disk_full
    problems = getattr(exc, "problems", None)
    if problems:
        return "\n".join(f"• {getattr(p, 'message', p)}" for p in problems)
    return str(exc) or exc.__class__.__name__


def is_unexpected(exc: BaseException) -> bool:
    """A fault of the program (logged with its traceback, the error dialog), not a refusal
    meant for a person: CoopDesk's own errors, ValueError, OSError and a full disk carry a
    message to show."""
    if health.is_disk_full(exc) or isinstance(exc, ValueError | OSError):
        return False
    return not type(exc).__module__.startswith("coopdesk")


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]):
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()

    def run(self) -> None:
        try:
            if accepts_progress(self.fn):
                self.kwargs["progress"] = self.signals.progress.emit
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            log.debug("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs functions off the GUI thread. `changed(str)` is emitted after successful writes."""

    changed = Signal(str)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__()
        self.parent_widget = parent_widget
        # our own pool, wider than the core count: a quick count must not wait behind a
        # long report or import (SQLite in WAL mode reads in parallel)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(4, QThreadPool.globalInstance().maxThreadCount()))
        self._running: set[_Job] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done = None,
        on_error: Failed = None,
        progress_label: str | None = None,
        changes: str | None = "*",
        **kwargs: Any,
    ) -> None:
        job = _Job(fn, args, dict(kwargs))
        job.setAutoDelete(False)
        dialog = self._progress_dialog(progress_label) if progress_label else None
        if dialog is not None:
            job.signals.progress.connect(dialog.setValue_total)

        def finish() -> None:
            self._running.discard(job)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

        @Slot(object)
        def done(result: Any) -> None:
            finish()
            self._succeeded(result, on_done, changes)

        @Slot(object)
        def failed(exc: BaseException) -> None:
            finish()
            self._failed(exc, on_error)

        job.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._running.add(job)
        self.pool.start(job)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def _succeeded(self, result: Any, on_done: Done, changes: str | None) -> None:
        if on_done is not None:
            on_done(result)
        if changes is not None:
            self.changed.emit(changes)

    def _failed(self, exc: BaseException, on_error: Failed) -> None:
        unexpected = is_unexpected(exc)
        if unexpected:
            error_dialog.log_unexpected(exc, "a background task failed")
        if on_error is not None:
            on_error(exc)
        elif unexpected:
            self.show_unexpected(exc)
        else:
            self.show_error(exc)

    def show_unexpected(self, exc: BaseException) -> None:
        error_dialog.show_unexpected(exc)

    def show_error(self, exc: BaseException) -> None:
        parent = self.parent_widget or QApplication.activeWindow()
        QMessageBox.warning(parent, _("CoopDesk"), error_message(exc))

    def _progress_dialog(self, label: str) -> _ProgressDialog:
        dialog = _ProgressDialog(label, self.parent_widget or QApplication.activeWindow())
        dialog.show()
        return dialog


class _ProgressDialog(QProgressDialog):
    def __init__(self, label: str, parent: QWidget | None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setWindowTitle(_("Please wait"))
        self.setCancelButton(None)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(360)

    @Slot(int, int)
    def setValue_total(self, done: int, total: int) -> None:
        if total > 0 and self.maximum() != total:
            self.setRange(0, total)
        self.setValue(min(done, total) if total > 0 else 0)


class InlineTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread (tests). Errors without an `on_error`
    are kept in `errors` and shown through `shown_errors` instead of a modal box; set
    `raise_errors=True` to let them propagate."""

    def __init__(self, *, raise_errors: bool = False) -> None:
        super().__init__()
        self.raise_errors = raise_errors
        self.errors: list[BaseException] = []
        self.shown_errors: list[str] = []
        self.progress_seen: list[tuple[int, int]] = []

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Done = None,
        on_error: Failed = None,
        progress_label: str | None = None,
        changes: str | None = "*",
        **kwargs: Any,
    ) -> None:
        if accepts_progress(fn):
            kwargs["progress"] = lambda done, total: self.progress_seen.append((done, total))
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:
            if self.raise_errors and on_error is None:
                raise
            self._failed(exc, on_error)
            return
        self._succeeded(result, on_done, changes)

    def show_error(self, exc: BaseException) -> None:
        self.errors.append(exc)
        self.shown_errors.append(error_message(exc))

    def show_unexpected(self, exc: BaseException) -> None:
        self.show_error(exc)
