"""The idle lock (issue 13 item 1): after some minutes without a key or the mouse touched
(10 by default; Settings page), the logged-in account is logged out (`accounts.logout`: the
data key leaves memory) and the login dialog comes over the window. What the windows show is
hidden meanwhile, never closed: the text typed in open editors is there again after unlocking.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from coopdesk.services import accounts
from coopdesk.ui.context import AppContext

DEFAULT_MINUTES = 10
MIN_MINUTES, MAX_MINUTES = 1, 240
SETTING = "security/idle_minutes"
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def _settings(ctx: AppContext) -> QSettings:
    from coopdesk.ui.main_window import ui_settings

    return ui_settings(ctx)


def idle_minutes(ctx: AppContext) -> int:
    """Minutes without use before the lock, as set on the Settings page."""
    try:
        minutes = int(str(_settings(ctx).value(SETTING, DEFAULT_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES
    return min(max(minutes, MIN_MINUTES), MAX_MINUTES)


def set_idle_minutes(ctx: AppContext, minutes: int) -> None:
    settings = _settings(ctx)
    settings.setValue(SETTING, min(max(int(minutes), MIN_MINUTES), MAX_MINUTES))
    settings.sync()
    for lock in IdleLock.active:
        if lock.ctx is ctx:
            lock.set_minutes(idle_minutes(ctx))


class IdleLock(QObject):
    """Watches the whole application's input; `lock()` after `minutes` of none."""

    active: ClassVar[list[IdleLock]] = []

    def __init__(self, window: QWidget, ctx: AppContext, minutes: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.locked = False
        self.dialog: Any = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes if minutes is not None else idle_minutes(ctx))
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        IdleLock.active.append(self)
        window.destroyed.connect(lambda _o=None: self._forget())

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()

    def _forget(self) -> None:
        if self in IdleLock.active:
            IdleLock.active.remove(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def lock(self) -> None:
        """Log out, hide what is shown, and ask for the password again (over the window)."""
        account = accounts.current()
        if self.locked or account is None:
            return
        from coopdesk.ui.login_dialog import LoginDialog

        self.locked = True
        accounts.logout()
        hidden = _hide_contents()
        self.dialog = LoginDialog(self.ctx, self.window, locked=account.login)
        unlocked = self.dialog.exec()
        self.dialog = None
        if not unlocked:
            QApplication.quit()
            return
        for widget in hidden:
            if isValid(widget):  # a page may have rebuilt a part of itself meanwhile
                widget.show()
        self.locked = False
        self.timer.start()


def _hide_contents() -> list[QWidget]:
    """Hide what each open window shows (its direct children), so nothing is read while
    locked; the windows themselves stay open, with what was typed in them."""
    hidden: list[QWidget] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for child in top.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not child.isWindow():
                child.hide()
                hidden.append(child)
    return hidden
