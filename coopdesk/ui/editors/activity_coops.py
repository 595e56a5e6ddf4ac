"""The cooperatives an activity involved (the activity_cooperatives links).

The unit's cooperatives are listed with a tick box each; typing filters the list ignoring
diacritics and case ("tan phong" finds "HTX Tân Phong"). The ids ticked go into the
activity's draft; `services.registry.activities` adds and removes the links when it is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _, fold, ngettext
from coopdesk.services.registry import lookups
from coopdesk.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivityCooperatives(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.count = QLabel()
        layout.addWidget(self.hint)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.search.textChanged.connect(self.filter)
        self.list.itemChanged.connect(lambda _i: self._update_count())
        self._fill()

    def _fill(self) -> None:
        rows = self.ctx.read(lookups.cooperatives, self.ctx.unit_code)
        self.list.blockSignals(True)
        for cid, name, folded in rows:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ID_ROLE, cid)
            item.setData(FOLDED_ROLE, folded)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def translate_ui(self) -> None:
        self.hint.setText(_("Tick the cooperatives and groups this activity involved."))
        self.search.setPlaceholderText(_("Find a cooperative (accents not needed)…"))
        self._update_count()

    def load(self, chosen: set[str]) -> None:
        """Tick the cooperatives the saved activity involved."""
        self.set_chosen(chosen)

    def set_chosen(self, ids: set[str]) -> None:
        self.list.blockSignals(True)
        for n in range(self.list.count()):
            item = self.list.item(n)
            checked = item.data(ID_ROLE) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._update_count()

    def filter(self, text: str) -> None:
        needle = fold(text).strip()
        for n in range(self.list.count()):
            item = self.list.item(n)
            item.setHidden(bool(needle) and needle not in item.data(FOLDED_ROLE))

    def visible_names(self) -> list[str]:
        return [
            self.list.item(n).text()
            for n in range(self.list.count())
            if not self.list.item(n).isHidden()
        ]

    def set_checked(self, text: str, checked: bool = True) -> None:
        """Tick (or untick) the visible cooperative named `text`."""
        for n in range(self.list.count()):
            item = self.list.item(n)
            if not item.isHidden() and item.text() == text:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise LookupError(text)

    def chosen_ids(self) -> set[str]:
        return {
            self.list.item(n).data(ID_ROLE)
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        }

    def chosen_names(self) -> list[str]:
        return [
            self.list.item(n).text()
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def _update_count(self) -> None:
        n = len(self.chosen_ids())
        self.count.setText(
            ngettext("{n} cooperative chosen", "{n} cooperatives chosen", n).format(n=n)
        )
