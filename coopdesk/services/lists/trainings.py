"""The list of trainings (courses) and how many took part."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Training
from coopdesk.domain import labels as L
from coopdesk.i18n import N_
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, choice, year


def spec(session: Session) -> ListSpec:
    t = Training
    return ListSpec(
        id_expr=t.id,
        base=select(t.id).where(t.deleted_at.is_(None)),
        columns=(
            Column("start", N_("Date"), t.start_on, fmt=L.fmt_date, width=100),
            Column("title", N_("Title"), t.title, width=400),
            Column(
                "kind", N_("Kind"), t.kind, fmt=lambda v: L.label(L.TRAINING_KIND, v), width=140
            ),
            Column(
                "audience",
                N_("Audience"),
                t.audience,
                fmt=lambda v: L.label(L.AUDIENCE, v),
                width=120,
            ),
            Column(
                "participants",
                N_("Participants"),
                Q.participants_count(),
                fmt=L.fmt_number,
                align="right",
                width=100,
            ),
            Column("location", N_("Location"), t.location, width=200),
        ),
        filters=(
            choice("kind", t.kind, L.TRAINING_KIND),
            choice("audience", t.audience, L.AUDIENCE),
            year("year", lambda y: Q.year_between(t.start_on, y)),
        ),
        search=(t.title_folded,),
    )
