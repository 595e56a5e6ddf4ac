"""Drafts saved as the officer types: a moment after her last keystroke the form goes to
`documents.save_draft` on a worker thread (`ctx.write`), one save at a time.

The page gives a `snapshot()` callable that returns `(form, generation)`: the form as it
belongs to the document shown, and a number the page changes whenever it shows another
document, so that a save finishing late is not taken for the new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from coopdesk.i18n import _
from coopdesk.services import documents
from coopdesk.services.documents import Draft, DraftForm
from coopdesk.ui.context import AppContext

DELAY_MS = 1500  # after the last keystroke
Snapshot = Callable[[], tuple[DraftForm, int]]


class DraftAutosave(QObject):
    """`saved(draft, generation)` after each save; `failed(message)` when one could not be."""

    saved = Signal(object, int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, snapshot: Snapshot, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot = snapshot
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self._save)
        self._changed = False  # edits not yet taken into a snapshot
        self._saving = False
        self._queued: tuple[DraftForm, int] | None = None  # taken while a save was running
        self._then: list[Callable[[], None]] = []

    @property
    def unsaved(self) -> bool:
        """Something she typed is not in the database yet."""
        return self._changed or self._saving or self._queued is not None

    def changed(self) -> None:
        """She edited the form: save it a moment after her last keystroke."""
        self._changed = True
        self.timer.start()

    def flush(self, then: Callable[[], None] | None = None) -> bool:
        """Save now. True if nothing is left unsaved on return; otherwise `then()` runs once
        the save is done (not at all if it fails)."""
        self.timer.stop()
        self._save()
        if not self.unsaved:
            return True
        if then is not None:
            self._then.append(then)
        return False

    def discard(self) -> None:
        """Forget what was typed since the last save."""
        self.timer.stop()
        self._changed = False
        self._queued = None
        self._then.clear()

    def _save(self) -> None:
        if not self._changed:
            return
        snapshot = self.snapshot()
        self._changed = False
        if self._saving:
            self._queued = snapshot
        else:
            self._start(snapshot)

    def _start(self, snapshot: tuple[DraftForm, int]) -> None:
        form, generation = snapshot
        self._saving = True
        self.ctx.write(
            partial(documents.save_draft, actor=self.ctx.actor),
            form,
            on_done=lambda draft: self._done(draft, generation),
            on_error=self._failed,
            changes="reports",
        )

    def _done(self, draft: Draft, generation: int) -> None:
        self._saving = False
        self.saved.emit(draft, generation)
        if self._queued is not None:
            (form, later), self._queued = self._queued, None
            if later == generation and form.report_id is None:  # the draft exists now
                form = replace(form, report_id=draft.id)
            self._start((form, later))
            return
        then, self._then = self._then, []
        for fn in then:
            fn()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._changed = True
        self._queued = None
        self._then.clear()
        self.failed.emit(str(exc))


def ask_about_unsaved(parent: QWidget) -> str:
    """'save', 'discard' or 'cancel': closing with paragraphs not saved yet."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("The report you are writing has changes that are not saved yet."))
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"
