"""A Hội officer: the person (existing or new) and her position in the unit's Hội."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Person
from coopdesk.i18n import N_, _
from coopdesk.services import people, records
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import CheckField, DateField, Form, TextField
from coopdesk.ui.editors.pickers import PersonPicker


class OfficerDialog(RecordDialog):
    MODEL = Officer
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
        self._name = ""
        if self.record_id is None:
            self.form.load({"collective_economy_work": True})
            return
        with self.ctx.session() as s:
            officer = s.get(Officer, self.record_id)
            assert officer is not None
            person = s.get(Person, officer.person_id)
            self._name = people.display_name(person) if person else ""
            self.form.load({c.key: getattr(officer, c.key) for c in Officer.__table__.columns})
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

    def save_work(self, session: Session, data: dict[str, Any]) -> Any:
        if self.record_id is not None:
            return super().save_work(session, data)
        person_id = self.choice.person_id
        if person_id is None:
            person = people.create_person(
                session,
                self.choice.full_name,
                actor=self.ctx.actor,
                unit_code=self.ctx.unit_code,
                gender=self.choice.gender,
            )
            person_id = person.id
        data = {**data, "person_id": person_id, "unit_code": self.ctx.unit_code}
        return records.create(session, Officer, data, self.ctx.actor)
