"""The list of the unit's Hội officers, with whether they were trained."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Officer, Person
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, flag, yes_no


def spec(session: Session) -> ListSpec:
    o, p = Officer, Person
    return ListSpec(
        id_expr=o.id,
        base=select(o.id).join(p, p.id == o.person_id).where(o.deleted_at.is_(None)),
        columns=(
            Column("name", N_("Full name"), p.full_name, order=p.sort_key, width=240),
            Column("position", N_("Position"), o.position, width=240),
            Column(
                "collective",
                N_("Collective economy work"),
                o.collective_economy_work,
                fmt=L.fmt_bool,
                width=190,
            ),
            Column("start", N_("From"), o.start_on, fmt=L.fmt_date, width=100),
            Column("end", N_("Until"), o.end_on, fmt=L.fmt_date, width=100),
            Column("phone", N_("Phone"), p.phone, width=120),
        ),
        filters=(
            yes_no(
                "trained",
                Q.officer_trained,
                choices=((True, N_("Trained")), (False, N_("Not trained"))),
            ),
            flag("current", lambda _p: o.end_on.is_(None)),
        ),
        search=(p.name_folded,),
    )
