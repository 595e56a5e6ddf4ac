"""Activities: communication, fairs, study tours, inspections, advice on founding…"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Activity
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right
from coopdesk.ui.year_filter import year_choices


class ActivitiesPage(ListPage):
    TITLE = N_("Activities")
    ENTITY = "activities"
    SEARCH_HINT = N_("Search by title (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        return [
            ListColumn("date", N_("Date"), Activity.held_on, fmt=L.fmt_date, width=100),
            ListColumn(
                "kind",
                N_("Kind"),
                Activity.kind,
                fmt=lambda v: L.label(L.ACTIVITY_KIND, v),
                width=150,
            ),
            ListColumn(
                "channel",
                N_("Channel"),
                Activity.channel,
                fmt=lambda v: L.label(L.CHANNEL, v),
                width=110,
            ),
            ListColumn("title", N_("Title"), Activity.title, width=300),
            right(
                ListColumn(
                    "reach", N_("Reach (lượt)"), Activity.reach_total, fmt=L.fmt_number, width=110
                )
            ),
            right(
                ListColumn(
                    "women", N_("Of whom women"), Activity.reach_women, fmt=L.fmt_number, width=120
                )
            ),
            right(ListColumn("cost", N_("Cost"), Activity.cost, fmt=L.fmt_money, width=130)),
        ]

    def id_expr(self) -> Any:
        return Activity.id

    def base_query(self) -> Select[Any]:
        return select(Activity.id).where(
            Activity.deleted_at.is_(None), self.scoped(Activity.unit_code)
        )

    def search_columns(self) -> list[Any]:
        return [Activity.title_folded]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, N_("All kinds"), L.choices(L.ACTIVITY_KIND))
        self.channel_filter = self.add_choice(bar, N_("All channels"), L.choices(L.CHANNEL))
        self.year_filter = self.add_choice(bar, N_("All years"), year_choices())

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.kind_filter.code():
            where.append(Activity.kind == self.kind_filter.code())
        if self.channel_filter.code():
            where.append(Activity.channel == self.channel_filter.code())
        if self.year_filter.code():
            where.append(Q.year_between(Activity.held_on, self.year_filter.code()))
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} activity", "{n} activities", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.simple import ActivityDialog

        ActivityDialog(self.ctx, record_id, self).exec()
