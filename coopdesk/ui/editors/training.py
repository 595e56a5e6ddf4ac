"""A training and its participants: pick people or Hội officers, or add someone new; mark
who completed it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Participation, Person, Training
from coopdesk.i18n import N_, _, ngettext
from coopdesk.services import people, records
from coopdesk.ui import labels as L
from coopdesk.ui.editors.base import RecordDialog
from coopdesk.ui.editors.fields import (
    ChoiceField,
    DateField,
    Form,
    NoteField,
    NumberField,
    TextField,
)
from coopdesk.ui.editors.pickers import PersonPicker

TOPICS = {
    "governance": N_("Management and governance"),
    "startup": N_("Starting a business, innovation"),
    "digital": N_("Digital skills and e-commerce"),
    "finance": N_("Finance and accounting"),
    "production": N_("Production techniques"),
    "marketing": N_("Marketing and markets"),
    "law": N_("Law and policy"),
    "other": N_("Other"),
}


@dataclass
class Participant:
    person_id: str | None
    full_name: str
    gender: str
    officer: bool
    completed: bool = True
    participation_id: str | None = None
    removed: bool = False
    changed: bool = True


class ParticipantsEditor(QWidget):
    def __init__(self, dialog: TrainingDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.rows: list[Participant] = []
        layout = QVBoxLayout(self)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 110)
        layout.addWidget(self.table, 1)
        self.picker = PersonPicker(dialog.ctx)
        layout.addWidget(self.picker)
        buttons = QHBoxLayout()
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_from_picker)
        self.picker.chosen.connect(self.add_from_picker)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._item_changed)

    def translate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([_("Participant"), _("Hội officer"), _("Completed")])
        self.add_button.setText(_("Add participant"))
        self.remove_button.setText(_("Remove"))
        self.picker.translate_ui()
        self.fill()

    def load(self, session: Session, training_id: str) -> None:
        officer = (
            select(Officer.id)
            .where(Officer.person_id == Person.id, Officer.deleted_at.is_(None))
            .exists()
        )
        q = (
            select(Participation, Person, officer)
            .join(Person, Person.id == Participation.person_id)
            .where(Participation.training_id == training_id, Participation.deleted_at.is_(None))
            .order_by(Person.sort_key)
        )
        self.rows = [
            Participant(
                p.id,
                people.display_name(p),
                p.gender,
                bool(o),
                part.completed,
                part.id,
                changed=False,
            )
            for part, p, o in session.execute(q)
        ]
        self.fill()

    def live(self) -> list[Participant]:
        return [r for r in self.rows if not r.removed]

    def fill(self) -> None:
        live = self.live()
        self.table.blockSignals(True)
        self.table.setRowCount(len(live))
        for n, r in enumerate(live):
            name = QTableWidgetItem(r.full_name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            officer = QTableWidgetItem(_("yes") if r.officer else "")
            officer.setFlags(officer.flags() & ~Qt.ItemFlag.ItemIsEditable)
            done = QTableWidgetItem()
            done.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
            )
            done.setCheckState(Qt.CheckState.Checked if r.completed else Qt.CheckState.Unchecked)
            for col, item in enumerate((name, officer, done)):
                self.table.setItem(n, col, item)
        self.table.blockSignals(False)
        completed = sum(1 for r in live if r.completed)
        self.count.setText(
            ngettext(
                "{n} participant, {done} completed", "{n} participants, {done} completed", len(live)
            ).format(n=len(live), done=completed)
        )

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2:
            return
        r = self.live()[item.row()]
        r.completed = item.checkState() == Qt.CheckState.Checked
        r.changed = True
        self.fill()
        self.dialog.mark_dirty()

    def set_completed(self, name: str, completed: bool) -> None:
        for n, r in enumerate(self.live()):
            if r.full_name == name:
                self.table.item(n, 2).setCheckState(
                    Qt.CheckState.Checked if completed else Qt.CheckState.Unchecked
                )

    def add_from_picker(self) -> None:
        self.error.setText("")
        choice = self.picker.choice()
        if choice is None:
            self.error.setText(_("Choose a person in the list or type the name of a new person."))
            return
        if choice.person_id and any(r.person_id == choice.person_id for r in self.live()):
            self.error.setText(_("{name} is already in the list.").format(name=choice.full_name))
            return
        self.rows.append(
            Participant(choice.person_id, choice.full_name, choice.gender, choice.officer)
        )
        self.picker.reset()
        self.fill()
        self.dialog.mark_dirty()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        live = self.live()
        if 0 <= row < len(live):
            r = live[row]
            if r.participation_id is None:
                self.rows.remove(r)
            else:
                r.removed = True
            self.fill()
            self.dialog.mark_dirty()

    def save(self, session: Session, training: Training, actor: str) -> None:
        for r in self.rows:
            if r.participation_id and r.removed:
                records.delete(
                    session, records.get_live(session, Participation, r.participation_id), actor
                )
            elif r.participation_id and r.changed:
                part = records.get_live(session, Participation, r.participation_id)
                records.update(session, part, {"completed": r.completed}, actor)
            elif r.participation_id is None and not r.removed:
                person_id = r.person_id
                if person_id is None:
                    person_id = people.create_person(
                        session,
                        r.full_name,
                        actor=actor,
                        unit_code=training.unit_code,
                        gender=r.gender,
                    ).id
                data = {
                    "training_id": training.id,
                    "person_id": person_id,
                    "unit_code": training.unit_code,
                    "completed": r.completed,
                }
                records.create(session, Participation, data, actor)


class TrainingDialog(RecordDialog):
    MODEL = Training
    TITLE_NEW = N_("New training")
    TITLE_EDIT = N_("Training: {name}")

    def build(self) -> None:
        self.form = self.add_form(
            Form(
                [
                    TextField("title", N_("Title"), required=True),
                    ChoiceField("kind", N_("Kind"), list(L.TRAINING_KIND.items()), required=True),
                    ChoiceField("topic", N_("Topic"), list(TOPICS.items())),
                    ChoiceField("audience", N_("Audience"), list(L.AUDIENCE.items())),
                    DateField("start_on", N_("Starts on"), required=True),
                    DateField("end_on", N_("Ends on")),
                    TextField("location", N_("Location")),
                    TextField("organiser", N_("Organiser")),
                    NumberField("cost", N_("Cost (đồng)"), money=True),
                    ChoiceField(
                        "funding_source",
                        N_("Funding source"),
                        list(L.BUDGET_SOURCE.items()),
                        allow_none=True,
                    ),
                    NoteField("notes", N_("Notes")),
                ]
            ),
            N_("Details"),
        )
        self.participants = ParticipantsEditor(self)
        self.tabs.addTab(self.participants, "")
        self.set_tab_title(self.participants, N_("Participants"))

    def load(self) -> None:
        self._name = ""
        if self.record_id is None:
            self.form.load({"kind": "short", "topic": "governance", "audience": "managers"})
            return
        with self.ctx.session() as s:
            t = s.get(Training, self.record_id)
            assert t is not None
            self._name = t.title
            self.form.load({c.key: getattr(t, c.key) for c in Training.__table__.columns})
            self.participants.load(s, t.id)

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.participants.translate_ui()

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        return values if ok else None

    def save_work(self, session: Session, data: dict[str, Any]) -> Any:
        training = super().save_work(session, data)
        self.participants.save(session, training, self.ctx.actor)
        return training
