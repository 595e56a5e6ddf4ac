"""Hội officers of the unit, with whether they were trained."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Officer, Person
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn


class OfficersPage(ListPage):
    TITLE = N_("Hội officers")
    ENTITY = "officers"
    SEARCH_HINT = N_("Search by name (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        return [
            ListColumn("name", N_("Full name"), Person.full_name, order=Person.sort_key, width=240),
            ListColumn("position", N_("Position"), Officer.position, width=240),
            ListColumn(
                "collective",
                N_("Collective economy work"),
                Officer.collective_economy_work,
                fmt=L.fmt_bool,
                width=190,
            ),
            ListColumn("start", N_("From"), Officer.start_on, fmt=L.fmt_date, width=100),
            ListColumn("end", N_("Until"), Officer.end_on, fmt=L.fmt_date, width=100),
            ListColumn("phone", N_("Phone"), Person.phone, width=120),
        ]

    def id_expr(self) -> Any:
        return Officer.id

    def base_query(self) -> Select[Any]:
        return (
            select(Officer.id)
            .join(Person, Person.id == Officer.person_id)
            .where(Officer.deleted_at.is_(None), self.scoped(Officer.unit_code))
        )

    def search_columns(self) -> list[Any]:
        return [Person.name_folded]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.training_filter = self.add_choice(
            bar, N_("Trained or not"), [("yes", N_("Trained")), ("no", N_("Not trained"))]
        )
        self.current_filter = self.add_check(bar, N_("Current officers only"))

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.training_filter.code() == "yes":
            where.append(Q.officer_trained())
        elif self.training_filter.code() == "no":
            where.append(~Q.officer_trained())
        if self.current_filter.isChecked():
            where.append(Officer.end_on.is_(None))
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} officer", "{n} officers", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.officer import OfficerDialog

        OfficerDialog(self.ctx, record_id, self).exec()
