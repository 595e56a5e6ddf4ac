"""The list of activities: communication, fairs, study tours, inspections, advice…"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Activity
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, choice, year


def spec(session: Session) -> ListSpec:
    a = Activity
    return ListSpec(
        id_expr=a.id,
        base=select(a.id).where(a.deleted_at.is_(None)),
        columns=(
            Column("date", N_("Date"), a.held_on, fmt=L.fmt_date, width=100),
            Column(
                "kind", N_("Kind"), a.kind, fmt=lambda v: L.label(L.ACTIVITY_KIND, v), width=150
            ),
            Column(
                "channel",
                N_("Channel"),
                a.channel,
                fmt=lambda v: L.label(L.CHANNEL, v),
                width=110,
            ),
            Column("title", N_("Title"), a.title, width=300),
            Column(
                "reach",
                N_("Reach (lượt)"),
                a.reach_total,
                fmt=L.fmt_number,
                align="right",
                width=110,
            ),
            Column(
                "women",
                N_("Of whom women"),
                a.reach_women,
                fmt=L.fmt_number,
                align="right",
                width=120,
            ),
            Column("cost", N_("Cost"), a.cost, fmt=L.fmt_money, align="right", width=130),
        ),
        filters=(
            choice("kind", a.kind, L.ACTIVITY_KIND),
            choice("channel", a.channel, L.CHANNEL),
            year("year", lambda y: Q.year_between(a.held_on, y)),
        ),
        search=(a.title_folded,),
    )
