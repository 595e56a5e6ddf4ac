"""Plans (kế hoạch) and their targets."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout
from sqlalchemy import Select, func, select

from coopdesk.db.models import Plan, Target
from coopdesk.i18n import N_, ngettext
from coopdesk.ui import labels as L
from coopdesk.ui.list_page import ListPage
from coopdesk.ui.models import ListColumn, right


def _targets_count() -> Any:
    return (
        select(func.count(Target.id))
        .where(Target.plan_id == Plan.id, Target.deleted_at.is_(None))
        .scalar_subquery()
    )


class PlansPage(ListPage):
    TITLE = N_("Plans & targets")
    ENTITY = "plans"

    def make_columns(self) -> list[ListColumn]:
        return [
            ListColumn("issued", N_("Issued on"), Plan.issued_on, fmt=L.fmt_date, width=100),
            ListColumn("number", N_("Number"), Plan.number, width=130),
            ListColumn("title", N_("Title"), Plan.title, width=420),
            ListColumn("issuer", N_("Issued by"), Plan.issuer, width=220),
            ListColumn("from", N_("From"), Plan.period_start, fmt=L.fmt_date, width=100),
            ListColumn("to", N_("Until"), Plan.period_end, fmt=L.fmt_date, width=100),
            right(
                ListColumn("targets", N_("Targets"), _targets_count(), fmt=L.fmt_number, width=80)
            ),
        ]

    def id_expr(self) -> Any:
        return Plan.id

    def base_query(self) -> Select[Any]:
        return select(Plan.id).where(Plan.deleted_at.is_(None), self.scoped(Plan.unit_code))

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.search.hide()
        bar.addStretch(1)

    def count_text(self, n: int) -> str:
        return ngettext("{n} plan", "{n} plans", n).format(n=n)

    def open_record(self, record_id: str | None) -> None:
        from coopdesk.ui.editors.plan import PlanDialog

        PlanDialog(self.ctx, record_id, self).exec()

    def new_record(self) -> None:
        self.open_record(None)
