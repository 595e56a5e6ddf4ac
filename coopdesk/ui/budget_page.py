"""Budget by year and source: planned, allocated, spent."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.year_filter import year_choices


class BudgetPage(ListPage):
    TITLE = N_("Budget")
    KIND = "budget"
    ENTITY = "budgets"

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.search.hide()
        bar.addStretch(1)
        self.source_filter = self.add_choice(bar, "source", N_("All sources"))
        self.year_filter = self.add_choice(bar, "year", N_("All years"), year_choices())

    def count_text(self, n: int) -> str:
        return ngettext("{n} budget line", "{n} budget lines", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import BudgetDialog

        self.edit(BudgetDialog(self.ctx, record_id, self))
