"""The Reports area: choose a document, unit and period, write the paragraphs, preview the
pages, print, save PDF/.xlsx, keep drafts and issue them with the next number.

Rendering runs off the GUI thread through `ctx.tasks` with a progress dialog; the preview is
the very PDF that is saved and printed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from coopdesk.db.engine import session_scope
from coopdesk.db.models import Report, Sector
from coopdesk.i18n import N_, _, current_language
from coopdesk.reports.annual import PARAGRAPH_KEYS
from coopdesk.services import reports
from coopdesk.services.report_data import TEMPLATES
from coopdesk.services.report_lists import LABELS, LIST_FILTERS, LIST_OPTIONS
from coopdesk.ui.context import AppContext
from coopdesk.ui.reports_page_preview import PdfPreview
from coopdesk.ui.year_filter import year_choices

OVERRIDE_FIELDS = (
    ("parent_body", N_("Parent body")),
    ("issuer", N_("Issuing body")),
    ("symbol", N_("Symbol")),
    ("place", N_("Place")),
    ("signer_authority", N_("Signing on behalf of")),
    ("signer_title", N_("Signer's title")),
    ("signer_name", N_("Signer")),
)
STATUS_LABELS = {"draft": N_("Draft"), "issued": N_("Issued")}


def build_report(engine: Any, request: reports.ReportRequest, progress: Any = None) -> Any:
    """Worker: render a request in its own transaction (read only)."""
    with session_scope(engine) as session:
        return reports.render_request(session, request, progress)


# The check-box filters of the lists (ListFilter fields), as in the app's lists.
FILTER_CHECKS = {
    "women_managed": N_("Women in management"),
    "majority_female": N_("> 50 % female workers"),
    "founded_under_programme": N_("Founded under the programme"),
}


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rendered: reports.Rendered | None = None
        self.report_id: str | None = None  # the draft or issued document being edited
        self._build()
        self.translate_ui()
        self._load_defaults()
        self._document_changed()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.document_combo = QComboBox()
        for key in TEMPLATES:
            self.document_combo.addItem("", key)
        self.unit_combo = QComboBox()
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "vi")
        self.language_combo.addItem("", "en")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(QDate.currentDate())

        self.choose_box = QGroupBox()
        form = QFormLayout(self.choose_box)
        self.form_labels = {k: QLabel() for k in ("document", "unit", "period", "lang", "date")}
        form.addRow(self.form_labels["document"], self.document_combo)
        form.addRow(self.form_labels["unit"], self.unit_combo)
        form.addRow(self.form_labels["period"], self.period_combo)
        form.addRow(self.form_labels["lang"], self.language_combo)
        form.addRow(self.form_labels["date"], self.date_edit)

        self.filter_box = QGroupBox()
        filters = QFormLayout(self.filter_box)
        self.kind_combo = QComboBox()
        self.status_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.sector_combo = QComboBox()  # filled in _load_defaults (needs the database)
        self.year_combo = QComboBox()
        self.year_combo.addItem("", None)
        for year in year_choices():
            self.year_combo.addItem(str(year[0]), year[0])
        self.filter_checks = {key: QCheckBox() for key in FILTER_CHECKS}
        self.filter_labels = {
            k: QLabel() for k in ("kind", "status", "sector", "year", "search", "checks")
        }
        checks = QVBoxLayout()
        for box in self.filter_checks.values():
            checks.addWidget(box)
        self.filter_form = filters
        filters.addRow(self.filter_labels["kind"], self.kind_combo)
        filters.addRow(self.filter_labels["status"], self.status_combo)
        filters.addRow(self.filter_labels["sector"], self.sector_combo)
        filters.addRow(self.filter_labels["year"], self.year_combo)
        filters.addRow(self.filter_labels["checks"], checks)
        filters.addRow(self.filter_labels["search"], self.search_edit)

        self.paragraph_box = QGroupBox()
        paragraphs = QVBoxLayout(self.paragraph_box)
        self.paragraph_labels: dict[str, QLabel] = {}
        self.paragraph_edits: dict[str, QPlainTextEdit] = {}
        for key in PARAGRAPH_KEYS:
            label, edit = QLabel(), QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            self.paragraph_labels[key], self.paragraph_edits[key] = label, edit
            paragraphs.addWidget(label)
            paragraphs.addWidget(edit)

        self.signer_box = QGroupBox()
        signer = QFormLayout(self.signer_box)
        self.override_edits = {key: QLineEdit() for key, _label in OVERRIDE_FIELDS}
        self.override_labels = {key: QLabel() for key, _label in OVERRIDE_FIELDS}
        for key, _label in OVERRIDE_FIELDS:
            signer.addRow(self.override_labels[key], self.override_edits[key])
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setMinimumHeight(70)
        self.recipients_label = QLabel()
        signer.addRow(self.recipients_label, self.recipients_edit)

        form_widget = QWidget()
        column = QVBoxLayout(form_widget)
        for box in (self.choose_box, self.filter_box, self.paragraph_box, self.signer_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.preview_button = QPushButton()
        self.save_draft_button = QPushButton()
        self.issue_button = QPushButton()
        self.reissue_button = QPushButton()
        self.new_button = QPushButton()
        self.pdf_button = QPushButton()
        self.xlsx_button = QPushButton()
        self.print_button = QPushButton()
        actions = QHBoxLayout()
        for button in (
            self.preview_button,
            self.save_draft_button,
            self.issue_button,
            self.reissue_button,
            self.new_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        outputs = QHBoxLayout()
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            outputs.addWidget(button)
        outputs.addStretch(1)

        self.register_table = QTableWidget(0, 5)
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register_table.verticalHeader().setVisible(False)
        self.register_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.register_table.setMaximumHeight(180)
        self.register_label = QLabel()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.register_label)
        left_layout.addWidget(self.register_table)

        self.preview = PdfPreview()
        self.status_label = QLabel()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(outputs)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self.preview_button.clicked.connect(self.generate)
        self.save_draft_button.clicked.connect(self.save)
        self.issue_button.clicked.connect(self.issue)
        self.reissue_button.clicked.connect(self.reissue)
        self.new_button.clicked.connect(self.new_record)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.print_button.clicked.connect(self.print_pdf)
        self.register_table.itemSelectionChanged.connect(self._register_selected)
        self._update_buttons()

    def translate_ui(self) -> None:
        self.title.setText(_("Reports"))
        for i, key in enumerate(TEMPLATES):
            self.document_combo.setItemText(i, _(TEMPLATES[key][1]))
        self.language_combo.setItemText(0, _("Vietnamese (official)"))
        self.language_combo.setItemText(1, _("English"))
        self.choose_box.setTitle(_("Document"))
        for key, text in (
            ("document", _("Document")),
            ("unit", _("Unit")),
            ("period", _("Period")),
            ("lang", _("Language")),
            ("date", _("Date of the document")),
        ):
            self.form_labels[key].setText(text)
        self.filter_box.setTitle(_("Filters"))
        self.filter_labels["kind"].setText(_("Kind"))
        self.filter_labels["status"].setText(_("Status"))
        self.filter_labels["search"].setText(_("Search"))
        self.filter_labels["sector"].setText(_("Sector"))
        self.filter_labels["checks"].setText(_("Only"))
        self._set_year_label()
        self.year_combo.setItemText(0, _("All years"))
        self.sector_combo.setItemText(0, _("All sectors"))
        for key, box in self.filter_checks.items():
            box.setText(_(FILTER_CHECKS[key]))
        self._name_sectors()
        self.search_edit.setPlaceholderText(_("name or title, accents optional"))
        self._fill_filter_choices()
        self.paragraph_box.setTitle(_("Your paragraphs (saved with the report)"))
        for key, msgid in PARAGRAPH_KEYS.items():
            self.paragraph_labels[key].setText(_(msgid))
        self.signer_box.setTitle(_("Issuer and signer of this document"))
        for key, msgid in OVERRIDE_FIELDS:
            self.override_labels[key].setText(_(msgid))
        self.recipients_label.setText(_("Recipients (one per line)"))
        self.preview_button.setText(_("Preview"))
        self.save_draft_button.setText(_("Save draft"))
        self.issue_button.setText(_("Issue…"))
        self.reissue_button.setText(_("Re-issue…"))
        self.new_button.setText(_("New draft"))
        self.pdf_button.setText(_("Save PDF…"))
        self.xlsx_button.setText(_("Save Excel…"))
        self.print_button.setText(_("Print…"))
        self.register_label.setText(_("Documents of this unit"))
        self.register_table.setHorizontalHeaderLabels(
            [_("Number"), _("Date"), _("Document"), _("Period"), _("Status")]
        )
        self._fill_periods()
        self._show_status()
        self.refresh_register()

    # --- state -----------------------------------------------------------------------------

    def _load_defaults(self) -> None:
        from coopdesk.services import settings, units

        self._load_sectors()
        with self.ctx.session() as session:
            own = units.get(session, self.ctx.unit_code)
            choices = [(own.code, own.name)] if own else [(self.ctx.unit_code, self.ctx.unit_code)]
            if self.ctx.is_aggregator:
                choices += [(u.code, u.name) for u in units.children(session, self.ctx.unit_code)]
            doc = settings.get_document_settings(session, self.ctx.unit_code)
        self.unit_combo.clear()
        for code, name in choices:
            self.unit_combo.addItem(name, code)
        self._defaults: dict[str, Any] = {k: str(getattr(doc, k, "")) for k, _l in OVERRIDE_FIELDS}
        self._defaults["recipients"] = list(doc.recipients)
        for key, _label in OVERRIDE_FIELDS:
            self.override_edits[key].setText(self._defaults[key])
        self.recipients_edit.setPlainText("\n".join(doc.recipients))

    def _fill_periods(self) -> None:
        current = self.period_combo.currentData() or str(dt.date.today().year)
        year = dt.date.today().year
        choices = [
            (str(year), _("Year {year}").format(year=year)),
            (str(year - 1), _("Year {year}").format(year=year - 1)),
            (f"{year}r", _("Reporting year {year}").format(year=year)),
            ("phase1", _("Phase 1 (2023–2025)")),
            ("phase2", _("Phase 2 (2026–2030)")),
            ("all", _("Whole programme (2023–2030)")),
        ]
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for key, text in choices:
            self.period_combo.addItem(text, key)
        self.period_combo.blockSignals(False)
        self.set_period(current)

    def set_period(self, key: str) -> None:
        index = self.period_combo.findData(key)
        if index >= 0:
            self.period_combo.setCurrentIndex(index)
        else:
            self.period_combo.setEditText(key)

    def period_key(self) -> str:
        text = self.period_combo.currentText().strip()
        data = self.period_combo.currentData()
        if (
            data is not None
            and self.period_combo.itemText(self.period_combo.currentIndex()) == text
        ):
            return str(data)
        return text

    def template(self) -> str:
        return str(self.document_combo.currentData())

    def set_template(self, key: str) -> None:
        self.document_combo.setCurrentIndex(self.document_combo.findData(key))

    def _fill_filter_choices(self) -> None:
        kinds, statuses = LIST_FILTERS.get(self.template(), ((), ()))
        for combo, codes in ((self.kind_combo, kinds), (self.status_combo, statuses)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("All"), "")
            for code in codes:
                combo.addItem(_(LABELS.get(code, code)), code)
            index = combo.findData(keep)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    @Slot()
    def _document_changed(self) -> None:
        template = self.template()
        is_list = template.startswith("list-")
        self.filter_box.setVisible(is_list)
        self.paragraph_box.setVisible(template == "annual")
        self._fill_filter_choices()
        self.period_combo.setEnabled(template != "plan")  # a plan prints its own period
        kinds, statuses = LIST_FILTERS.get(template, ((), ()))
        self.kind_combo.setEnabled(bool(kinds))
        self.status_combo.setEnabled(bool(statuses))
        options = LIST_OPTIONS.get(template, frozenset())
        self.filter_form.setRowVisible(self.sector_combo, "sector" in options)
        self.filter_form.setRowVisible(self.year_combo, "year" in options)
        self.filter_form.setRowVisible(
            self.filter_labels["checks"], any(key in options for key in FILTER_CHECKS)
        )
        for key, box in self.filter_checks.items():
            box.setVisible(key in options)
        self._set_year_label()

    def _set_year_label(self) -> None:
        founded = self.template() == "list-cooperatives"
        self.filter_labels["year"].setText(_("Founded in") if founded else _("Year"))

    def _load_sectors(self) -> None:
        with self.ctx.session() as session:
            self._sectors = {
                code: (vi, en)
                for code, vi, en in session.execute(
                    select(Sector.code, Sector.name_vi, Sector.name_en).order_by(Sector.name_vi)
                )
            }
        self.sector_combo.clear()
        self.sector_combo.addItem(_("All sectors"), "")
        for code in self._sectors:
            self.sector_combo.addItem("", code)
        self._name_sectors()

    def _name_sectors(self) -> None:
        english = current_language() == "en"
        for n in range(1, self.sector_combo.count()):
            names = getattr(self, "_sectors", {}).get(self.sector_combo.itemData(n))
            if names:
                self.sector_combo.setItemText(n, names[1] if english else names[0])

    def paragraphs(self) -> dict[str, str]:
        return {k: e.toPlainText().strip() for k, e in self.paragraph_edits.items()}

    def overrides(self) -> dict[str, Any]:
        """What this document changes from the unit's settings (only that is stored, so a
        plan keeps its own issuer and later changes to the settings still apply)."""
        values: dict[str, Any] = {k: e.text().strip() for k, e in self.override_edits.items()}
        values["recipients"] = [
            line.strip() for line in self.recipients_edit.toPlainText().splitlines() if line.strip()
        ]
        return {k: v for k, v in values.items() if v != self._defaults.get(k)}

    def filters(self) -> reports.ListFilter:
        return reports.ListFilter(
            kind=str(self.kind_combo.currentData() or ""),
            search=self.search_edit.text().strip(),
            status=str(self.status_combo.currentData() or ""),
            **self._option_values(),
        )

    def _option_values(self) -> dict[str, Any]:
        """The extra filters the chosen list offers (hidden ones are not applied)."""
        options = LIST_OPTIONS.get(self.template(), frozenset())
        values: dict[str, Any] = {
            "sector": str(self.sector_combo.currentData() or ""),
            "year": self.year_combo.currentData() or None,
            **{key: box.isChecked() for key, box in self.filter_checks.items()},
        }
        return {k: v for k, v in values.items() if k in options}

    def document_date(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def request(self) -> reports.ReportRequest:
        """What the form says; an issued document is shown as it was issued."""
        reissue_note = ""
        if self.report_id is not None:
            with self.ctx.session() as session:
                record = session.get(Report, self.report_id)
                if record is not None and record.status == "issued":
                    return reports.request_for(session, record, self.language())
                if record is not None and record.reissue_of:
                    stored = reports.request_for(session, record, self.language())
                    reissue_note = stored.reissue_note
        return reports.ReportRequest(
            template=self.template(),
            unit_code=str(self.unit_combo.currentData()),
            period=self.period_key(),
            lang=self.language(),
            date=self.document_date(),
            paragraphs=self.paragraphs(),
            overrides=self.overrides(),
            filters=self.filters(),
            reissue_note=reissue_note,
        )

    def language(self) -> str:
        return str(self.language_combo.currentData())

    # --- actions ---------------------------------------------------------------------------

    @Slot()
    def generate(self) -> None:
        """Render the document off the GUI thread and show its pages."""
        self.status_label.setText(_("Preparing the document…"))
        self.ctx.tasks.run(
            build_report,
            self.ctx.engine,
            self.request(),
            on_done=self._rendered,
            on_error=self._failed,
            progress_label=_("Preparing the document…"),
            changes=None,
        )

    def _rendered(self, rendered: reports.Rendered) -> None:
        self.rendered = rendered
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
        header = self.rendered.document.header
        self.status_label.setText(
            _("{pages} pages · {number}").format(
                pages=self.preview.page_count, number=header.number_line()
            )
        )

    def _update_buttons(self) -> None:
        has = self.rendered is not None
        for button in (self.pdf_button, self.xlsx_button, self.print_button):
            button.setEnabled(has)
        status = self._record_status()
        self.save_draft_button.setEnabled(status != "issued")
        self.issue_button.setEnabled(status != "issued")
        self.reissue_button.setEnabled(status == "issued")

    def _record_status(self) -> str | None:
        if self.report_id is None:
            return None
        with self.ctx.session() as session:
            record = session.get(Report, self.report_id)
            return record.status if record is not None else None

    def _save_draft(self, session: Any) -> Report:
        record = session.get(Report, self.report_id) if self.report_id else None
        template = self.template()
        return reports.save_draft(
            session,
            template=template,
            unit_code=str(self.unit_combo.currentData()),
            period=self.period_key(),
            actor=self.ctx.actor,
            paragraphs=self.paragraphs() if template == "annual" else {},
            overrides=self.overrides(),
            filters=self.filters() if template.startswith("list-") else None,
            date=self.document_date(),
            report=record,
        )

    @Slot()
    def save(self) -> None:
        """Save the draft with its paragraphs and settings (Ctrl+S)."""
        if self._record_status() == "issued":
            return
        try:
            with self.ctx.session() as session:
                record = self._save_draft(session)
                self.report_id = record.id
        except reports.ReportError as exc:
            QMessageBox.warning(self, _("Reports"), str(exc))
            return
        self.ctx.data_changed.emit("reports")
        self.refresh_register()
        self._update_buttons()
        self.status_label.setText(_("Draft saved."))

    @Slot()
    def issue(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Issue the document"),
            _(
                "Issue this document? It gets the next number for this year and can no "
                "longer be changed (a correction is a re-issue)."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.ctx.session() as session:
            self.report_id = self._save_draft(session).id
        self.ctx.tasks.run(
            self._issue_worker,
            self.report_id,
            self.document_date(),
            self.language(),
            on_done=self._issued,
            progress_label=_("Issuing the document…"),
            changes="reports",
        )

    def _issue_worker(
        self, report_id: str, day: dt.date, lang: str, progress: Any = None
    ) -> reports.Rendered:
        """Worker: number and record the official (Vietnamese) PDF; show it in `lang`."""
        with session_scope(self.ctx.engine) as session:
            record = session.get(Report, report_id)
            rendered = reports.issue_report(
                session, record, actor=self.ctx.actor, issued_on=day, progress=progress
            )
            if lang != "vi":
                rendered = reports.render(session, record, lang)
            return rendered

    def _issued(self, rendered: reports.Rendered) -> None:
        self._rendered(rendered)
        self.refresh_register()
        self.status_label.setText(
            _("Issued as {number}.").format(number=rendered.document.header.number_line())
        )

    @Slot()
    def reissue(self) -> None:
        if self.report_id is None:
            return
        with self.ctx.session() as session:
            original = session.get(Report, self.report_id)
            copy = reports.reissue(session, original, actor=self.ctx.actor)
            self.report_id = copy.id
        self.ctx.data_changed.emit("reports")
        self.refresh_register()
        self._update_buttons()
        self.status_label.setText(_("A replacing draft was made: edit it, then issue it."))

    @Slot()
    def new_record(self) -> None:
        self.report_id = None
        self.register_table.clearSelection()
        for edit in self.paragraph_edits.values():
            edit.clear()
        self._load_defaults()
        self.rendered = None
        self.preview.clear()
        self._show_status()
        self._update_buttons()

    def _ask_path(self, title: str, suffix: str, pattern: str) -> Path | None:
        name = f"{self.template()}-{self.period_key()}{suffix}".replace("/", "-")
        path, _filter = QFileDialog.getSaveFileName(self, title, name, pattern)
        if not path:
            return None
        target = Path(path)
        return target if target.suffix.lower() == suffix else target.with_suffix(suffix)

    @Slot()
    def save_pdf(self) -> None:
        if self.rendered is None:
            return
        target = self._ask_path(_("Save PDF"), ".pdf", _("PDF documents (*.pdf)"))
        if target is not None:
            target.write_bytes(self.rendered.pdf)
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
        with self.ctx.session() as session:
            rows = [
                (
                    r.id,
                    f"{r.number:02d}/{r.symbol}" if r.number is not None else "",
                    f"{r.issued_on:%d/%m/%Y}" if r.issued_on else "",
                    _(TEMPLATES[r.template][1]) if r.template in TEMPLATES else r.template,
                    r.period,
                    _(STATUS_LABELS.get(r.status, r.status)),
                    bool(r.reissue_of),
                )
                for r in reports.register(session, self.ctx.unit_code)
            ]
        self.register_table.blockSignals(True)
        self.register_table.setRowCount(len(rows))
        for row, (report_id, number, date, title, period, status, replaces) in enumerate(rows):
            if replaces:
                status = _("{status} (re-issue)").format(status=status)
            for col, text in enumerate((number, date, title, period, status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, report_id)
                self.register_table.setItem(row, col, item)
            if report_id == self.report_id:
                self.register_table.selectRow(row)
        self.register_table.blockSignals(False)

    @Slot()
    def _register_selected(self) -> None:
        items = self.register_table.selectedItems()
        if not items:
            return
        self.load_report(str(items[0].data(Qt.ItemDataRole.UserRole)))

    def load_report(self, report_id: str) -> None:
        """Put a stored draft (or issued document) back into the form."""
        with self.ctx.session() as session:
            record = session.get(Report, report_id)
            if record is None:
                return
            request = reports.request_for(session, record, self.language())
        self.report_id = report_id
        self.set_template(request.template)
        index = self.unit_combo.findData(request.unit_code)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)
        self.set_period(request.period)
        if request.date:
            self.date_edit.setDate(QDate(request.date.year, request.date.month, request.date.day))
        for key, edit in self.paragraph_edits.items():
            edit.setPlainText(request.paragraphs.get(key, ""))
        for key, edit in self.override_edits.items():
            if key in request.overrides:
                edit.setText(str(request.overrides[key]))
        if "recipients" in request.overrides:
            self.recipients_edit.setPlainText("\n".join(request.overrides["recipients"]))
        self.search_edit.setText(request.filters.search)
        for combo, value in (
            (self.kind_combo, request.filters.kind),
            (self.status_combo, request.filters.status),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.sector_combo.setCurrentIndex(
            max(self.sector_combo.findData(request.filters.sector), 0)
        )
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(request.filters.year), 0))
        for key, box in self.filter_checks.items():
            box.setChecked(bool(getattr(request.filters, key)))
        self._update_buttons()

    def status_text(self) -> str:
        return self.status_label.text()
