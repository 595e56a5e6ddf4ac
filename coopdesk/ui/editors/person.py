"""A person: name, contact, her roles, trainings and support; sensitive details only with a
recorded consent, and shown only after an explicit "show" (the reading is logged). With accounts,
nobody logged in or a viewer sees why the sensitive tab is closed instead of its contents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.choices import CONSENT_CATEGORIES, SENSITIVE_CATEGORIES
from coopdesk.domain.validation import consent_label
from coopdesk.i18n import N_, _, format_date, format_money
from coopdesk.services.registry import lookups
from coopdesk.services.registry import people as registry_people
from coopdesk.services.registry.drafts import Draft
from coopdesk.ui import labels as L
from coopdesk.ui.editors.duplicate_dialog import GuardedRecordDialog
from coopdesk.ui.editors.fields import (
    ChoiceField,
    Form,
    NoteField,
    TextField,
    TriStateField,
    YearField,
)

POVERTY = {"poor": N_("Poor household"), "near_poor": N_("Near-poor household")}
SENSITIVE_LABELS = {
    "ethnicity_code": N_("Ethnicity"),
    "disability": N_("Has a disability"),
    "poverty_status": N_("Poor or near-poor household"),
    "returnee": N_("Returned from prison (hoàn lương)"),
    "trafficking_victim": N_("Victim of trafficking"),
    "violence_victim": N_("Victim of domestic violence or abuse"),
    "unsafe_migrant": N_("Unsafe migrant worker"),
    "laid_off_worker": N_("Laid-off worker"),
}


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _set_rows(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


class PersonDialog(GuardedRecordDialog):
    AREA = registry_people.AREA
    TITLE_NEW = N_("New person")
    TITLE_EDIT = N_("Person: {name}")

    def build(self) -> None:
        self.form = self.add_form(
            Form(
                [
                    TextField(
                        "full_name",
                        N_("Full name"),
                        required=True,
                        placeholder=N_("e.g. Nguyễn Thị Hoa"),
                    ),
                    TextField("given_name", N_("Given name (if not the last word)")),
                    ChoiceField("gender", N_("Gender"), list(L.GENDER.items())),
                    YearField("birth_year", N_("Birth year")),
                    TextField("phone", N_("Phone")),
                    TextField("address", N_("Address")),
                    NoteField("notes", N_("Notes")),
                ]
            ),
            N_("Details"),
        )
        self.roles_table = _table(4)
        self.trainings_table = _table(3)
        self.support_table = _table(4)
        for table, msgid in (
            (self.roles_table, N_("Roles")),
            (self.trainings_table, N_("Trainings")),
            (self.support_table, N_("Support received")),
        ):
            self.tabs.addTab(table, "")
            self.set_tab_title(table, msgid)
        self._build_sensitive()

    def _build_sensitive(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.sensitive_note = QLabel()
        self.sensitive_note.setWordWrap(True)
        self.show_button = QPushButton()
        self.sensitive_locked = QLabel()  # why they cannot be seen now (a viewer, locked)
        self.sensitive_locked.setObjectName("fieldError")
        self.sensitive_locked.setWordWrap(True)
        self.sensitive_locked.hide()
        self.refusal: str | None = None
        layout.addWidget(self.sensitive_note)
        layout.addWidget(self.sensitive_locked)
        layout.addWidget(self.show_button)
        self.sensitive_box = QWidget()
        inner = QVBoxLayout(self.sensitive_box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self._build_consents())
        fields: list[Any] = [
            ChoiceField(
                "ethnicity_code",
                SENSITIVE_LABELS["ethnicity_code"],
                self._ethnicities,
                allow_none=True,
                translate=False,
            ),
            TriStateField("disability", SENSITIVE_LABELS["disability"]),
            ChoiceField(
                "poverty_status",
                SENSITIVE_LABELS["poverty_status"],
                list(POVERTY.items()),
                allow_none=True,
            ),
        ]
        fields += [
            TriStateField(k, SENSITIVE_LABELS[k])
            for k in (
                "returnee",
                "trafficking_victim",
                "violence_victim",
                "unsafe_migrant",
                "laid_off_worker",
            )
        ]
        self.sensitive_form = self.add_form(Form(fields))
        inner.addWidget(self.sensitive_form)
        layout.addWidget(self.sensitive_box)
        layout.addStretch(1)
        self.sensitive_box.hide()
        self.sensitive_shown = False
        self.tabs.addTab(page, "")
        self.set_tab_title(page, N_("Sensitive data"))
        self.show_button.clicked.connect(self.show_sensitive)
        self.erase_button = QPushButton()
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setVisible(self.record_id is not None)
        self.erase_button.clicked.connect(self.erase)
        self.consents: set[str] = set()  # categories with a consent in force
        self.consent_rows: list[dict[str, Any]] = []  # as recorded
        self.new_consents: list[tuple[str, str]] = []  # (category, purpose) recorded on Save

    def _build_consents(self) -> QGroupBox:
        self.consent_box = QGroupBox()
        cl = QVBoxLayout(self.consent_box)
        self.consent_table = _table(4)
        self.consent_table.setMaximumHeight(120)
        cl.addWidget(self.consent_table)
        row = QHBoxLayout()
        self.consent_category = QComboBox()
        for category in CONSENT_CATEGORIES:
            self.consent_category.addItem("", category)
        self.consent_purpose = QLineEdit()
        self.consent_button = QPushButton()
        row.addWidget(self.consent_category)
        row.addWidget(self.consent_purpose, 1)
        row.addWidget(self.consent_button)
        self.withdraw_button = QPushButton()
        row.addWidget(self.withdraw_button)
        self.withdraw_button.setVisible(self.record_id is not None)
        self.withdraw_button.clicked.connect(self.withdraw_selected_consent)
        self.consent_button.clicked.connect(self.add_consent)
        cl.addLayout(row)
        self.consent_error = QLabel()
        self.consent_error.setObjectName("fieldError")
        cl.addWidget(self.consent_error)
        return self.consent_box

    def _ethnicities(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = self.ctx.read(lookups.ethnicities)
        return found

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        draft = self.read_draft()
        self.form.load(draft.fields)
        self._name = ""
        self.role_rows: list[tuple[Any, ...]] = []
        self.training_rows: list[tuple[Any, ...]] = []
        self.support_rows: list[tuple[Any, ...]] = []
        self._apply_refusal()
        if self.record_id is not None:
            self._name = self.ctx.read(registry_people.display_name, self.record_id)
            links = self.ctx.read(registry_people.person_links, self.record_id)
            self.role_rows, self.training_rows = links.roles, links.trainings
            self.support_rows = links.support
            if self.refusal is None:
                self._load_consents(draft.consents or [])
        self._apply_consents()

    def _apply_refusal(self) -> None:
        """Nobody logged in or a viewer: the sensitive tab says why, and offers nothing."""
        self.refusal = self.ctx.read(registry_people.sensitive_refusal)
        self.sensitive_locked.setText(self.refusal or "")
        self.sensitive_locked.setVisible(self.refusal is not None)
        self.show_button.setVisible(self.refusal is None and not self.sensitive_shown)
        if self.refusal is not None:
            self.sensitive_box.hide()
            self.sensitive_shown = False

    def _load_consents(self, rows: list[dict[str, Any]]) -> None:
        self.consent_rows = rows
        self.consents = self.ctx.read(registry_people.consents_in_force, self.record_id)

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.roles_table.setHorizontalHeaderLabels(
            [_("Cooperative"), _("Role"), _("From"), _("Until")]
        )
        self.trainings_table.setHorizontalHeaderLabels([_("Training"), _("Date"), _("Completed")])
        self.support_table.setHorizontalHeaderLabels([_("Date"), _("Kind"), _("Fund"), _("Amount")])
        self.consent_table.setHorizontalHeaderLabels(
            [_("Consent to keep"), _("Purpose"), _("Given on"), _("Withdrawn on")]
        )
        _set_rows(
            self.roles_table,
            [
                (n, L.label(L.ROLE, r), format_date(a), format_date(b))
                for n, r, a, b in self.role_rows
            ],
        )
        _set_rows(
            self.trainings_table,
            [(t, format_date(d), _("yes") if c else _("no")) for t, d, c in self.training_rows],
        )
        _set_rows(
            self.support_table,
            [
                (format_date(d), L.label(L.SUPPORT_KIND, k), L.label(L.FUND, f), format_money(a))
                for d, k, f, a in self.support_rows
            ],
        )
        self._fill_consents()
        for n, category in enumerate(CONSENT_CATEGORIES):
            self.consent_category.setItemText(n, consent_label(category))
        self.sensitive_note.setText(
            _(
                "Sensitive details (ethnicity, disability, poverty, victim or returnee status) are kept "
                "only with the person's recorded consent, and are not shown in lists or reports unless "
                "someone asks to see them. Looking at them is recorded."
            )
        )
        self.show_button.setText(_("Show sensitive data"))
        if self.refusal is not None:  # the reason, in the language now chosen
            self._apply_refusal()
        self.consent_box.setTitle(_("Consents"))
        self.consent_purpose.setPlaceholderText(_("Purpose, e.g. choosing who receives support"))
        self.consent_button.setText(_("Record consent"))
        self.withdraw_button.setText(_("Withdraw consent"))
        self.withdraw_button.setToolTip(
            _("The person withdrew the chosen consent: the details it covered are cleared.")
        )
        self.erase_button.setText(_("Erase person…"))

    def _fill_consents(self) -> None:
        rows = [
            (
                consent_label(c["category"]),
                c["purpose"],
                format_date(c["given_on"]),
                format_date(c["withdrawn_on"]),
            )
            for c in self.consent_rows
        ]
        rows += [(consent_label(c), p, _("when saved"), "") for c, p in self.new_consents]
        _set_rows(self.consent_table, rows)

    # --- sensitive data ------------------------------------------------------------------

    def show_sensitive(self) -> None:
        """Reveal the sensitive details; the reading is logged, so it runs as a write."""
        if self.record_id is None:
            self._reveal({})
            return
        self.ctx.write(
            registry_people.reveal_sensitive,
            self.record_id,
            self.ctx.actor,
            on_done=self._reveal,
            changes="person_sensitive",
        )

    def _reveal(self, values: dict[str, Any]) -> None:
        self.sensitive_form.load(values)
        self.sensitive_shown = True
        self.sensitive_box.show()
        self.show_button.hide()
        self._apply_consents()

    def _apply_consents(self) -> None:
        allowed = self.consents | {c for c, _p in self.new_consents}
        for key, f in self.sensitive_form.fields.items():
            on = SENSITIVE_CATEGORIES[key] in allowed
            f.widget.setEnabled(on)
            f.widget.setToolTip("" if on else _("Record the person's consent first."))

    def add_consent(self) -> None:
        purpose = self.consent_purpose.text().strip()
        if not purpose:
            self.consent_error.setText(_("Write what the data will be used for."))
            return
        self.consent_error.setText("")
        self.new_consents.append((self.consent_category.currentData(), purpose))
        self.consent_purpose.clear()
        self._fill_consents()
        self._apply_consents()
        self.mark_dirty()

    def withdraw_selected_consent(self) -> None:
        """Withdraw the chosen recorded consent now; the details it covered are cleared."""
        n = self.consent_table.currentRow()
        if n < 0 or n >= len(self.consent_rows) or self.consent_rows[n]["withdrawn_on"]:
            self.consent_error.setText(_("Choose a consent in force in the table first."))
            return
        category = consent_label(self.consent_rows[n]["category"])
        question = _(
            "Withdraw the consent “{category}”? The details it covered are cleared now."
        ).format(category=category)
        if (
            QMessageBox.question(self, _("Withdraw consent"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.consent_error.setText("")
        self.ctx.write(
            registry_people.withdraw_consent,
            self.consent_rows[n]["id"],
            self.ctx.actor,
            on_done=lambda _r: self._withdrawn(),
            changes="people",
        )

    def _withdrawn(self) -> None:
        assert self.record_id is not None
        draft = self.ctx.read(registry_people.load_person, self.record_id)
        self._load_consents(draft.consents or [])
        self._fill_consents()
        if self.sensitive_shown:
            self.show_sensitive()
        self._apply_consents()

    def erase_question(self) -> str:
        return _(
            "Erase {name} everywhere? Her name, contacts, sensitive details and consents are "
            "removed for good, also from the history and at the province when synced; she "
            "then reads “[erased]” in lists and documents. Her roles and trainings stay, so "
            "the counts in reports do not change. This cannot be undone."
        ).format(name=self.record_name())

    def erase(self) -> None:
        """Erase the person (the right to be forgotten) after an explicit confirmation."""
        if self.record_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Erase person"),
            self.erase_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            registry_people.erase_person,
            self.record_id,
            self.ctx.actor,
            on_done=lambda _r: self._deleted(),
            changes="people",
        )

    # --- saving --------------------------------------------------------------------------

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        self.sensitive_values, ok2 = (
            self.sensitive_form.read() if self.sensitive_shown else ({}, True)
        )
        return values if ok and ok2 else None

    def make_draft(self, data: dict[str, Any]) -> Draft:
        new = [{"category": c, "purpose": p} for c, p in self.new_consents]
        consents = [dict(c) for c in self.consent_rows] + new
        return registry_people.PersonDraft(
            id=self.record_id,
            fields=self.own_fields(data),
            consents=None if self.refusal is not None else consents,  # None: left as they are
            sensitive=dict(self.sensitive_values) if self.sensitive_shown else None,
        )
