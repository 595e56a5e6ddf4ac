"""Activities: communication, fairs, study tours, inspections, advice on founding…"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.year_filter import year_choices


class ActivitiesPage(ListPage):
    TITLE = N_("Activities")
    KIND = "activities"
    ENTITY = "activities"
    SEARCH_HINT = N_("Search by title (accents not needed)…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, "kind", N_("All kinds"))
        self.channel_filter = self.add_choice(bar, "channel", N_("All channels"))
        self.year_filter = self.add_choice(bar, "year", N_("All years"), year_choices())

    def count_text(self, n: int) -> str:
        return ngettext("{n} activity", "{n} activities", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import ActivityDialog

        self.edit(ActivityDialog(self.ctx, record_id, self))
