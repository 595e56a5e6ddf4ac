"""The dialog listing the records behind a number of the overview (loaded off the GUI
thread), with stored codes shown as the words people read."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coopdesk import i18n
from coopdesk.i18n import _, collation_key, ngettext
from coopdesk.ui.dashboard_widgets import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


def _code_labels() -> dict[str, str]:
    """Stored English codes that the listed rows may hold (status, kind, fund…) → msgid."""
    from coopdesk.ui import labels as L

    out: dict[str, str] = {}
    for table in (
        L.BUDGET_SOURCE,
        L.FUND,
        L.SUPPORT_KIND,
        L.CHANNEL,
        L.AUDIENCE,
        L.TRAINING_KIND,
        L.STATUS,
    ):
        out.update(table)
    return out


class RowsTableModel(QAbstractTableModel):
    def __init__(self, columns: list[str], rows: list[tuple[Any, ...]], parent: Any = None):
        super().__init__(parent)
        self.columns = columns
        self.rows = rows
        self.code_labels = _code_labels()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, int | Decimal) and not isinstance(value, bool):
                return i18n.format_number(value)
            if isinstance(value, str) and value in self.code_labels:
                return _(self.code_labels[value])
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            if isinstance(value, int | Decimal):
                return float(value)
            return collation_key(str(value or ""))
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | Decimal):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None


class RecordsBehindDialog(QDialog):
    """Lists the rows an indicator counted, loaded off the GUI thread."""

    def __init__(
        self,
        title: str,
        subtitle: str,
        load: Callable[[Callable[[Any], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QSortFilterProxyModel

        self.setWindowTitle(title)
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b><br>{subtitle}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.count = QLabel(_("Loading…"))
        layout.addWidget(self.count)
        self.view = QTableView()
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.view.setModel(self.proxy)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.model: RowsTableModel | None = None
        load(self.show_rows)  # starts reading off the GUI thread; show_rows when done

    def show_rows(self, behind: Any) -> None:
        self.model = RowsTableModel(behind.columns, behind.rows, self)
        self.proxy.setSourceModel(self.model)
        self.view.resizeColumnsToContents()
        self.count.setText(
            ngettext("{n} record counted", "{n} records counted", len(behind.rows)).format(
                n=i18n.format_number(len(behind.rows))
            )
        )
