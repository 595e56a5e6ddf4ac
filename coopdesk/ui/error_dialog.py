"""An error nobody expected: written to the log with its traceback, told to the officer in
her language (what happened, that nothing was lost, where the log is).

`install()` hooks `sys.excepthook` (PySide6 hands it the errors raised in slots and event
handlers too) and `threading.excepthook`; the task runner (`ui/tasks.py`) calls
`show_unexpected` for a background task's fault. One dialog at a time: an error repeated by a
timer or a paint event is logged each time but shown once.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk import logs
from coopdesk.i18n import _

log = logging.getLogger(__name__)

_shown: list[ErrorDialog] = []


def log_unexpected(exc: BaseException, what: str = "unexpected error") -> None:
    log.error("%s: %s", what, type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__))


def log_folder(data_dir: Path | None = None) -> Path:
    """The folder of this session's log (or of `data_dir`'s)."""
    current = logs.current_file()
    if current is not None:
        return current.parent
    if data_dir is None:
        raise ValueError("no log set up and no data folder given")
    return logs.log_dir(data_dir)


def open_log_folder(data_dir: Path | None = None) -> Path:
    """Show the log folder in the system's file manager (Help → Open the log folder)."""
    folder = log_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    return folder


class ErrorDialog(QDialog):
    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("CoopDesk: something went wrong"))
        self.setMinimumWidth(520)
        file = logs.current_file()
        heading = QLabel(_("Something went wrong inside CoopDesk."))
        heading.setObjectName("pageTitle")
        self.what = QLabel(
            _(
                "What happened: the last action stopped because of a fault in the program, "
                "not because of something you did."
            )
        )
        self.lost = QLabel(
            _(
                "Nothing was lost: what was saved before is safe. A change that was being "
                "saved at that moment was not saved; check it and save it again."
            )
        )
        self.where = QLabel(
            _(
                "The details are written in the log: {file}. When you ask for help, send this file."
            ).format(file=file)
            if file is not None
            else _("The details could not be written to a log.")
        )
        self.code = QLabel(_("Error code: {code}").format(code=type(exc).__name__))
        self.code.setObjectName("hint")
        self.folder_button = QPushButton(_("Open the log folder"))
        self.folder_button.setEnabled(file is not None)
        self.folder_button.clicked.connect(self._open_folder)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        for label in (heading, self.what, self.lost, self.where, self.code):
            label.setWordWrap(True)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

    @Slot()
    def _open_folder(self) -> None:
        open_log_folder()


def show_unexpected(exc: BaseException) -> ErrorDialog | None:
    """The dialog for an error already logged (None when one is already on screen or there
    is no application)."""
    if _shown or QApplication.instance() is None:
        return None
    dialog = ErrorDialog(exc, QApplication.activeWindow())
    _shown.append(dialog)
    dialog.finished.connect(lambda _result: _shown.remove(dialog))
    dialog.open()  # window-modal, does not block the slot that failed
    return dialog


def report_unexpected(exc: BaseException) -> ErrorDialog | None:
    log_unexpected(exc)
    return show_unexpected(exc)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    report_unexpected(exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """A plain thread's error: logged (a dialog belongs to the GUI thread)."""
    if args.exc_value is not None:
        log_unexpected(args.exc_value, f"unexpected error in thread {args.thread}")


def install() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
