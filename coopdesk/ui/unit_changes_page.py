"""Boundary changes: the merges, renames and splits of communes held here (sent down by the province
or the country in its bundles), what applying each one does, and applying it after a
confirmation; a province or the national office records a new one
(`coopdesk.services.unit_changes`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import N_, _, ngettext
from coopdesk.services import unit_changes, units
from coopdesk.ui.context import AppContext
from coopdesk.ui.icons import icon
from coopdesk.ui.roles import may_edit

COLUMNS = (N_("Change"), N_("Decision"), N_("Effective on"), N_("Status"))
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class HeldChange:
    """A change as the page shows it: its sentence (without the decision) and its preview."""

    change: unit_changes.Change
    sentence: str
    preview: list[str]


def held_changes(session: Any) -> list[HeldChange]:
    """Every change held here with what applying it does (one read, off the GUI thread)."""
    rows = []
    for change in unit_changes.listed(session):
        names = {code: units.label(session, code) for code in change.sources}
        sentence = dataclasses.replace(change, decision="").sentence(names)
        rows.append(HeldChange(change, sentence, unit_changes.preview(session, change.id)))
    return rows


def records_changes(session: Any, unit_code: str) -> bool:
    """Whether this installation's unit sends changes down: a province or the country."""
    info = units.get(session, unit_code)
    return info is not None and info.level in ("province", "country")


class UnitChangesPage(QWidget):
    """The list of changes, the preview of the selected one, applying it, recording one."""

    refreshes_itself = True  # after applying or recording; otherwise when shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[HeldChange] = []
        self.can_record = bool(ctx.read(records_changes, ctx.unit_code)) and may_edit(ctx)
        self._build()
        self.translate_ui()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 6)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.record_button = QPushButton(icon("add"), "")
        self.record_button.setVisible(self.can_record)
        self.apply_button = QPushButton()
        top.addWidget(self.record_button)
        top.addWidget(self.apply_button)
        self.apply_button.setVisible(may_edit(self.ctx))  # a viewer applies no change
        layout.addLayout(top)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 3)
        self.preview_title = QLabel()
        font = self.preview_title.font()
        font.setBold(True)
        self.preview_title.setFont(font)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 2)
        self.table.itemSelectionChanged.connect(self._show_preview)
        self.apply_button.clicked.connect(self.apply_selected)
        self.record_button.clicked.connect(self.record_change)

    def translate_ui(self) -> None:
        self.title.setText(_("Boundary changes"))
        self.record_button.setText(_("Record a change…"))
        self.apply_button.setText(_("Apply…"))
        self.intro.setText(
            _(
                "Merges, renames and splits of communes sent down by the province or the country "
                "arrive in their bundles. Look at what a change does, then apply it here: "
                "records keep the unit they were entered under, and from the effective date "
                "indicators and reports count them under the unit after the change."
            )
        )
        self.preview_title.setText(_("What applying it does"))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self._show()

    # --- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.read_later(held_changes, on_done=self._loaded)

    def _loaded(self, rows: list[HeldChange]) -> None:
        selected = self.selected()
        self.rows = rows
        self._show(selected.change.id if selected else None)

    def _show(self, keep: str | None = None) -> None:
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            for col, text in enumerate(self._cells(row.change, row.sentence)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.change.id)
                self.table.setItem(n, col, item)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        ids = [row.change.id for row in self.rows]
        if ids:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._show_preview()

    @staticmethod
    def _cells(change: unit_changes.Change, sentence: str) -> list[str]:
        status = _("Applied here") if change.applied else _("Not applied yet")
        return [sentence, change.decision, i18n.format_date(change.effective_on), status]

    def selected(self) -> HeldChange | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    @Slot()
    def _show_preview(self) -> None:
        held = self.selected()
        if not self.rows:
            self.preview.setText(_("No change of communes has been received here."))
        elif held is None:
            self.preview.setText(_("Choose a change to see what applying it does."))
        else:
            self.preview.setText(bullets(held.preview))
        self.apply_button.setEnabled(held is not None and not held.change.applied)

    def status_text(self) -> str:
        waiting = sum(1 for row in self.rows if not row.change.applied)
        return ngettext(
            "{count} change held here, {waiting} not applied yet.",
            "{count} changes held here, {waiting} not applied yet.",
            len(self.rows),
        ).format(count=len(self.rows), waiting=waiting)

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (tests)."""
        return [
            [self._cell_text(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # --- applying, recording -------------------------------------------------------------

    @Slot()
    def apply_selected(self) -> None:
        held = self.selected()
        if held is None or held.change.applied:
            return
        answer = QMessageBox.question(
            self,
            _("Apply this change"),
            _("Apply this change of communes here?") + "\n\n" + bullets(held.preview),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ctx.write(
            unit_changes.apply,
            held.change.id,
            self.ctx.actor,
            on_done=self._applied,
            progress_label=_("Applying the change…"),
        )

    def _applied(self, change: unit_changes.Change) -> None:
        if self.ctx.unit_code in (*change.sources, change.target_code):
            self.ctx.installation_changed.emit()  # the window's unit name
        self.refresh()

    @Slot()
    def record_change(self) -> None:
        from coopdesk.ui.unit_change_dialog import UnitChangeDialog

        dialog = UnitChangeDialog(self.ctx, self)
        result = dialog.exec()
        if result == UnitChangeDialog.SPLIT:
            self.record_split(dialog.province.currentData())
        elif result:
            self.refresh()

    def record_split(self, province: str | None) -> None:
        from coopdesk.ui.unit_split_dialog import UnitSplitDialog

        if UnitSplitDialog(self.ctx, self, province=province).exec():
            self.refresh()


def bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)
