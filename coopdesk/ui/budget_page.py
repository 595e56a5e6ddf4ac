"""Budget by year and source: planned, allocated, spent."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Budget
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right
from coopdesk.ui.year_filter import year_choices


class BudgetPage(ListPage):
    TITLE = N_("Budget")
    ENTITY = "budgets"

    def make_columns(self) -> list[ListColumn]:
        return [
            right(ListColumn("year", N_("Year"), Budget.year, width=70)),
            ListColumn(
                "source",
                N_("Source"),
                Budget.source,
                fmt=lambda v: L.label(L.BUDGET_SOURCE, v),
                width=320,
            ),
            right(ListColumn("planned", N_("Planned"), Budget.planned, fmt=L.fmt_money, width=150)),
            right(
                ListColumn(
                    "allocated", N_("Allocated"), Budget.allocated, fmt=L.fmt_money, width=150
                )
            ),
            right(ListColumn("spent", N_("Spent"), Budget.spent, fmt=L.fmt_money, width=150)),
        ]

    def id_expr(self) -> Any:
        return Budget.id

    def base_query(self) -> Select[Any]:
        return select(Budget.id).where(Budget.deleted_at.is_(None), self.scoped(Budget.unit_code))

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.search.hide()
        bar.addStretch(1)
        self.source_filter = self.add_choice(bar, N_("All sources"), L.choices(L.BUDGET_SOURCE))
        self.year_filter = self.add_choice(bar, N_("All years"), year_choices())

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.source_filter.code():
            where.append(Budget.source == self.source_filter.code())
        if self.year_filter.code():
            where.append(Budget.year == self.year_filter.code())
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} budget line", "{n} budget lines", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import BudgetDialog

        BudgetDialog(self.ctx, record_id, self).exec()
