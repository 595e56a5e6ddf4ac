"""Before saving a record that may be one already held: the records it may be, and a choice.

    class PersonDialog(GuardedRecordDialog): ...

A `GuardedRecordDialog` (people, cooperatives) asks `services.duplicates.possible_duplicates`
before it saves a new record, or a saved one whose name, birth year, phone or tax code changed.
When records are found, a `DuplicateDialog` lists them as the officer knows them ("Nguyễn Thị
Hoa, sinh năm 1985, HTX Chè Tân Phong, Phường Tân Phong") and offers: open the record already
held (the form stays as typed, underneath), merge with it (the form is saved, then the
'Gộp hồ sơ trùng' dialog merges the two, `ui.editors.merge_dialog`), save anyway (the pairs
are remembered as not the same, so they are not asked about again), or go back to the form. The lookup is one indexed
query per key, quick enough to run on the GUI thread at national size.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _
from coopdesk.services import duplicates
from coopdesk.services.duplicates import PossibleDuplicate
from coopdesk.services.registry.opened import save_unless_changed
from coopdesk.ui.editors.base import RecordDialog

TEXTS = {
    "people": {
        "intro": N_("This person may already be in the registry:"),
        "anyway": N_("Save anyway, this is another person"),
    },
    "cooperatives": {
        "intro": N_("This cooperative or group may already be in the registry:"),
        "anyway": N_("Save anyway, this is another cooperative"),
    },
}


class DuplicateDialog(QDialog):
    """The possible duplicates of the record being saved, and what to do; `choice` is
    OPEN or MERGE (with `chosen_id`), SAVE_ANYWAY or BACK once it is closed."""

    OPEN, MERGE, SAVE_ANYWAY, BACK = "open", "merge", "save_anyway", "back"

    def __init__(self, kind: str, found: list[PossibleDuplicate], parent: QWidget | None = None):
        super().__init__(parent)
        self.found = found
        self.choice = self.BACK
        self.chosen_id: str | None = None
        self.setWindowTitle(_("Possible duplicate"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(_("Possible duplicate"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        question = TEXTS[kind]["intro"]  # marked with N_ above (not extracted again here)
        intro = QLabel(_(question))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.records = QListWidget()
        for record in found:
            item = QListWidgetItem(f"{record.label}\n({record.reason})")
            item.setData(Qt.ItemDataRole.UserRole, record.record_id)
            self.records.addItem(item)
        self.records.setCurrentRow(0)
        row_height = self.records.sizeHintForRow(0)
        self.records.setFixedHeight(row_height * min(len(found), 4) + 2 * self.records.frameWidth())
        layout.addWidget(self.records)
        note = QLabel(
            _("Saving it anyway remembers that they are different: you are not asked again.")
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self._add_buttons(layout, kind)

    def _add_buttons(self, layout: QVBoxLayout, kind: str) -> None:
        row = QHBoxLayout()
        self.open_button = QPushButton(_("Open the record already held"))
        anyway = TEXTS[kind]["anyway"]
        self.anyway_button = QPushButton(_(anyway))
        self.back_button = QPushButton(_("Back"))
        self.merge_button = QPushButton(_("Merge with it…"))
        row.addWidget(self.open_button)
        row.addWidget(self.merge_button)
        row.addWidget(self.anyway_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open_existing)
        self.merge_button.clicked.connect(lambda: self._choose_existing(self.MERGE))
        self.anyway_button.clicked.connect(lambda: self._close_with(self.SAVE_ANYWAY))
        self.back_button.clicked.connect(lambda: self._close_with(self.BACK))
        self.records.itemDoubleClicked.connect(lambda _item: self._open_existing())
        layout.addLayout(row)

    def _open_existing(self) -> None:
        self._choose_existing(self.OPEN)

    def _choose_existing(self, choice: str) -> None:
        item = self.records.currentItem() or self.records.item(0)
        self.chosen_id = str(item.data(Qt.ItemDataRole.UserRole))
        self._close_with(choice)

    def _close_with(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != self.BACK else self.reject()

    def labels(self) -> list[str]:
        """The records listed, as shown."""
        return [self.records.item(n).text() for n in range(self.records.count())]


class GuardedRecordDialog(RecordDialog):
    """A record editor whose Save asks first when the record may already be held."""

    def read_draft(self) -> Any:
        draft = super().read_draft()
        self._saved_fields = dict(draft.fields) if self.record_id is not None else None
        return draft

    def save(self) -> None:
        found = self._possible_duplicates()
        if not found:
            super().save()
            return
        self.duplicate_dialog = DuplicateDialog(self.AREA.entity, found, self)
        self.duplicate_dialog.finished.connect(lambda _r: self._answered(self.duplicate_dialog))
        self.duplicate_dialog.open()

    def _possible_duplicates(self) -> list[PossibleDuplicate]:
        """The records this one may be; none while the form has errors (Save shows them)."""
        data = self.collect()
        if data is None:
            return []
        draft = self.make_draft(data)
        if any(p.is_error for p in self.ctx.read(self.AREA.check, draft)):
            return []
        found: list[PossibleDuplicate] = self.ctx.read(
            duplicates.possible_duplicates,
            self.AREA.entity,
            draft.fields,
            exclude_id=self.record_id,
            before=self._saved_fields,
        )
        return found

    def _answered(self, dialog: DuplicateDialog) -> None:
        if dialog.choice == DuplicateDialog.SAVE_ANYWAY:
            self._save_as_different([d.record_id for d in dialog.found])
        elif dialog.choice == DuplicateDialog.OPEN and dialog.chosen_id is not None:
            self.existing_editor = type(self)(self.ctx, dialog.chosen_id, self)
            self.existing_editor.open()
        elif dialog.choice == DuplicateDialog.MERGE and dialog.chosen_id is not None:
            self._save_then_merge(dialog.chosen_id)

    def _save_then_merge(self, other_id: str) -> None:
        """Save the form as it is, then merge it with the record already held (kept by
        default) in the 'Gộp hồ sơ trùng' dialog."""
        self.clear_problems()
        data = self.collect() if self.prepare_save() else None
        if data is None:
            return
        self.ctx.write(
            save_unless_changed,
            self.AREA,
            self.make_draft(data),
            self.opened,
            self.ctx.actor,
            on_done=lambda saved: self._merge_saved(saved, other_id),
            on_error=self._save_failed,
            changes=self.AREA.entity,
        )

    def _merge_saved(self, saved: Any, other_id: str) -> None:
        from coopdesk.ui.editors.merge_dialog import MergeDialog

        self._saved(saved)
        kind = self.AREA.entity
        self.merge_dialog = MergeDialog(self.ctx, kind, other_id, saved.id, self.parentWidget())
        self.merge_dialog.open()

    def _save_as_different(self, others: list[str]) -> None:
        """Save, and remember that this record is none of `others` (one transaction)."""
        self.clear_problems()
        if not self.prepare_save():
            return
        data = self.collect()
        if data is None:
            return
        self.ctx.write(
            duplicates.save_as_different,
            self.AREA,
            self.make_draft(data),
            self.ctx.actor,
            others,
            self.opened,
            on_done=self._saved,
            on_error=self._save_failed,
            changes=self.AREA.entity,
        )
