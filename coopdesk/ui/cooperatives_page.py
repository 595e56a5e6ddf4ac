"""Cooperatives & groups: the list, its filters, and the editor."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, select
from sqlalchemy.sql.elements import ColumnElement

from coopdesk.db.models import Cooperative, Sector
from coopdesk.i18n import N_, current_language, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui import list_queries as Q
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn


class CooperativesPage(ListPage):
    TITLE = N_("Cooperatives & groups")
    ENTITY = "cooperatives"
    SEARCH_HINT = N_("Search by name or registration number (accents not needed)…")

    def make_columns(self) -> list[ListColumn]:
        self._sectors = self._load_sectors()
        return [
            ListColumn("name", N_("Name"), Cooperative.name, order=Cooperative.sort_key, width=300),
            ListColumn("kind", N_("Kind"), Cooperative.kind, width=70),
            ListColumn(
                "sector", N_("Sector"), Cooperative.sector_code, fmt=self._sector_name, width=190
            ),
            ListColumn(
                "status",
                N_("Status"),
                Cooperative.status,
                fmt=lambda v: L.label(L.STATUS, v),
                width=140,
            ),
            ListColumn("founded", N_("Founded"), Cooperative.founded_on, fmt=L.fmt_date, width=100),
            ListColumn(
                "registration", N_("Registration no."), Cooperative.registration_no, width=130
            ),
            ListColumn("address", N_("Address"), Cooperative.address, width=220),
        ]

    def _load_sectors(self) -> dict[str, tuple[str, str]]:
        with self.ctx.session() as s:
            return {
                c: (vi, en)
                for c, vi, en in s.execute(select(Sector.code, Sector.name_vi, Sector.name_en))
            }

    def _sector_name(self, code: Any) -> str:
        names = self._sectors.get(code) if code else None
        if not names:
            return code or ""
        return names[1] if current_language() == "en" else names[0]

    def id_expr(self) -> Any:
        return Cooperative.id

    def base_query(self) -> Select[Any]:
        return select(Cooperative.id).where(
            Cooperative.deleted_at.is_(None), self.scoped(Cooperative.unit_code)
        )

    def search_columns(self) -> list[Any]:
        return [Cooperative.name_folded]

    def number_search_columns(self) -> list[Any]:
        return [Cooperative.registration_no]

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind_filter = self.add_choice(bar, N_("All kinds"), list(L.KIND_SHORT.items()))
        self.status_filter = self.add_choice(bar, N_("All statuses"), L.choices(L.STATUS))
        sectors = sorted(self._sectors.items(), key=lambda kv: kv[1][0])
        self.sector_filter = self.add_choice(
            bar, N_("All sectors"), [(c, n[0]) for c, n in sectors]
        )
        self.women_filter = self.add_check(bar, N_("Women in management"))
        self.female_workers_filter = self.add_check(bar, N_("> 50 % female workers"))
        self.programme_filter = self.add_check(bar, N_("Founded under the programme"))

    def translate_extra(self) -> None:
        lang_index = 1 if current_language() == "en" else 0
        for n in range(1, self.sector_filter.count()):
            names = self._sectors.get(self.sector_filter.itemData(n))
            if names:
                self.sector_filter.setItemText(n, names[lang_index])

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if self.kind_filter.code():
            where.append(Cooperative.kind == self.kind_filter.code())
        if self.status_filter.code():
            where.append(Cooperative.status == self.status_filter.code())
        if self.sector_filter.code():
            where.append(Cooperative.sector_code == self.sector_filter.code())
        if self.women_filter.isChecked():
            where.append(Q.women_in_management())
        if self.female_workers_filter.isChecked():
            where.append(Q.majority_female_workers())
        if self.programme_filter.isChecked():
            where.append(Q.founded_under_programme())
        return where

    def count_text(self, n: int) -> str:
        return ngettext("{n} cooperative or group", "{n} cooperatives and groups", n).format(n=n)

    def new_record(self) -> None:
        self.open_record(None)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.cooperative import CooperativeDialog

        CooperativeDialog(self.ctx, record_id, self).exec()
