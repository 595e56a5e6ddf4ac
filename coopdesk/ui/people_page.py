"""People: women managers, members, beneficiaries (sorted by given name, Vietnamese order)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Person, PersonSensitive
from coopdesk.i18n import N_, _, ngettext
from coopdesk.services.people import ERASED_NAME
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right

POVERTY = {"poor": N_("Poor household"), "near_poor": N_("Near-poor household")}
SENSITIVE_KEYS = ("ethnicity", "poverty", "disability")


class PeoplePage(ListPage):
    TITLE = N_("People")
    ENTITY = "people"
    SEARCH_HINT = N_("Search by name or phone (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        return [
            ListColumn(
                "name",
                N_("Full name"),
                Person.full_name,
                fmt=lambda v: _("[erased]") if v == ERASED_NAME else v,
                order=Person.sort_key,
                width=240,
            ),
            ListColumn(
                "gender", N_("Gender"), Person.gender, fmt=lambda v: L.label(L.GENDER, v), width=80
            ),
            right(ListColumn("birth_year", N_("Birth year"), Person.birth_year, width=90)),
            ListColumn("phone", N_("Phone"), Person.phone, width=120),
            ListColumn("address", N_("Address"), Person.address, width=260),
            ListColumn(
                "ethnicity", N_("Ethnicity"), PersonSensitive.ethnicity_code, width=100, hidden=True
            ),
            ListColumn(
                "poverty",
                N_("Household"),
                PersonSensitive.poverty_status,
                fmt=lambda v: L.label(POVERTY, v),
                width=150,
                hidden=True,
            ),
            ListColumn(
                "disability",
                N_("Disability"),
                PersonSensitive.disability,
                fmt=L.fmt_bool,
                width=90,
                hidden=True,
            ),
        ]

    def id_expr(self) -> Any:
        return Person.id

    def base_query(self) -> Select[Any]:
        return (
            select(Person.id)
            .outerjoin(PersonSensitive, PersonSensitive.person_id == Person.id)
            .where(
                Person.deleted_at.is_(None),  # an erased person stays, as "[đã xoá]"
                self.scoped(Person.unit_code),
            )
        )

    def search_columns(self) -> list[Any]:
        return [Person.name_folded]

    def number_search_columns(self) -> list[Any]:
        return [Person.phone]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.gender_filter = self.add_choice(bar, N_("Women and men"), L.choices(L.GENDER))
        self.training_filter = self.add_choice(
            bar, N_("Trained or not"), [("yes", N_("Trained")), ("no", N_("Not trained"))]
        )
        self.managers_filter = self.add_check(bar, N_("Managers only"))
        self.show_sensitive = self.add_check(bar, N_("Show sensitive data"))
        self.show_sensitive.toggled.connect(self._toggle_sensitive)

    def _toggle_sensitive(self, on: bool) -> None:
        for key in SENSITIVE_KEYS:
            self.table.setColumnHidden(self.model.column_index(key), not on)

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.gender_filter.code():
            where.append(Person.gender == self.gender_filter.code())
        if self.training_filter.code() == "yes":
            where.append(Q.trained())
        elif self.training_filter.code() == "no":
            where.append(~Q.trained())
        if self.managers_filter.isChecked():
            where.append(Q.manages_somewhere())
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} person", "{n} people", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.person import PersonDialog

        PersonDialog(self.ctx, record_id, self).exec()
