"""The check at start in the window: a damaged database file is said in plain words, with a
button that restores the latest good backup (`services.health`, `services.backups`)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services import backups, health
from coopdesk.services.database import RestoreResult

log = logging.getLogger(__name__)


class DamagedDatabaseDialog(QDialog):
    """Accepted once the backup is back in place (CoopDesk then opens it); rejected to quit."""

    def __init__(self, verdict: health.Verdict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict = verdict
        self.restored: RestoreResult | None = None
        self.setWindowTitle(_("CoopDesk: the database is damaged"))
        self.setMinimumWidth(560)
        self.heading = QLabel(_("The database file is damaged"))
        self.heading.setObjectName("pageTitle")
        self.text = QLabel(verdict.message)
        self.text.setWordWrap(True)
        self.restore_button = QPushButton(_("Restore the latest good backup"))
        self.restore_button.setVisible(verdict.backup is not None)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.folder_button = QPushButton(_("Open the data folder"))
        self.folder_button.clicked.connect(self._open_folder)
        self.quit_button = QPushButton(_("Quit"))
        self.quit_button.clicked.connect(self.reject)
        self.open_button = QPushButton(_("Open CoopDesk"))
        self.open_button.hide()
        self.open_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        for button in (self.quit_button, self.restore_button, self.open_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    @Slot()
    def restore(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.restored = backups.restore_latest_good(self.verdict.data_dir)
        except Exception as exc:
            log.exception("restoring the latest good backup failed")
            self.text.setText(
                _(
                    "The backup could not be restored: {error}. The damaged file was not changed."
                ).format(error=exc)
            )
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.heading.setText(_("The backup is back in place"))
        self.text.setText(
            _(
                "The backup of {date} was restored. The damaged file is kept as {file}. "
                "Check the records entered after that date and enter them again."
            ).format(date=self.backup_date, file=self.restored.safety_copy)
        )
        log.warning("restored %s after a failed check", self.restored.restored_from.name)
        for button in (self.restore_button, self.quit_button):
            button.hide()
        self.open_button.show()
        self.open_button.setDefault(True)

    @property
    def backup_date(self) -> str:
        return health.backup_date(self.verdict.backup) if self.verdict.backup else ""

    @Slot()
    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.verdict.data_dir)))


def check_at_start(data_dir: Path, tasks: Any, parent: QWidget | None = None) -> bool:
    """True when CoopDesk may open the database: it is sound, or its backup was restored.
    A check cut short (a big file) goes on in the background (`finish_in_background`)."""
    verdict = health.check(data_dir)
    if not verdict.ok:
        return bool(DamagedDatabaseDialog(verdict, parent).exec())
    if not verdict.finished:
        finish_in_background(data_dir, tasks)
    return True


def finish_in_background(data_dir: Path, tasks: Any) -> None:
    """The rest of the check, off the window's thread; given up when CoopDesk quits (the next
    start begins again). Damage found is said at once; the next start checks before opening."""
    stopping = threading.Event()
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stopping.set)
    tasks.run(
        health.finish_check,
        data_dir,
        stopping,
        on_done=_say_if_damaged,
        on_error=lambda exc: log.warning("the check in the background failed: %s", exc),
        changes=None,
    )


def _say_if_damaged(verdict: health.Verdict) -> None:
    if verdict.ok:
        return
    when = (
        _("The latest good backup is of {date}.").format(date=health.backup_date(verdict.backup))
        if verdict.backup
        else _("There is no good backup of it.")
    )
    QMessageBox.warning(
        QApplication.activeWindow(),
        _("CoopDesk: the database is damaged"),
        _(
            "A check while CoopDesk was open found that the database file is damaged. Save "
            "nothing more now: close CoopDesk and open it again, and it will say how to restore "
            "the latest good backup. {backup}"
        ).format(backup=when),
    )
