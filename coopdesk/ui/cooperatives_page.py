"""Cooperatives & groups: the list, its filters, and the editor."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage


class CooperativesPage(ListPage):
    TITLE = N_("Cooperatives & groups")
    KIND = "cooperatives"
    ENTITY = "cooperatives"
    MERGE = "cooperatives"
    SEARCH_HINT = N_("Search by name or registration number (accents not needed)…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, "kind", N_("All kinds"))
        self.status_filter = self.add_choice(bar, "status", N_("All statuses"))
        self.sector_filter = self.add_choice(bar, "sector", N_("All sectors"))
        self.women_filter = self.add_check(bar, "women_managed", N_("Women in management"))
        self.female_workers_filter = self.add_check(
            bar, "majority_female", N_("> 50 % female workers")
        )
        self.programme_filter = self.add_check(
            bar, "founded_under_programme", N_("Founded under the programme")
        )

    def count_text(self, n: int) -> str:
        return ngettext("{n} cooperative or group", "{n} cooperatives and groups", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.cooperative import CooperativeDialog

        self.edit(CooperativeDialog(self.ctx, record_id, self))
