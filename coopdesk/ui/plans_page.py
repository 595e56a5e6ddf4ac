"""Plans (kế hoạch) and their targets."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from coopdesk.i18n import N_, ngettext
from coopdesk.ui.list_page import ListPage


class PlansPage(ListPage):
    TITLE = N_("Plans & targets")
    KIND = "plans"
    ENTITY = "plans"

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.search.hide()
        bar.addStretch(1)

    def count_text(self, n: int) -> str:
        return ngettext("{n} plan", "{n} plans", n).format(n=n)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.plan import PlanDialog

        self.edit(PlanDialog(self.ctx, record_id, self))

    def new_record(self) -> None:
        self.open_record(None)
