"""A Hội officer: the person (existing or new) and her position in the unit's Hội."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import N_, _
from coopdesk.services.registry import officers
from coopdesk.services.registry.drafts import Draft
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import CheckField, DateField, Form, TextField
from coopdesk.ui.editors.pickers import PersonPicker


class OfficerDialog(RecordDialog):
    AREA = officers.AREA
    TITLE_NEW = N_("New Hội officer")
    TITLE_EDIT = N_("Hội officer: {name}")

    def build(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.person_label = QLabel()
        self.person_label.setObjectName("pageTitle")
        self.picker = PersonPicker(self.ctx)
        self.person_error = QLabel()
        self.person_error.setObjectName("fieldError")
        self.form = Form(
            [
                TextField(
                    "position", N_("Position"), placeholder=N_("e.g. Phó Chủ tịch Hội LHPN phường")
                ),
                CheckField("collective_economy_work", N_("Works on the collective economy")),
                DateField("start_on", N_("From")),
                DateField("end_on", N_("Until")),
            ]
        )
        self.add_form(self.form)
        layout.addWidget(self.person_label)
        layout.addWidget(self.picker)
        layout.addWidget(self.person_error)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.tabs.addTab(page, "")
        self.set_tab_title(page, N_("Details"))
        self.setMinimumSize(640, 520)

    def load(self) -> None:
        draft = self.read_draft()
        self._name = (draft.person or {}).get("full_name", "")
        self.form.load(draft.fields)
        if self.record_id is not None:
            self.picker.hide()
            self.person_label.setText(self._name)

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.picker.translate_ui()

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        return values if ok else None

    def prepare_save(self) -> bool:
        self.person_error.setText("")
        if self.record_id is None:
            self.choice = self.picker.choice()
            if self.choice is None:
                self.person_error.setText(
                    _("Choose a person in the list or type the name of a new person.")
                )
                return False
        return True

    def make_draft(self, data: dict[str, Any]) -> Draft:
        draft = officers.OfficerDraft(id=self.record_id, fields=self.own_fields(data))
        choice = getattr(self, "choice", None)
        if self.record_id is None and choice is not None:
            draft.fields["person_id"] = choice.person_id
            draft.person = {"full_name": choice.full_name, "gender": choice.gender}
        return draft

    def live_problems(self, problems: list[Any]) -> list[Any]:
        """The person is asked for on Save, not while the officer types the position."""
        return [p for p in problems if not p.field.startswith("person")]
