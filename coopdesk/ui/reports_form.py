"""The Reports form: which document (kind, unit, period, language, date), the list filters,
the officer's paragraphs and the issuer and signer of this document.

`selection_changed` fires when the kind, unit or period chosen changes (the page then shows
that document's draft); `wording_requested` when she asks to reword the generated sentences
(the page opens `reports_wording.WordingDialog`); `edited` fires when she changes what the document says (the page
then saves the draft a moment later). `content_form()` is the form as it belongs to the
document shown, even in the instant after another kind, unit or period was chosen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.periods import Period, default_period, standard_choices
from coopdesk.i18n import N_, _, ngettext
from coopdesk.services.documents import (
    PARAGRAPH_KEYS,
    TEMPLATES,
    WITH_PARAGRAPHS,
    WRITTEN_ONLY,
    DraftForm,
    FormChoices,
    Reworded,
)
from coopdesk.ui.reports_filters import ListFilterBox

OVERRIDE_FIELDS = (
    ("parent_body", N_("Parent body")),
    ("issuer", N_("Issuing body")),
    ("symbol", N_("Symbol")),
    ("place", N_("Place")),
    ("signer_authority", N_("Signing on behalf of")),
    ("signer_title", N_("Signer's title")),
    ("signer_name", N_("Signer")),
)
Triple = tuple[str, str, str]  # (template, unit code, period key): which document
# The parts with a heading of their own, which the officer may leave out of the document.
OMITTABLE = (*WRITTEN_ONLY, "international")
LEAVE_OUT = N_("Leave this part out")


class ReportForm(QWidget):
    selection_changed = Signal()
    wording_requested = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.cutoff: str | None = None
        self.defaults: dict[str, Any] = {}  # the unit's issuer and signer (document settings)
        self.wording: dict[str, Reworded] = {}  # her text for generated sentences
        self.stale: set[str] = set()  # the keys whose generated text changed since
        self.shown: Triple = ("", "", "")  # the document whose content the form holds
        self._quiet = False  # True while the form is filled by the program
        layout = QVBoxLayout(self)
        for box in (self._build_choose(), self._build_filters(), *self._build_texts()):
            layout.addWidget(box)
        layout.addStretch(1)
        self._connect()

    # --- building ------------------------------------------------------------------------

    def _build_choose(self) -> QGroupBox:
        self.document_combo = QComboBox()
        for key in TEMPLATES:
            self.document_combo.addItem("", key)
        self.unit_combo = QComboBox()
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language_combo = QComboBox()
        self.language_combo.addItem("", "vi")
        self.language_combo.addItem("", "en")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.choose_box = QGroupBox()
        form = QFormLayout(self.choose_box)
        self.choose_labels = {k: QLabel() for k in ("document", "unit", "period", "lang", "date")}
        for key, widget in (
            ("document", self.document_combo),
            ("unit", self.unit_combo),
            ("period", self.period_combo),
            ("lang", self.language_combo),
            ("date", self.date_edit),
        ):
            form.addRow(self.choose_labels[key], widget)
        return self.choose_box

    def _build_filters(self) -> ListFilterBox:
        self.filter_box = ListFilterBox()
        return self.filter_box

    def _build_texts(self) -> tuple[QGroupBox, QGroupBox]:
        self.paragraph_box = QGroupBox()
        paragraphs = QVBoxLayout(self.paragraph_box)
        self.paragraph_labels: dict[str, QLabel] = {}
        self.paragraph_edits: dict[str, QPlainTextEdit] = {}
        self.leave_out_boxes: dict[str, QCheckBox] = {}
        for key in PARAGRAPH_KEYS:
            label, edit = QLabel(), QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            self.paragraph_labels[key], self.paragraph_edits[key] = label, edit
            heading = QHBoxLayout()  # the part's name, and beside it "leave this part out"
            heading.addWidget(label, 1)
            if key in OMITTABLE:
                self.leave_out_boxes[key] = QCheckBox()
                heading.addWidget(self.leave_out_boxes[key])
            paragraphs.addLayout(heading)
            paragraphs.addWidget(edit)
        self._build_wording_row(paragraphs)
        self.signer_box = QGroupBox()
        signer = QFormLayout(self.signer_box)
        self.override_edits = {key: QLineEdit() for key, _label in OVERRIDE_FIELDS}
        self.override_labels = {key: QLabel() for key, _label in OVERRIDE_FIELDS}
        for key, _label in OVERRIDE_FIELDS:
            signer.addRow(self.override_labels[key], self.override_edits[key])
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        self.recipients_edit.setMinimumHeight(70)
        self.recipients_label = QLabel()
        signer.addRow(self.recipients_label, self.recipients_edit)
        return self.paragraph_box, self.signer_box

    def _build_wording_row(self, paragraphs: QVBoxLayout) -> None:
        """How many generated sentences she reworded, and “Wording…” to see and reword them."""
        self.wording_label = QLabel()
        self.wording_label.setWordWrap(True)
        self.wording_button = QPushButton()
        self.wording_button.clicked.connect(self.wording_requested)
        row = QHBoxLayout()
        row.addWidget(self.wording_label, 1)
        row.addWidget(self.wording_button, 0, Qt.AlignmentFlag.AlignTop)
        self.wording_label.setMinimumHeight(2 * self.wording_label.fontMetrics().lineSpacing())
        paragraphs.addSpacing(6)
        paragraphs.addLayout(row)

    def _connect(self) -> None:
        self.document_combo.currentIndexChanged.connect(self._document_changed)
        self.unit_combo.currentIndexChanged.connect(self._choice_made)
        self.period_combo.activated.connect(self._choice_made)
        line = self.period_combo.lineEdit()
        assert line is not None  # the period combo is editable
        line.editingFinished.connect(self._choice_made)
        for edit in (*self.paragraph_edits.values(), self.recipients_edit):
            edit.textChanged.connect(self._typed)
        for line in self.override_edits.values():
            line.textEdited.connect(self._typed)
        for key, box in self.leave_out_boxes.items():
            box.toggled.connect(partial(self._left_out, key))
        self.date_edit.dateChanged.connect(self._typed)
        self.filter_box.changed.connect(self._typed)

    def translate_ui(self) -> None:
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
            self.choose_labels[key].setText(text)
        self.filter_box.translate_ui()
        self.paragraph_box.setTitle(_("Your paragraphs (saved with the report)"))
        for key, msgid in PARAGRAPH_KEYS.items():
            self.paragraph_labels[key].setText(_(msgid))
        for box in self.leave_out_boxes.values():
            box.setText(_(LEAVE_OUT))
        self.wording_button.setText(_("Wording…"))
        self._show_wording_state()
        self.signer_box.setTitle(_("Issuer and signer of this document"))
        for key, msgid in OVERRIDE_FIELDS:
            self.override_labels[key].setText(_(msgid))
        self.recipients_label.setText(_("Recipients (one per line)"))
        self._fill_periods(self.period_key() if self.period_combo.count() else None)

    # --- what is chosen ----------------------------------------------------------------------

    def set_choices(self, choices: FormChoices) -> None:
        """The units, sectors and reporting cut-off; the period starts on the default one."""
        self._quiet = True
        self.unit_combo.clear()
        for code, name in choices.units:
            self.unit_combo.addItem(name, code)
        self.filter_box.set_sectors(choices.sectors)
        self.cutoff = choices.cutoff or None
        self._fill_periods(default_period(self.today, self.cutoff).key)
        self._quiet = False
        self._document_changed()

    def _fill_periods(self, keep: str | None) -> None:
        quiet, self._quiet = self._quiet, True
        self.period_combo.clear()
        for period in standard_choices(self.today, self.cutoff):
            self.period_combo.addItem(period.label(), period.key)
        self._quiet = quiet
        if keep:
            self._put_period(keep)

    def _put_period(self, key: str) -> None:
        index = self.period_combo.findData(key)
        if index < 0:
            try:
                period = Period.parse(key, self.cutoff)
            except ValueError:
                self.period_combo.setEditText(key)
                return
            self.period_combo.addItem(period.label(), period.key)
            index = self.period_combo.count() - 1
        self.period_combo.setCurrentIndex(index)

    def set_period(self, key: str) -> None:
        """Choose a period, as a person would."""
        self._put_period(key)
        self._choice_made()

    def set_template(self, key: str) -> None:
        self.document_combo.setCurrentIndex(self.document_combo.findData(key))

    def template(self) -> str:
        return str(self.document_combo.currentData())

    def unit_code(self) -> str:
        return str(self.unit_combo.currentData() or "")

    def unit_name(self) -> str:
        return self.unit_combo.currentText()

    def period_key(self) -> str:
        text = self.period_combo.currentText().strip()
        index = self.period_combo.currentIndex()
        if index >= 0 and self.period_combo.itemText(index) == text:
            return str(self.period_combo.itemData(index))
        match = self.period_combo.findText(text)
        return str(self.period_combo.itemData(match)) if match >= 0 else text

    def triple(self) -> Triple:
        return (self.template(), self.unit_code(), self.period_key())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def document_date(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    @Slot()
    def _document_changed(self) -> None:
        template = self.template()
        self.filter_box.show_for(template)
        self.paragraph_box.setVisible(template in WITH_PARAGRAPHS)
        self.period_combo.setEnabled(template != "plan")  # a plan prints its own period
        self._choice_made()

    @Slot()
    def _choice_made(self) -> None:
        if not self._quiet and self.triple() != self.shown:
            self.selection_changed.emit()

    def _left_out(self, key: str, left_out: bool) -> None:
        self.paragraph_edits[key].setEnabled(not left_out)
        self._typed()

    @Slot()
    def _typed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    # --- what the document says --------------------------------------------------------------

    def paragraphs(self) -> dict[str, str | None]:
        """Each part as written; None for a part left out."""
        return {
            k: None if self.is_left_out(k) else e.toPlainText().strip()
            for k, e in self.paragraph_edits.items()
        }

    def is_left_out(self, key: str) -> bool:
        box = self.leave_out_boxes.get(key)
        return box is not None and box.isChecked()

    def paragraph_label(self, key: str) -> str:
        """The label of a part's field, as the officer reads it."""
        return self.paragraph_labels[key].text()

    def paragraph_edit(self, key: str) -> QPlainTextEdit:
        return self.paragraph_edits[key]

    def set_wording(self, wording: dict[str, Reworded], stale: set[str]) -> None:
        """Her wording as the “Wording” dialog left it (the draft is then saved)."""
        self.wording, self.stale = dict(wording), stale & set(wording)
        self._show_wording_state()
        self._typed()

    def show_stale(self, stale: set[str]) -> None:
        """The reworded sentences whose generated text changed (known once previewed)."""
        self.stale = stale & set(self.wording)
        self._show_wording_state()

    def _show_wording_state(self) -> None:
        if not self.wording:
            text = _("The other sentences are generated from the figures.")
        else:
            n = len(self.wording)
            text = ngettext(
                "{n} generated sentence reworded (kept with the report).",
                "{n} generated sentences reworded (kept with the report).",
                n,
            ).format(n=n)
        if self.stale:
            n = len(self.stale)
            text += " " + ngettext(
                "{n} was written from a sentence whose figures changed since: check it under "
                "“Wording…”.",
                "{n} were written from sentences whose figures changed since: check them under "
                "“Wording…”.",
                n,
            ).format(n=n)
        self.wording_label.setObjectName("fieldWarning" if self.stale else "")
        style = self.wording_label.style()
        style.unpolish(self.wording_label)  # the object name changed: restyle it
        style.polish(self.wording_label)
        self.wording_label.setText(text)

    def overrides(self) -> dict[str, Any]:
        """What this document changes from the unit's settings (only that is stored, so a
        plan keeps its own issuer and later changes to the settings still apply)."""
        values: dict[str, Any] = {k: e.text().strip() for k, e in self.override_edits.items()}
        values["recipients"] = [
            line.strip() for line in self.recipients_edit.toPlainText().splitlines() if line.strip()
        ]
        return {k: v for k, v in values.items() if v != self.defaults.get(k)}

    def values(self, report_id: str | None) -> DraftForm:
        """The form as it reads now."""
        template, unit_code, period = self.triple()
        return DraftForm(
            template=template,
            unit_code=unit_code,
            period=period,
            date=self.document_date(),
            paragraphs=self.paragraphs(),
            overrides=self.overrides(),
            wording=dict(self.wording),
            filters=self.filter_box.filters(),
            report_id=report_id,
        )

    def content_form(self, report_id: str | None) -> DraftForm:
        """The form as it belongs to the document shown (its kind, unit and period)."""
        template, unit_code, period = self.shown
        return dataclasses.replace(
            self.values(report_id), template=template, unit_code=unit_code, period=period
        )

    def show_form(self, form: DraftForm | None, defaults: dict[str, Any]) -> None:
        """Fill in a stored document, or a fresh one (None) for what is chosen."""
        self._quiet = True
        self.defaults = defaults
        if form is not None:
            self.set_template(form.template)
            self.unit_combo.setCurrentIndex(max(self.unit_combo.findData(form.unit_code), 0))
            self._put_period(form.period)
            self.filter_box.show_for(form.template)
        self.paragraph_box.setVisible(self.template() in WITH_PARAGRAPHS)
        self.period_combo.setEnabled(self.template() != "plan")
        day = form.date if form is not None and form.date else self.today
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        for key, edit in self.paragraph_edits.items():
            text = form.paragraphs.get(key, "") if form else ""
            edit.setPlainText(text or "")
            edit.setEnabled(text is not None)
            if key in self.leave_out_boxes:
                self.leave_out_boxes[key].setChecked(text is None)
        self.wording = dict(form.wording) if form is not None else {}
        self.stale = set()
        self._show_wording_state()
        overrides = form.overrides if form is not None else {}
        for key, line in self.override_edits.items():
            line.setText(str(overrides.get(key, defaults.get(key, ""))))
        recipients = overrides.get("recipients", defaults.get("recipients", []))
        self.recipients_edit.setPlainText("\n".join(recipients))
        if form is not None:
            self.filter_box.show_filters(form.filters)
        self.shown = self.triple()
        self._quiet = False

    def set_read_only(self, read_only: bool) -> None:
        """An issued document cannot be changed (a correction is a re-issue)."""
        for edit in (*self.paragraph_edits.values(), self.recipients_edit):
            edit.setReadOnly(read_only)
        for line in self.override_edits.values():
            line.setReadOnly(read_only)
        for box in self.leave_out_boxes.values():
            box.setEnabled(not read_only)
        self.date_edit.setReadOnly(read_only)
