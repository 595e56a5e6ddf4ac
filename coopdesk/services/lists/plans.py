"""The list of plans (kế hoạch) and how many targets each sets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Plan, Target
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services.lists.spec import Column, ListSpec


def _targets_count() -> Any:
    return (
        select(func.count(Target.id))
        .where(Target.plan_id == Plan.id, Target.deleted_at.is_(None))
        .scalar_subquery()
    )


def spec(session: Session) -> ListSpec:
    p = Plan
    return ListSpec(
        id_expr=p.id,
        base=select(p.id).where(p.deleted_at.is_(None)),
        columns=(
            Column("issued", N_("Issued on"), p.issued_on, fmt=L.fmt_date, width=100),
            Column("number", N_("Number"), p.number, width=130),
            Column("title", N_("Title"), p.title, width=420),
            Column("issuer", N_("Issued by"), p.issuer, width=220),
            Column("from", N_("From"), p.period_start, fmt=L.fmt_date, width=100),
            Column("to", N_("Until"), p.period_end, fmt=L.fmt_date, width=100),
            Column(
                "targets",
                N_("Targets"),
                _targets_count(),
                fmt=L.fmt_number,
                align="right",
                width=80,
            ),
        ),
    )
