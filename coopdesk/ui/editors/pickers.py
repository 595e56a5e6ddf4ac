"""Choosing a person: search the unit's people as you type, or enter a new one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.services.registry import lookups
from coopdesk.ui import labels as L
from coopdesk.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass
class PersonChoice:
    person_id: str | None  # an existing person…
    full_name: str  # …or a new one with this name
    gender: str
    officer: bool = False


def match_text(m: lookups.PersonMatch) -> str:
    """'Nguyễn Thị Hoa (Nữ, sinh năm 1985) — HTX Chè Tân Phong · Phường Tân Phong': enough to
    tell apart women of the same name."""
    about = [_(L.GENDER.get(m.gender, m.gender))]
    if m.birth_year:
        about.append(_("born {year}").format(year=m.birth_year))
    if m.officer:
        about.append(_("Hội officer"))
    where = " · ".join(x for x in (m.cooperative, m.unit_name) if x)
    return f"{m.full_name} ({', '.join(about)})" + (f" — {where}" if where else "")


class PersonPicker(QWidget):
    """Type part of a name: matching people appear; or type a new name and choose gender."""

    chosen = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.search_label = QLabel()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setFixedHeight(96)
        self.new_label = QLabel()
        self.new_name = QLineEdit()
        self.gender = QComboBox()
        for code, text in L.GENDER.items():
            self.gender.addItem(text, code)
        grid.addWidget(self.search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 2)
        grid.addWidget(self.matches, 1, 1, 1, 2)
        grid.addWidget(self.new_label, 2, 0)
        grid.addWidget(self.new_name, 2, 1)
        grid.addWidget(self.gender, 2, 2)
        grid.setColumnStretch(1, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self.timer.start)
        self.new_name.textEdited.connect(lambda _t: self.matches.clearSelection())
        self.matches.itemDoubleClicked.connect(lambda _i: self.chosen.emit())

    def translate_ui(self) -> None:
        self.search_label.setText(_("Find a person"))
        self.search.setPlaceholderText(_("Type part of the name (accents not needed)"))
        self.new_label.setText(_("or a new person"))
        self.new_name.setPlaceholderText(_("Full name, e.g. Nguyễn Thị Hoa"))
        for n, text in enumerate(L.GENDER.values()):
            self.gender.setItemText(n, _(text))
        self.refresh()

    def refresh(self) -> None:
        self.timer.stop()
        self.matches.clear()
        found = self.ctx.read(lookups.search_people, self.ctx.unit_code, self.search.text())
        for m in found:
            item = QListWidgetItem(match_text(m))
            item.setData(ID_ROLE, (m.id, m.full_name, m.gender, m.officer))
            self.matches.addItem(item)

    def select_name(self, name: str) -> bool:
        for n in range(self.matches.count()):
            item = self.matches.item(n)
            if item.data(ID_ROLE)[1] == name:
                self.matches.setCurrentItem(item)
                return True
        return False

    def choice(self) -> PersonChoice | None:
        if self.new_name.text().strip():
            return PersonChoice(None, self.new_name.text().strip(), self.gender.currentData())
        item = self.matches.currentItem()
        if item is not None and item.isSelected():
            pid, name, gender, officer = item.data(ID_ROLE)
            return PersonChoice(pid, name, gender, officer)
        return None

    def reset(self) -> None:
        self.new_name.clear()
        self.search.clear()
        self.matches.clearSelection()
