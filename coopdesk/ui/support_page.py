"""Support given: loans, grants and in-kind help, to a cooperative or a person."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.year_filter import year_choices


class SupportPage(ListPage):
    TITLE = N_("Support")
    KIND = "support"
    ENTITY = "support"
    SEARCH_HINT = N_("Search by recipient (accents not needed)…")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, "kind", N_("All kinds"))
        self.fund_filter = self.add_choice(bar, "fund", N_("All funds"))
        self.year_filter = self.add_choice(bar, "year", N_("All years"), year_choices())

    def count_text(self, n: int) -> str:
        return ngettext("{n} support record", "{n} support records", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import SupportDialog

        self.edit(SupportDialog(self.ctx, record_id, self))
