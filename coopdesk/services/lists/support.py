"""The list of support given: loans, grants and in-kind help, to a cooperative or a person."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Person, Support
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, choice, year


def spec(session: Session) -> ListSpec:
    s, c, p = Support, Cooperative, Person
    return ListSpec(
        id_expr=s.id,
        base=(
            select(s.id)
            .outerjoin(c, c.id == s.cooperative_id)
            .outerjoin(p, p.id == s.person_id)
            .where(s.deleted_at.is_(None))
        ),
        columns=(
            Column("date", N_("Date"), s.given_on, fmt=L.fmt_date, width=100),
            Column("kind", N_("Kind"), s.kind, fmt=lambda v: L.label(L.SUPPORT_KIND, v), width=100),
            Column("fund", N_("Fund"), s.fund, fmt=lambda v: L.label(L.FUND, v), width=200),
            Column("amount", N_("Amount"), s.amount, fmt=L.fmt_money, align="right", width=140),
            Column("recipient", N_("Recipient"), func.coalesce(c.name, p.full_name), width=260),
            Column("description", N_("Description"), s.description, width=240),
        ),
        filters=(
            choice("kind", s.kind, L.SUPPORT_KIND),
            choice("fund", s.fund, L.FUND),
            year("year", lambda y: Q.year_between(s.given_on, y)),
        ),
        search=(c.name_folded, p.name_folded),
    )
