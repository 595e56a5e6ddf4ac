"""The printed lists of what the Union did in the period: trainings (with their number of
participants), activities, and support given to cooperatives and people."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Activity, Cooperative, Participation, Person, Support, Training
from coopdesk.domain.periods import Period
from coopdesk.i18n import fold
from coopdesk.reports.model import CellValue
from coopdesk.services.report_lists.conditions import (
    in_year,
    leaves_of,
    search,
    within,
)
from coopdesk.services.report_lists.filters import ListFilter
from coopdesk.services.report_lists.labels import label


def list_trainings(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = leaves_of(session, unit_code)
    t, pa = Training, Participation
    p = Person
    participants = (  # every participation, and those the indicators count (completed)
        select(
            pa.training_id,
            func.count().label("n"),
            func.count().filter(pa.completed.is_(True), p.deleted_at.is_(None)).label("done"),
        )
        .join(p, p.id == pa.person_id)
        .where(pa.deleted_at.is_(None))
        .group_by(pa.training_id)
        .subquery()
    )
    rows = session.execute(
        select(t, participants.c.n, participants.c.done)
        .outerjoin(participants, participants.c.training_id == t.id)
        .where(
            t.deleted_at.is_(None),
            t.start_on >= period.start,
            t.start_on <= period.end,
            within(t.unit_code, leaves),
            search(t.title_folded, flt.search),
            in_year(t.start_on, flt.year),
            or_(t.kind == flt.kind, t.audience == flt.kind) if flt.kind else t.kind.is_not(None),
        )
        .order_by(t.start_on, t.title_folded, t.id)
    ).all()
    return [
        [
            tr.title,
            label(tr.kind, lang),
            label(tr.audience, lang),
            tr.start_on,
            tr.end_on,
            tr.location,
            int(n or 0),
            int(done or 0),
            tr.cost,
        ]
        for tr, n, done in rows
    ]


def list_activities(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = leaves_of(session, unit_code)
    a = Activity
    rows = session.scalars(
        select(a)
        .where(
            a.deleted_at.is_(None),
            a.held_on >= period.start,
            a.held_on <= period.end,
            within(a.unit_code, leaves),
            search(a.title_folded, flt.search),
            in_year(a.held_on, flt.year),
            or_(a.kind == flt.kind, a.channel == flt.kind) if flt.kind else a.kind.is_not(None),
        )
        .order_by(a.held_on, a.title_folded, a.id)
    ).all()
    return [
        [
            x.held_on,
            x.title,
            label(x.kind, lang),
            label(x.channel, lang),
            x.reach_total,
            x.reach_women,
            x.cost,
        ]
        for x in rows
    ]


def list_support(
    session: Session, unit_code: str, period: Period, flt: ListFilter, lang: str
) -> list[list[CellValue]]:
    leaves = leaves_of(session, unit_code)
    s, c, p = Support, Cooperative, Person
    folded = fold(flt.search)
    rows = session.execute(
        select(s, c.name, p.full_name)
        .outerjoin(c, c.id == s.cooperative_id)
        .outerjoin(p, p.id == s.person_id)
        .where(
            s.deleted_at.is_(None),
            s.given_on >= period.start,
            s.given_on <= period.end,
            within(s.unit_code, leaves),
            in_year(s.given_on, flt.year),
            or_(s.kind == flt.kind, s.fund == flt.kind) if flt.kind else s.kind.is_not(None),
            or_(
                c.name_folded.contains(folded, autoescape=True),
                p.name_folded.contains(folded, autoescape=True),
            )
            if folded
            else and_(s.id.is_not(None)),
        )
        .order_by(s.given_on, s.id)
    ).all()
    return [
        [
            sup.given_on,
            coop or person or "",
            label(sup.kind, lang),
            label(sup.fund, lang),
            sup.amount,
            sup.description,
        ]
        for sup, coop, person in rows
    ]
