"""One CoopDesk window per data folder.

`SingleInstance(data_dir).claim()` takes a lock file in the data folder (QLockFile: a lock
left by a program that crashed is recognised by its process id and taken over) and listens
on a local socket named after the folder. A second start on the same folder does not get
the lock: it asks the first, through that socket, to bring its window forward and stops
there, before opening any database connection (app.py).
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "coopdesk.lock"
RAISE_REQUEST = b"raise\n"
ANSWER_MS = 2000


def server_name(data_dir: Path) -> str:
    """The local socket's name: one per data folder (and per user, by the socket's rights)."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"coopdesk-{digest}"


def allow_foreground() -> None:
    """Windows gives the foreground only to the program the person just started: let the
    first instance take it when it raises its window."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


class SingleInstance(QObject):
    """`raise_requested` is emitted when a second start on the same folder asks for us."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        self.lock.setStaleLockTime(0)  # held for the whole session: stale only if its owner died
        self.server: QLocalServer | None = None
        self.first_answered = False  # (a second start) the first instance got our request

    def claim(self) -> bool:
        """True if this process now owns the folder; False if another CoopDesk does (it has
        been asked to come forward)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.lock.tryLock(100):
            self._listen()
            return True
        log.info("CoopDesk is already open on this data folder; asking it to come forward")
        self.first_answered = self.ask_first_to_raise()
        return False

    def _listen(self) -> None:
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash (we hold the lock)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        if not self.server.listen(name):
            log.warning("cannot listen for a second start: %s", self.server.errorString())

    def ask_first_to_raise(self) -> bool:
        """True when the first instance received the request."""
        allow_foreground()
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(ANSWER_MS):
            log.warning("the open CoopDesk did not answer: %s", socket.errorString())
            return False
        socket.write(RAISE_REQUEST)
        sent = socket.waitForBytesWritten(ANSWER_MS)
        socket.disconnectFromServer()
        return sent

    @Slot()
    def _on_connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            self.raise_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


def bring_forward(widgets: Sequence[QWidget]) -> None:
    """Show the given windows (a minimised one restored) in front of the others."""
    for widget in widgets:
        if widget.isVisible():
            if widget.isMinimized():
                widget.showNormal()
            widget.raise_()
            widget.activateWindow()
