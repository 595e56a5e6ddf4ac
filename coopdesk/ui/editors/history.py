"""The History tab: who changed what and when, from the audit events."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import N_, _, format_date
from coopdesk.services import records
from coopdesk.ui.context import AppContext

ACTIONS = {
    "create": N_("created"),
    "update": N_("changed"),
    "delete": N_("deleted"),
    "erase": N_("erased"),
    "import": N_("received in a bundle"),
    "undo-import": N_("import undone"),
    "view": N_("viewed"),
    "restore": N_("restored (merge undone)"),
}


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return str(value)


class HistoryView(QWidget):
    def __init__(self, ctx: AppContext, entity: str, record_id: str) -> None:
        super().__init__()
        self.ctx, self.entity, self.record_id = ctx, entity, record_id
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 160)
        self.table.setColumnWidth(2, 130)
        layout = QVBoxLayout(self)
        if entity in ("people", "cooperatives"):  # the records merged into it: "Tách lại"
            from coopdesk.ui.editors.merge_dialog import MergesNote

            self.merges = MergesNote(ctx, entity, record_id)
            layout.addWidget(self.merges)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        entries = self.ctx.read(records.history, self.entity, self.record_id)
        self.entries = entries
        self.table.setRowCount(len(entries))
        self.fill()

    def fill(self) -> None:
        for row, e in enumerate(self.entries):
            at = e.at.astimezone() if e.at.tzinfo else e.at
            when = f"{format_date(at.date())} {at.strftime('%H:%M')}"
            text = ACTIONS.get(e.action, e.action)
            changes = "; ".join(
                f"{c.field}: {_show(c.before)} → {_show(c.after)}" for c in e.changes[:12]
            )
            if e.action == "create":
                changes = ""
            what = e.source or _(text)  # 'nhập từ gói số 3 của Phường Tân Phong'
            for col, value in enumerate((when, e.actor, what, changes)):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def translate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([_("When"), _("Who"), _("What"), _("Changes")])
        self.fill()

    def texts(self) -> list[list[str]]:
        return [
            [
                item.text() if (item := self.table.item(r, c)) else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]
