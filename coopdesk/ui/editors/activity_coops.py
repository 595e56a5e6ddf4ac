"""The cooperatives an activity involved (the activity_cooperatives links).

The unit's cooperatives are listed with a tick box each; typing filters the list ignoring
diacritics and case ("tan phong" finds "HTX Tân Phong"). Saving adds and removes links
through `coopdesk.services.records` (validated, audited; a removed link comes back when ticked
again).
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
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import ActivityCooperative, Cooperative
from coopdesk.i18n import _, fold, ngettext
from coopdesk.services import records
from coopdesk.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1


class ActivityCooperatives(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_ids: set[str] = set()
        self.link_ids: dict[str, str] = {}  # cooperative id -> link id
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
        with self.ctx.session() as s:
            rows = s.execute(
                select(Cooperative.id, Cooperative.name, Cooperative.name_folded)
                .where(
                    Cooperative.deleted_at.is_(None), Cooperative.unit_code == self.ctx.unit_code
                )
                .order_by(Cooperative.sort_key)
                .limit(5000)
            ).all()
        self.list.blockSignals(True)
        for cid, name, folded in rows:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ID_ROLE, cid)
            item.setData(FOLDED_ROLE, folded or fold(name))
            self.list.addItem(item)
        self.list.blockSignals(False)

    def translate_ui(self) -> None:
        self.hint.setText(_("Tick the cooperatives and groups this activity involved."))
        self.search.setPlaceholderText(_("Find a cooperative (accents not needed)…"))
        self._update_count()

    def load(self, session: Session, activity_id: str) -> None:
        links = session.execute(
            select(ActivityCooperative.id, ActivityCooperative.cooperative_id).where(
                ActivityCooperative.activity_id == activity_id,
                ActivityCooperative.deleted_at.is_(None),
            )
        ).all()
        self.link_ids = {cid: lid for lid, cid in links}
        self.saved_ids = set(self.link_ids)
        self.set_chosen(self.saved_ids)

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

    def changed(self) -> bool:
        return self.chosen_ids() != self.saved_ids

    def _update_count(self) -> None:
        n = len(self.chosen_ids())
        self.count.setText(
            ngettext("{n} cooperative chosen", "{n} cooperatives chosen", n).format(n=n)
        )

    def save(
        self, session: Session, activity_id: str, unit_code: str, chosen: set[str], actor: str
    ) -> None:
        """Add and remove links so the activity has `chosen` (read on the GUI thread)."""
        for cid in sorted(self.saved_ids - chosen):
            link = records.get_live(session, ActivityCooperative, self.link_ids[cid])
            records.delete(session, link, actor)
        for cid in sorted(chosen - self.saved_ids):
            records.create(
                session,
                ActivityCooperative,
                {"activity_id": activity_id, "cooperative_id": cid, "unit_code": unit_code},
                actor,
            )
