"""Trainings (courses) and how many took part."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Training
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right
from coopdesk.ui.year_filter import year_choices


class TrainingsPage(ListPage):
    TITLE = N_("Trainings")
    ENTITY = "trainings"
    SEARCH_HINT = N_("Search by title (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        return [
            ListColumn("start", N_("Date"), Training.start_on, fmt=L.fmt_date, width=100),
            ListColumn("title", N_("Title"), Training.title, width=400),
            ListColumn(
                "kind",
                N_("Kind"),
                Training.kind,
                fmt=lambda v: L.label(L.TRAINING_KIND, v),
                width=140,
            ),
            ListColumn(
                "audience",
                N_("Audience"),
                Training.audience,
                fmt=lambda v: L.label(L.AUDIENCE, v),
                width=120,
            ),
            right(
                ListColumn(
                    "participants",
                    N_("Participants"),
                    Q.participants_count(),
                    fmt=L.fmt_number,
                    width=100,
                )
            ),
            ListColumn("location", N_("Location"), Training.location, width=200),
        ]

    def id_expr(self) -> Any:
        return Training.id

    def base_query(self) -> Select[Any]:
        return select(Training.id).where(
            Training.deleted_at.is_(None), self.scoped(Training.unit_code)
        )

    def search_columns(self) -> list[Any]:
        return [Training.title_folded]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, N_("All kinds"), L.choices(L.TRAINING_KIND))
        self.audience_filter = self.add_choice(bar, N_("All audiences"), L.choices(L.AUDIENCE))
        self.year_filter = self.add_choice(bar, N_("All years"), year_choices())

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.kind_filter.code():
            where.append(Training.kind == self.kind_filter.code())
        if self.audience_filter.code():
            where.append(Training.audience == self.audience_filter.code())
        if self.year_filter.code():
            where.append(Q.year_between(Training.start_on, self.year_filter.code()))
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} training", "{n} trainings", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.training import TrainingDialog

        TrainingDialog(self.ctx, record_id, self).exec()
