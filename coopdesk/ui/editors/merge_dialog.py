"""'Gộp hồ sơ trùng': two records of one person or one cooperative made one, and undone.

    MergeDialog(ctx, "people", first_id, second_id).open()
    MergesNote(ctx, "people", kept_id)        # in the kept record's History: "Tách lại"

The dialog shows both records side by side: which one is kept (the first by default), for each
field where they differ which value stays, and what moves to the kept record (roles,
trainings, support, a cooperative's board and yearly figures…), read from
`services.duplicates.merge.preview`. "Gộp" merges in one transaction; the other record is
marked merged (not erased) and the merge can be undone from the kept record's History.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.merges import HOW_WORDS
from coopdesk.i18n import N_, _, format_date
from coopdesk.services.duplicates import merge as merges
from coopdesk.services.records import RecordError
from coopdesk.ui import labels as L
from coopdesk.ui.context import AppContext

FIELD_LABELS = {
    "full_name": N_("Full name"),
    "gender": N_("Gender"),
    "birth_year": N_("Birth year"),
    "unit_code": N_("Unit"),
    "name": N_("Name"),
    "kind": N_("Kind"),
    "registration_no": N_("Registration number (MST)"),
    "registered_on": N_("Registered on"),
    "sector_code": N_("Sector"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "status": N_("Status"),
    "founded_on": N_("Founded on"),
    "dissolved_on": N_("Dissolved on"),
    "founded_with_hoi_support": N_("Founded with the Hội's support"),
    "hoi_supported": N_("Supported by the Hội"),
    "products": N_("Main products and services"),
    "ocop_product": N_("OCOP product"),
    "ocop_stars": N_("OCOP stars"),
    "value_chain": N_("Part of a value chain"),
    "traditional_craft": N_("Traditional craft"),
    "community_tourism": N_("Community tourism"),
    "ecommerce": N_("Sells online (e-commerce)"),
    "trademark": N_("Has a trademark"),
    "traceability": N_("Product traceability"),
    "growing_area_code": N_("Growing area code"),
    "notes": N_("Notes"),
}
CHOICES = {"gender": L.GENDER, "kind": L.KIND, "status": L.STATUS}
MAX_MOVES_SHOWN = 10
KEEP_TEXT = {
    "people": N_("Keep this person's record"),
    "cooperatives": N_("Keep this cooperative's record"),
}


def shown_value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return format_date(value)
    if field in CHOICES and value in CHOICES[field]:
        return _(CHOICES[field][value])
    return str(value)


class MergeDialog(QDialog):
    """Two records side by side; `merged` is True once they are merged."""

    def __init__(
        self, ctx: AppContext, kind: str, first_id: str, second_id: str, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.ids = ctx, kind, (first_id, second_id)
        self.merged = False
        self.setWindowTitle(_("Merge duplicate records"))
        self.setMinimumWidth(760)
        self.shown = ctx.read(merges.preview, kind, first_id, second_id)
        layout = QVBoxLayout(self)
        heading = QLabel(_("Merge duplicate records"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        layout.addLayout(self._sides())
        self.moves_title = QLabel()
        layout.addWidget(self.moves_title)
        self.moves = QListWidget()
        layout.addWidget(self.moves)
        note = QLabel(
            _(
                "The other record is marked as merged, not deleted: its history stays, and "
                "“Undo merge” in the kept record's History gives both back as they were."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addLayout(self._buttons())
        self._show_moves()

    def _sides(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.keep_group = QButtonGroup(self)
        for side, text in enumerate((self.shown.kept_label, self.shown.other_label)):
            radio = QRadioButton(_(KEEP_TEXT[self.kind]))
            self.keep_group.addButton(radio, side)
            grid.addWidget(radio, 0, side + 1)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setObjectName("cardTitle")
            grid.addWidget(label, 1, side + 1)
        self.keep_group.button(0).setChecked(True)
        self.keep_group.idClicked.connect(self._keep_changed)
        self.field_groups: dict[str, QButtonGroup] = {}
        for row, diff in enumerate(self.shown.fields, start=2):
            grid.addWidget(QLabel(_(FIELD_LABELS.get(diff.field, diff.field))), row, 0)
            group = QButtonGroup(self)
            for side, value in enumerate((diff.kept, diff.other)):
                radio = QRadioButton(shown_value(diff.field, value))
                group.addButton(radio, side)
                grid.addWidget(radio, row, side + 1)
            group.button(0).setChecked(True)
            self.field_groups[diff.field] = group
        return grid

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.merge_button = QPushButton(_("Merge"))
        self.cancel_button = QPushButton(_("Cancel"))
        self.merge_button.setDefault(True)
        row.addWidget(self.merge_button)
        row.addWidget(self.cancel_button)
        self.merge_button.clicked.connect(self.merge)
        self.cancel_button.clicked.connect(self.reject)
        return row

    @property
    def keep_side(self) -> int:
        return self.keep_group.checkedId()

    def kept_and_other(self) -> tuple[str, str]:
        first, second = self.ids
        return (first, second) if self.keep_side == 0 else (second, first)

    def _keep_changed(self, side: int) -> None:
        """Keeping the other record: its values are the ones that stay, unless chosen."""
        for group in self.field_groups.values():
            group.button(side).setChecked(True)
        kept, other = self.kept_and_other()
        self.shown_moves = self.ctx.read(merges.preview, self.kind, kept, other).steps
        self._show_moves(self.shown_moves)

    def _show_moves(self, steps: list[merges.Step] | None = None) -> None:
        steps = self.shown.steps if steps is None else steps
        self.moves_title.setText(
            _("What moves to the kept record:") if steps else _("Nothing else names either record.")
        )
        self.moves.clear()
        for step in steps:
            self.moves.addItem(f"{step.label} — {_(HOW_WORDS[step.how])}")
        self.moves.setVisible(bool(steps))
        if steps:  # as tall as its rows, up to MAX_MOVES_SHOWN
            shown = min(len(steps), MAX_MOVES_SHOWN)
            frame = 2 * self.moves.frameWidth()
            self.moves.setFixedHeight(self.moves.sizeHintForRow(0) * shown + frame)

    def take_other(self) -> list[str]:
        """The fields whose value comes from the record not kept."""
        return [f for f, group in self.field_groups.items() if group.checkedId() != self.keep_side]

    def move_texts(self) -> list[str]:
        return [self.moves.item(n).text() for n in range(self.moves.count())]

    def merge(self) -> None:
        kept, other = self.kept_and_other()
        self.error.hide()
        self.ctx.write(
            merges.merge,
            self.kind,
            kept,
            other,
            self.ctx.actor,
            self.take_other(),
            on_done=self._merged,
            on_error=self._failed,
            changes=self.kind,
        )

    def _merged(self, _result: Any) -> None:
        self.merged = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()


class MergesNote(QWidget):
    """The records merged into this one, each with "Undo merge" ("Tách lại")."""

    def __init__(self, ctx: AppContext, kind: str, record_id: str) -> None:
        super().__init__()
        self.ctx, self.kind, self.record_id = ctx, kind, record_id
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.undo_buttons: list[QPushButton] = []
        self.refresh()

    def refresh(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.undo_buttons = []
        found = self.ctx.read(merges.merges_into, self.kind, self.record_id)
        for merge in found:
            self.rows.addWidget(self._row(merge))
        self.setVisible(bool(found))

    def _row(self, merge: merges.MergeRecord) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        at = merge.at.astimezone() if merge.at.tzinfo else merge.at
        text = _("Merged into this record on {date} by {who}: {label}").format(
            date=format_date(at.date()), who=merge.by, label=merge.merged_label
        )
        label = QLabel(text)
        label.setWordWrap(True)
        button = QPushButton(_("Undo merge"))
        button.clicked.connect(lambda: self.undo(merge))
        self.undo_buttons.append(button)
        line.addWidget(label, 1)
        line.addWidget(button)
        return row

    def undo(self, merge: merges.MergeRecord, *, confirm: bool = True) -> None:
        if confirm:
            answer = QMessageBox.question(
                self,
                _("Undo merge"),
                _("Give back {label} as a record of its own, with what moved from it?").format(
                    label=merge.merged_label
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.write(
            merges.unmerge,
            merge.id,
            self.ctx.actor,
            on_done=lambda _r: self.refresh(),
            on_error=self._refused,
            changes=self.kind,
        )

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, _("Undo merge"), str(exc))


def merge_selected(page: Any, kind: str) -> None:
    """The list page's "Merge…": the two selected rows, else a word on what to select."""
    ids = page.selected_ids()
    if len(ids) != 2:
        QMessageBox.information(
            page, _("Merge duplicate records"), _("Select the two records to merge (Ctrl+click).")
        )
        return
    try:  # a record deleted or merged meanwhile (at another window) is said so
        page.merge_dialog = MergeDialog(page.ctx, kind, ids[0], ids[1], page)
    except RecordError as exc:
        QMessageBox.warning(page, _("Merge duplicate records"), str(exc))
        page.refresh()
        return
    page.merge_dialog.finished.connect(lambda _r: page.refresh())
    page.merge_dialog.open()
