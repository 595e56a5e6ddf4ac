"""Support given: loans, grants and in-kind help, to a cooperative or a person."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, func, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Cooperative, Person, Support
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right
from coopdesk.ui.year_filter import year_choices


class SupportPage(ListPage):
    TITLE = N_("Support")
    ENTITY = "support"
    SEARCH_HINT = N_("Search by recipient (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        recipient = func.coalesce(Cooperative.name, Person.full_name)
        return [
            ListColumn("date", N_("Date"), Support.given_on, fmt=L.fmt_date, width=100),
            ListColumn(
                "kind",
                N_("Kind"),
                Support.kind,
                fmt=lambda v: L.label(L.SUPPORT_KIND, v),
                width=100,
            ),
            ListColumn(
                "fund", N_("Fund"), Support.fund, fmt=lambda v: L.label(L.FUND, v), width=200
            ),
            right(ListColumn("amount", N_("Amount"), Support.amount, fmt=L.fmt_money, width=140)),
            ListColumn("recipient", N_("Recipient"), recipient, width=260),
            ListColumn("description", N_("Description"), Support.description, width=240),
        ]

    def id_expr(self) -> Any:
        return Support.id

    def base_query(self) -> Select[Any]:
        return (
            select(Support.id)
            .outerjoin(Cooperative, Cooperative.id == Support.cooperative_id)
            .outerjoin(Person, Person.id == Support.person_id)
            .where(Support.deleted_at.is_(None), self.scoped(Support.unit_code))
        )

    def search_columns(self) -> list[Any]:
        return [Cooperative.name_folded, Person.name_folded]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, N_("All kinds"), L.choices(L.SUPPORT_KIND))
        self.fund_filter = self.add_choice(bar, N_("All funds"), L.choices(L.FUND))
        self.year_filter = self.add_choice(bar, N_("All years"), year_choices())

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.kind_filter.code():
            where.append(Support.kind == self.kind_filter.code())
        if self.fund_filter.code():
            where.append(Support.fund == self.fund_filter.code())
        if self.year_filter.code():
            where.append(Q.year_between(Support.given_on, self.year_filter.code()))
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} support record", "{n} support records", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import SupportDialog

        SupportDialog(self.ctx, record_id, self).exec()
