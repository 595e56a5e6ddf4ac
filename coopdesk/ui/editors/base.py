"""The frame every record editor shares.

A `RecordDialog` edits one record of its `AREA` (a `services.registry` area; new when
`record_id` is None): a header line, tabs (the subclass adds its own; History is added for
saved records), problems shown beside their fields, Save (Ctrl+S) / Cancel (Esc) with
protection against losing unsaved changes. The dialog holds a draft of the record and its
parts; it opens with `ctx.read(AREA.load, id)`, checks as the officer types with
`ctx.read(AREA.check, draft)` and saves with `ctx.write(AREA.save, draft, actor)`: one
transaction on a worker thread, so an error leaves nothing half-saved. The save is refused,
with the form left as typed, when somebody changed the record after it was opened
(`services.registry.opened`).
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.domain.validation import Problem, ValidationFailed
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.registry.drafts import Area, Draft, Saved, plain_field
from coopdesk.services.registry.opened import save_unless_changed
from coopdesk.ui.context import AppContext
from coopdesk.ui.editors.fields import Form
from coopdesk.ui.editors.history import HistoryView
from coopdesk.ui.roles import make_read_only, may_edit
from coopdesk.ui.tasks import error_message


class RecordDialog(QDialog):
    AREA: Area
    TITLE_NEW = ""  # N_() msgid
    TITLE_EDIT = ""  # N_() msgid, may use {name}

    def __init__(self, ctx: AppContext, record_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.opened: Draft | None = None  # the record as it was opened, to see changes since
        self.dirty = False
        self.saved = False
        self.confirm_discard = self._ask_discard
        self.setMinimumSize(760, 560)
        self.resize(900, 640)
        self._build_frame()
        self.build()
        self.history: HistoryView | None = None
        if record_id is not None:
            self.history = HistoryView(ctx, self.AREA.entity, record_id)
            self.tabs.addTab(self.history, "")
        self.load()
        self.translate_ui()
        self.dirty = False
        if not may_edit(ctx):  # a viewer reads the record: nothing to type, save or delete
            make_read_only(self.tabs)
            self.save_button.hide()
            self.delete_button.hide()
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(400)
        self.check_timer.timeout.connect(self.live_check)
        for form in self.forms():
            form.changed.connect(self.check_timer.start)
        i18n.on_language_changed(self._retranslate)
        # a dialog closed without finishing (or deleted with its parent) stops listening too
        retranslate = self._retranslate
        self.finished.connect(lambda _r: i18n.remove_language_listener(retranslate))
        self.destroyed.connect(lambda _o=None: i18n.remove_language_listener(retranslate))

    # --- to override ---------------------------------------------------------------------

    def build(self) -> None:
        """Add tabs to `self.tabs` (use `self.add_form`)."""

    def load(self) -> None:
        """Fill the widgets from the record (or defaults for a new one): `read_draft()`."""

    def read_draft(self) -> Any:
        """The record's draft as saved, or the draft of a new record."""
        if self.record_id is None:
            return self.AREA.new()
        draft = self.ctx.read(self.AREA.load, self.record_id)
        self.opened = copy.deepcopy(draft)
        return draft

    def collect(self) -> dict[str, Any] | None:
        """Read the main record's values; None when a field cannot be read.

        Called by the live check as the officer types, so it only reads: it never changes
        the parts, the tables or what is shown (`prepare_save` is the place for that)."""
        raise NotImplementedError

    def prepare_save(self) -> bool:
        """Before Save only: take what is typed but not added into the parts and keep a
        snapshot of them for the worker thread; False (problems shown) stops the save."""
        return True

    def make_draft(self, data: dict[str, Any]) -> Draft:
        """The draft to check or save: the record's values and (in subclasses) its parts.
        Only reads what is on screen."""
        return self.AREA.draft(id=self.record_id, fields=self.own_fields(data))

    def own_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        return data if self.record_id else {"unit_code": self.ctx.unit_code, **data}

    def translate_extra(self) -> None:
        """Translate what the subclass built."""

    def record_name(self) -> str:
        return ""

    def forms(self) -> list[Form]:
        return [w for w in self.findChildren(Form)]

    # --- frame -------------------------------------------------------------------------

    def _build_frame(self) -> None:
        layout = QVBoxLayout(self)
        self.header = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.header.addWidget(self.heading, 1)
        layout.addLayout(self.header)
        self.general_error = QLabel()
        self.general_error.setObjectName("fieldError")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.delete_button = QPushButton()
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setVisible(self.record_id is not None)
        self.save_button.setDefault(True)
        layout.addWidget(self.buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button.clicked.connect(self.delete_record)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def add_form(self, form: Form, tab_title: str | None = None) -> Form:
        form.changed.connect(self.mark_dirty)
        if tab_title is not None:
            self.tabs.addTab(form, "")
            form.setProperty("tab_msgid", tab_title)
        return form

    def set_tab_title(self, widget: QWidget, msgid: str) -> None:
        widget.setProperty("tab_msgid", msgid)

    def translate_ui(self) -> None:
        name = self.record_name()
        title = _(self.TITLE_EDIT).format(name=name) if self.record_id else _(self.TITLE_NEW)
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.save_button.setText(_("Save"))
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        self.cancel_button.setText(_("Cancel"))
        self.delete_button.setText(_("Delete"))
        for form in self.forms():
            form.translate_ui()
        for n in range(self.tabs.count()):
            widget = self.tabs.widget(n)
            msgid = widget.property("tab_msgid") if widget is not None else None
            if msgid:
                self.tabs.setTabText(n, _(msgid))
        if self.history is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.history), _("History"))
            self.history.translate_ui()
        self.translate_extra()

    def _retranslate(self, _lang: str) -> None:
        self.translate_ui()

    @Slot()
    def mark_dirty(self) -> None:
        self.dirty = True

    # --- saving --------------------------------------------------------------------------

    def clear_problems(self) -> None:
        self.general_error.hide()
        for form in self.forms():
            form.clear_problems()

    def show_problems(self, problems: list[Problem]) -> None:
        rest = [Problem(plain_field(p.field), p.message, p.severity) for p in problems]
        for form in self.forms():
            rest = form.show_problems(rest)
        errors = [p for p in rest if p.severity == "error"] or rest
        if errors:
            self.general_error.setText("\n".join(p.message for p in errors))
            self.general_error.show()
        self._show_tab_of_first_error()

    def _show_tab_of_first_error(self) -> None:
        for form in self.forms():
            if any(
                f.problem() and f.error.objectName() == "fieldError" for f in form.fields.values()
            ):
                tab: QWidget | None = form
                while tab is not None and self.tabs.indexOf(tab) < 0:
                    tab = tab.parentWidget()
                if tab is not None:
                    self.tabs.setCurrentWidget(tab)
                return

    @Slot()
    def live_check(self) -> None:
        """Validate what is on screen as the person types (nothing is saved): problems of
        the fields she has changed appear beside them; the rest (a required field she has not
        reached yet) waits for Save."""
        self.check_timer.stop()
        self.clear_problems()
        data = self.collect()
        if data is None:
            return
        problems = self.live_problems(self.ctx.read(self.AREA.check, self.make_draft(data)))
        shown = {k for form in self.forms() for k, f in form.fields.items() if f.touched}
        plain = [Problem(plain_field(p.field), p.message, p.severity) for p in problems]
        for form in self.forms():
            form.show_problems([p for p in plain if p.field in shown])

    def live_problems(self, problems: list[Problem]) -> list[Problem]:
        """The problems of the live check worth showing now (all by default)."""
        return problems

    @Slot()
    def save(self) -> None:
        self.clear_problems()
        if not self.prepare_save():
            return
        data = self.collect()
        if data is None:
            self._show_tab_of_first_error()
            return
        self.ctx.write(
            save_unless_changed,
            self.AREA,
            self.make_draft(data),
            self.opened,
            self.ctx.actor,
            on_done=self._saved,
            on_error=self._save_failed,
            changes=self.AREA.entity,
        )

    def _saved(self, result: Saved) -> None:
        self.record_id = result.id
        self.saved = True
        self.dirty = False
        self.warnings = result.warnings
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):
            self.show_problems(exc.problems)
        elif isinstance(exc, records.RecordError | ValueError):
            self.general_error.setText(str(exc))
            self.general_error.show()
        else:
            QMessageBox.warning(self, _("CoopDesk"), error_message(exc))

    @Slot()
    def delete_record(self) -> None:
        if self.record_id is None:
            return
        answer = QMessageBox.question(
            self, _("Delete"), _("Delete this record? It stays in the history.")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            self.AREA.delete,
            self.record_id,
            self.ctx.actor,
            on_done=lambda _r: self._deleted(),
            changes=self.AREA.entity,
        )

    def _deleted(self) -> None:
        self.dirty = False
        self.accept()

    # --- leaving -------------------------------------------------------------------------

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("You have changed this record. Close without saving?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.dirty and not self.confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self.confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
