"""Hội officers of the unit, with whether they were trained."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage


class OfficersPage(ListPage):
    TITLE = N_("Hội officers")
    KIND = "officers"
    ENTITY = "officers"
    SEARCH_HINT = N_("Search by name (accents not needed)…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.training_filter = self.add_choice(bar, "trained", N_("Trained or not"))
        self.current_filter = self.add_check(bar, "current", N_("Current officers only"))

    def count_text(self, n: int) -> str:
        return ngettext("{n} officer", "{n} officers", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.officer import OfficerDialog

        self.edit(OfficerDialog(self.ctx, record_id, self))
