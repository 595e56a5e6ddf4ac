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

from coopdesk.i18n import N_, _, ngettext
from coopdesk.services.registry import trainings
from coopdesk.services.registry.drafts import Draft
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
from coopdesk.ui.editors.record_sheet import SheetButton

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

    def load(self, rows: list[dict[str, Any]]) -> None:
        """Show the participants of a training's draft (services.registry.trainings)."""
        self.rows = [
            Participant(
                r["person_id"], r["full_name"], r["gender"], r["officer"], r["completed"], r["id"]
            )
            for r in rows
        ]
        self.fill()

    def draft_rows(self) -> list[dict[str, Any]]:
        """The participants as the draft holds them (a copy: the worker thread saves them)."""
        return [
            {
                "id": r.participation_id,
                "person_id": r.person_id,
                "full_name": r.full_name,
                "gender": r.gender,
                "officer": r.officer,
                "completed": r.completed,
            }
            for r in self.rows
        ]

    def live(self) -> list[Participant]:
        return list(self.rows)

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
        self.fill()
        self.dialog.mark_dirty()

    def set_completed(self, name: str, completed: bool) -> None:
        for n, r in enumerate(self.live()):
            if r.full_name == name:
                item = self.table.item(n, 2)
                if item is not None:
                    item.setCheckState(
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
            self.rows.remove(live[row])
            self.fill()
            self.dialog.mark_dirty()


class TrainingDialog(RecordDialog):
    AREA = trainings.AREA
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
        self.sheet_button = SheetButton(self, "attendance", N_("Attendance sheet…"))

    def load(self) -> None:
        draft = self.read_draft()
        self._name = draft.fields.get("title") or ""
        self.form.load(draft.fields)
        self.participants.load(draft.participants or [])

    def record_name(self) -> str:
        return self._name

    def translate_extra(self) -> None:
        self.sheet_button.refresh()
        self.participants.translate_ui()

    def collect(self) -> dict[str, Any] | None:
        values, ok = self.form.read()
        return values if ok else None

    def make_draft(self, data: dict[str, Any]) -> Draft:
        return trainings.TrainingDraft(
            id=self.record_id,
            fields=self.own_fields(data),
            participants=self.participants.draft_rows(),
        )
