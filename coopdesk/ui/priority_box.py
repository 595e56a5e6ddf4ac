"""The Overview's box of priority women (issue 12 item 8): how many women of each priority group
the unit on screen counts now, from the details this computer holds and the counts the units
below sent (`services.priority_women`). No name and no detail of anyone is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from coopdesk.domain.priority_women import GROUPS
from coopdesk.i18n import _, format_number
from coopdesk.services.priority_women import PriorityWomen, priority_women
from coopdesk.ui.context import AppContext


class PriorityWomenBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: PriorityWomen | None = None
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, group in enumerate(GROUPS):
            self.labels[group], self.values[group] = QLabel(), QLabel("…")
            grid.addWidget(self.labels[group], row, 0)
            grid.addWidget(self.values[group], row, 1)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hint")
        layout.addWidget(self.note)
        self.translate_ui()

    def load(self, unit_code: str | None) -> None:
        """Count for `unit_code`'s subtree off the GUI thread."""
        self.ctx.read_later(priority_women, unit_code, self.ctx.unit_code, on_done=self.show_counts)

    def show_counts(self, counts: PriorityWomen) -> None:
        self.shown = counts
        for group, value in self.values.items():
            value.setText(format_number(counts.by_group[group]))
        self._show_note()

    def _show_note(self) -> None:
        counts = self.shown
        notes = []
        if counts is not None and counts.units_reporting:
            notes.append(_("Including the counts sent by {n} units below.").format(
                n=counts.units_reporting))  # fmt: skip
        if counts is not None and not counts.counted_here:
            notes.append(
                _("This computer's own details were not counted now (log in to count them).")
            )
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def translate_ui(self) -> None:
        self.setTitle(_("Women of the priority groups (now)"))
        for group, label in self.labels.items():
            label.setText(_(GROUPS[group]))
        self._show_note()
