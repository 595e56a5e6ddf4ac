"""The list of people (women managers, members, beneficiaries): by given name, Vietnamese order.

An erased person stays in the list as "[đã xoá]"; the sensitive columns (ethnicity, household,
disability) are hidden unless asked for. Once the installation has accounts they are stored
sealed (services.sensitive_store) and no list reads them: each of those columns says so, the same
for every person, and her record shows them to an account that may see them (a logged reading).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import literal, literal_column, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Person, PersonSensitive
from coopdesk.db.models.search import (
    people_among,
    people_match_ids,
    people_match_join,
    people_matching,
)
from coopdesk.domain import labels as L
from coopdesk.i18n import N_, _
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, choice, flag, yes_no
from coopdesk.services.people import ERASED_NAME
from coopdesk.services.records.sealed import sealing


def _not_erased(dialect: str) -> Any:
    """People not deleted, said so that SQLite's planner uses no index for it
    ("+people.deleted_at") and starts from the ids the search gave; PostgreSQL's planner
    weighs that itself (and has no unary plus for a timestamp)."""
    deleted_at = literal_column("+people.deleted_at") if dialect == "sqlite" else Person.deleted_at
    return deleted_at.is_(None)


def _name(value: Any) -> str:
    return _("[erased]") if value == ERASED_NAME else (value or "")


def _sealed(_value: Any) -> str:
    return _("locked: see her record")


def _sensitive_columns(session: Session) -> tuple[Column, ...]:
    ps = PersonSensitive
    if sealing(session):  # the same words for every person: nothing told apart
        return tuple(
            Column(key, title, literal(""), fmt=_sealed, width=170, sortable=False, hidden=True)
            for key, title in (
                ("ethnicity", N_("Ethnicity")),
                ("poverty", N_("Household")),
                ("disability", N_("Disability")),
            )
        )
    return (
        Column("ethnicity", N_("Ethnicity"), ps.ethnicity_code, width=100, hidden=True),
        Column(
            "poverty",
            N_("Household"),
            ps.poverty_status,
            fmt=lambda v: L.label(L.POVERTY, v),
            width=150,
            hidden=True,
        ),
        Column(
            "disability",
            N_("Disability"),
            ps.disability,
            fmt=L.fmt_bool,
            width=90,
            hidden=True,
        ),
    )


def spec(session: Session) -> ListSpec:
    p, ps = Person, PersonSensitive
    dialect = session.get_bind().dialect.name
    return ListSpec(
        id_expr=p.id,
        base=select(p.id).where(p.deleted_at.is_(None)),  # an erased person stays, "[đã xoá]"
        columns=(
            Column("name", N_("Full name"), p.full_name, fmt=_name, order=p.sort_key, width=240),
            Column("gender", N_("Gender"), p.gender, fmt=lambda v: L.label(L.GENDER, v), width=80),
            Column("birth_year", N_("Birth year"), p.birth_year, align="right", width=90),
            Column("phone", N_("Phone"), p.phone, width=120),
            Column("address", N_("Address"), p.address, width=260),
            *_sensitive_columns(session),
        ),
        filters=(
            choice("gender", p.gender, L.GENDER),
            yes_no(
                "trained",
                lambda period: Q.trained(period=period),
                choices=((True, N_("Trained")), (False, N_("Not trained"))),
            ),
            flag("managers", Q.manages_somewhere),
        ),
        search_index=partial(people_matching, dialect=dialect),  # name words, phone digits
        search_ids=partial(people_match_ids, dialect=dialect),
        search_among=partial(people_among, dialect=dialect),
        base_from_search=select(p.id).where(_not_erased(dialect)),
        search_join=partial(people_match_join, dialect=dialect),
        shown_joins=((ps, ps.person_id == p.id),),
    )
