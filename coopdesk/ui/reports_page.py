"""The Reports area: choose a document, unit and period, write the paragraphs, preview the
pages, print, save PDF/.xlsx, and issue a draft with the next number.

The parts: `reports_form` (what the document is and says), `reports_filters` (the lists'
filters), `reports_register` (the unit's documents), `reports_autosave` (drafts saved as she
types), `reports_page_preview` (the pages). Everything reaches the data through
`services.documents` via the context: reads on the GUI thread are quick lookups; saving,
issuing and rendering run on a worker thread, with progress where they take a while. The
preview is the very PDF that is saved and printed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.accounts import Permission
from coopdesk.i18n import _
from coopdesk.services import documents
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_autosave import DraftAutosave, ask_about_unsaved
from coopdesk.ui.reports_form import LEAVE_OUT, ReportForm
from coopdesk.ui.reports_page_preview import PdfPreview
from coopdesk.ui.reports_register import RegisterTable
from coopdesk.ui.reports_wording import reword, stale_before_issue
from coopdesk.ui.roles import show_only_to


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rendered: documents.Rendered | None = None
        self.report_id: str | None = None  # the stored document the form shows
        self.issued = False
        self.generation = 0  # changes whenever the form shows another document
        self.autosave = DraftAutosave(ctx, self._snapshot, self)
        self._build()
        self.translate_ui()
        self.form.set_choices(ctx.read(documents.form_choices, ctx.unit_code, ctx.is_aggregator))
        self._show_chosen()
        self.form.selection_changed.connect(self._selection_changed)
        self.form.edited.connect(self._edited)
        self.form.wording_requested.connect(self.edit_wording)
        self.autosave.saved.connect(self._saved)
        self.autosave.failed.connect(self._save_failed)
        self.register.chosen.connect(self.load_report)

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.form = ReportForm()
        self.form_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.register_label = QLabel()
        self.register = RegisterTable()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(self._build_actions())
        register_row = QHBoxLayout()
        self.reprint_button = QPushButton()
        self.reprint_button.clicked.connect(self.reprint)
        register_row.addWidget(self.register_label, 1)
        register_row.addWidget(self.reprint_button)
        left_layout.addLayout(register_row)
        left_layout.addWidget(self.register)
        self.preview = PdfPreview()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self._build_outputs())
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)  # the form needs room for the period's dates
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self._update_buttons()

    def _build_actions(self) -> QHBoxLayout:
        self.preview_button = QPushButton()
        self.save_draft_button = QPushButton()
        self.issue_button = QPushButton()
        self.reissue_button = QPushButton()
        self.new_button = QPushButton()
        actions = QHBoxLayout()
        for button, slot in (
            (self.preview_button, self.generate),
            (self.save_draft_button, self.save),
            (self.issue_button, self.issue),
            (self.reissue_button, self.reissue),
            (self.new_button, self.new_record),
        ):
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        show_only_to(self.ctx, Permission.EDIT_RECORDS,
                     self.save_draft_button, self.issue_button, self.reissue_button)  # fmt: skip
        return actions

    def _build_outputs(self) -> QHBoxLayout:
        self.pdf_button = QPushButton()
        self.docx_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.print_button = QPushButton()
        outputs = QHBoxLayout()
        for button, slot in (
            (self.pdf_button, self.save_pdf),
            (self.docx_button, self.save_docx),
            (self.xlsx_button, self.save_xlsx),
            (self.print_button, self.print_pdf),
        ):
            button.clicked.connect(slot)
            outputs.addWidget(button)
        outputs.addStretch(1)
        return outputs

    def translate_ui(self) -> None:
        self.title.setText(_("Reports"))
        self.form.translate_ui()
        self.preview_button.setText(_("Preview"))
        self.save_draft_button.setText(_("Save draft"))
        self.issue_button.setText(_("Issue…"))
        self.reissue_button.setText(_("Re-issue…"))
        self.new_button.setText(_("New draft"))
        self.pdf_button.setText(_("Save PDF…"))
        self.docx_button.setText(_("Save Word…"))
        self.xlsx_button.setText(_("Save Excel…"))
        self.print_button.setText(_("Print…"))
        self.register_label.setText(_("Documents of this unit"))
        self.reprint_button.setText(_("Save as issued…"))
        self.register.translate_ui()
        self._show_status()

    # --- which document the form shows ---------------------------------------------------------

    @Slot()
    def _selection_changed(self) -> None:
        """Another kind, unit or period: keep what was typed, show that document's draft."""
        self.autosave.flush()
        self._show_chosen()

    def _show_chosen(self) -> None:
        template, unit_code, period = self.form.triple()
        draft = self.ctx.read(documents.latest_draft, template, unit_code, period)
        self._show(draft)

    def _show(self, draft: documents.Draft | None) -> None:
        unit_code = draft.form.unit_code if draft is not None else self.form.unit_code()
        template = draft.form.template if draft is not None else self.form.template()
        defaults = self.ctx.read(documents.issuing_defaults, unit_code, template)
        self.generation += 1
        self.report_id = draft.id if draft is not None else None
        self.issued = draft is not None and draft.issued
        self.form.show_form(draft.form if draft is not None else None, defaults)
        self.form.set_read_only(self.issued)
        self.rendered = None
        self.preview.clear()
        self.refresh_register()
        self._show_status()
        self._update_buttons()

    @Slot(str)
    def load_report(self, report_id: str) -> None:
        """Put a stored draft (or issued document) back into the form."""
        self.autosave.flush()
        self._show(self.ctx.read(documents.get_draft, report_id))

    @Slot()
    def new_record(self) -> None:
        """An empty draft for what is chosen (the one being written stays saved)."""
        self.autosave.flush()
        self._show(None)

    # --- saving as she types --------------------------------------------------------------

    @Slot()
    def _edited(self) -> None:
        if self.issued:
            return
        form = self.form.content_form(self.report_id)
        written = any(v is None or v for v in form.paragraphs.values())  # None: left out
        if self.report_id is None and not (written or form.overrides or form.wording):
            return  # a new draft is made once she writes something of her own
        self.autosave.changed()

    def _snapshot(self) -> tuple[documents.DraftForm, int]:
        return self.form.content_form(self.report_id), self.generation

    def _saved(self, draft: documents.Draft, generation: int) -> None:
        if generation == self.generation:
            self.report_id = draft.id
            self._update_buttons()
        self.refresh_register()
        self.status_label.setText(_("Draft saved."))

    def _save_failed(self, message: str) -> None:
        self.status_label.setText(_("The draft could not be saved: {error}").format(error=message))

    @Slot()
    def save(self) -> None:
        """Save the draft with its paragraphs and settings now (Ctrl+S)."""
        if not self.issued:
            self.autosave.changed()
            self.autosave.flush()

    def can_close(self) -> bool:
        """Asked by the main window before it closes."""
        if not self.autosave.unsaved:
            return True
        answer = ask_about_unsaved(self)
        if answer == "discard":
            self.autosave.discard()
            return True
        if answer == "save":
            window = self.window()
            return self.autosave.flush(then=lambda: QTimer.singleShot(0, window.close))
        return False

    # --- rendering, issuing ------------------------------------------------------------------

    @Slot()
    def generate(self) -> None:
        """Render the document off the GUI thread and show its pages."""
        self.status_label.setText(_("Preparing the document…"))
        self.ctx.read_later(
            documents.preview,
            self.form.values(self.report_id),
            self.form.language(),
            on_done=self._rendered,
            on_error=self._failed,
            progress_label=_("Preparing the document…"),
        )

    @Slot()
    def edit_wording(self) -> None:
        """The generated sentences of what the form says, each to reword (off the GUI thread:
        the figures are computed as for a preview)."""
        self.status_label.setText(_("Preparing the document…"))
        self.ctx.read_later(
            documents.wording_of,
            self.form.values(self.report_id),
            self.form.language(),
            on_done=self._ask_wording,
            on_error=self._failed,
        )

    def _ask_wording(self, lines: list[documents.WordingLine]) -> None:
        self._show_status()
        reword(self, lines, self.form, self.issued)

    def _rendered(self, rendered: documents.Rendered) -> None:
        self.rendered = rendered
        generated = documents.generated_of(rendered.document)
        self.form.show_stale(
            documents.stale_keys(generated, self.form.wording, rendered.document.lang)
        )
        self.preview.show_pdf(rendered.pdf)
        self._show_status()
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.rendered = None
        self.preview.clear()
        self.status_label.setText(str(exc))
        self._update_buttons()

    def _show_status(self) -> None:
        if self.rendered is None:
            self.status_label.setText(_("Choose a document and press Preview."))
            return
        self.status_label.setText(
            _("{pages} pages · {number}").format(
                pages=self.preview.page_count, number=self.rendered.number_line
            )
        )

    def _update_buttons(self) -> None:
        for button in (self.pdf_button, self.docx_button, self.xlsx_button, self.print_button):
            button.setEnabled(self.rendered is not None)
        self.save_draft_button.setEnabled(not self.issued)
        self.issue_button.setEnabled(not self.issued)
        self.reissue_button.setEnabled(self.issued)
        entry = self.register.current_entry()
        self.reprint_button.setEnabled(entry is not None and "pdf" in entry.files)

    @Slot()
    def issue(self) -> None:
        """Issue what the form says: refused while a part is empty; a second document for
        the same period only as a replacement she confirms."""
        form = self.form.values(self.report_id)
        check = self.ctx.read(
            documents.check_issue,
            form.template,
            form.unit_code,
            form.period,
            form.paragraphs,
            self.report_id,
            form.plan_id,
        )
        if check.empty:
            self._refuse_empty(check.empty)
            return
        replaces = check.replaces
        question = stale_before_issue(self.form) + _issue_question(replaces)
        answer = QMessageBox.question(self, _("Issue the document"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        issue = partial(self._issue, replaces.id if replaces else None)
        if self.autosave.flush(then=issue):
            issue()

    def _refuse_empty(self, keys: tuple[str, ...]) -> None:
        """Name each empty part by the field where she writes it, and go to the first."""
        fields = ", ".join(f"“{self.form.paragraph_label(k)}”" for k in keys)
        message = _(
            "The document is not issued: these parts are still empty: {fields}. Write each in "
            "its field under “{box}”, or tick “{leave}” beside its name to leave that part out "
            "of the document."
        ).format(fields=fields, box=self.form.paragraph_box.title(), leave=_(LEAVE_OUT))
        self.status_label.setText(_("Not issued: still empty: {fields}.").format(fields=fields))
        first = self.form.paragraph_edit(keys[0])
        self.form_scroll.ensureWidgetVisible(first)
        first.setFocus()
        QMessageBox.warning(self, _("Issue the document"), message)

    def _issue(self, replaces: str | None) -> None:
        issue = partial(
            documents.issue_draft,
            actor=self.ctx.actor,
            issued_on=self.form.document_date(),
            lang=self.form.language(),
            replaces=replaces,
        )
        self.ctx.write(
            issue,
            self.form.values(self.report_id),
            on_done=self._issued,
            progress_label=_("Issuing the document…"),
            changes="reports",
        )

    def _issued(self, issued: documents.Issued) -> None:
        self._show(issued.draft)
        self._rendered(issued.shown)
        self.status_label.setText(
            _("Issued as {number}.").format(number=issued.official.number_line)
        )

    @Slot()
    def reissue(self) -> None:
        if self.report_id is None or not self.issued:
            return
        self.ctx.write(
            partial(documents.reissue, actor=self.ctx.actor),
            self.report_id,
            on_done=self._reissued,
            changes="reports",
        )

    def _reissued(self, draft: documents.Draft) -> None:
        self._show(draft)
        self.status_label.setText(_("A replacing draft was made: edit it, then issue it."))

    # --- files and printing ------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        name = documents.document_file_name(
            self.form.template(), self.form.unit_name(), self.form.period_key(), suffix
        )
        path, _filter = QFileDialog.getSaveFileName(self, title, name, pattern)
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_suffix(suffix)

    @Slot()
    def reprint(self) -> None:
        """Save the chosen register entry's PDF (or .docx) exactly as it was issued."""
        entry = self.register.current_entry()
        if entry is None or "pdf" not in entry.files:
            return
        name = documents.document_file_name(
            entry.template, self.form.unit_name(), entry.period, ".pdf"
        )
        patterns = [_("PDF documents (*.pdf)")]
        if "docx" in entry.files:
            patterns.append(_("Word documents (*.docx)"))
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Save as issued"), name, ";;".join(patterns)
        )
        if not path:
            return
        target = Path(path)
        word = target.suffix.lower() == ".docx" or (len(patterns) > 1 and chosen == patterns[1])
        target = target.with_suffix(".docx" if word else ".pdf")
        try:
            content = self.ctx.read(documents.issued_file, entry.id, "docx" if word else "pdf")
        except documents.ReportError as exc:
            self.status_label.setText(str(exc))
            return
        target.write_bytes(content)
        self.status_label.setText(
            _("Saved {file}, as issued (No. {number}).").format(
                file=target, number=entry.number_line
            )
        )

    @Slot()
    def save_pdf(self) -> None:
        if self.rendered is None:
            return
        target = self._ask_path(_("Save PDF"), ".pdf", _("PDF documents (*.pdf)"))
        if target is not None:
            target.write_bytes(self.rendered.pdf)
            self.status_label.setText(_("Saved {file}").format(file=target))

    @Slot()
    def save_docx(self) -> None:
        if self.rendered is None:
            return
        target = self._ask_path(_("Save Word"), ".docx", _("Word documents (*.docx)"))
        if target is not None:
            target.write_bytes(self.rendered.docx())
            self.status_label.setText(_("Saved {file}").format(file=target))

    @Slot()
    def save_xlsx(self) -> None:
        if self.rendered is None:
            return
        target = self._ask_path(_("Save Excel"), ".xlsx", _("Excel workbooks (*.xlsx)"))
        if target is not None:
            target.write_bytes(self.rendered.xlsx())
            self.status_label.setText(_("Saved {file}").format(file=target))

    @Slot()
    def print_pdf(self) -> None:
        if self.rendered is not None:
            self.preview.print_document()

    # --- the register --------------------------------------------------------------------

    def refresh(self) -> None:
        self.refresh_register()

    def refresh_register(self) -> None:
        entries = self.ctx.read(documents.register, self.ctx.unit_code)
        self.register.show_entries(entries, self.report_id)

    def status_text(self) -> str:
        return self.status_label.text()


def _issue_question(replaces: documents.IssuedRef | None) -> str:
    if replaces is None:
        return _(
            "Issue this document? It gets the next number for this year and can no "
            "longer be changed (a correction is a re-issue)."
        )
    return _(
        "Document No. {number} of {date} is already issued for this document, unit and "
        "period. Issue this one to replace it? It gets the next number and says “Replaces "
        "document No. {number}”; both stay in the register, the old one marked replaced."
    ).format(number=replaces.number_line, date=replaces.date_text)
