"""The budget lines: by year and source, planned, allocated and spent."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Budget
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services.lists.spec import Column, ListSpec, choice, year


def spec(session: Session) -> ListSpec:
    b = Budget
    return ListSpec(
        id_expr=b.id,
        base=select(b.id).where(b.deleted_at.is_(None)),
        columns=(
            Column("year", N_("Year"), b.year, align="right", width=70),
            Column(
                "source",
                N_("Source"),
                b.source,
                fmt=lambda v: L.label(L.BUDGET_SOURCE, v),
                width=320,
            ),
            Column("planned", N_("Planned"), b.planned, fmt=L.fmt_money, align="right", width=150),
            Column(
                "allocated",
                N_("Allocated"),
                b.allocated,
                fmt=L.fmt_money,
                align="right",
                width=150,
            ),
            Column("spent", N_("Spent"), b.spent, fmt=L.fmt_money, align="right", width=150),
        ),
        filters=(
            choice("source", b.source, L.BUDGET_SOURCE),
            year("year", lambda y: b.year == y),
        ),
    )
