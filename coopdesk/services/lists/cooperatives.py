"""The list of cooperatives and groups (HTX, THT, unions): by name in Vietnamese order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, Sector
from coopdesk.domain import labels as L
from coopdesk.i18n import N_, collation_key
from coopdesk.services import list_filters as Q
from coopdesk.services.lists.spec import Column, ListSpec, Names, choice, flag, label_text
from coopdesk.services.rules import alive


def sector_names(session: Session) -> dict[str, Names]:
    rows = session.execute(select(Sector.code, Sector.name_vi, Sector.name_en))
    return {code: Names(vi, en) for code, vi, en in rows}


def spec(session: Session) -> ListSpec:
    c = Cooperative
    sectors = sector_names(session)

    def sector_name(code: Any) -> str:
        names = sectors.get(code) if code else None
        return label_text(names) if names else (code or "")

    by_name = sorted(sectors.items(), key=lambda item: collation_key(item[1].vi))
    return ListSpec(
        id_expr=c.id,
        base=select(c.id).where(c.deleted_at.is_(None)),
        columns=(
            Column("name", N_("Name"), c.name, order=c.sort_key, width=300),
            Column("kind", N_("Kind"), c.kind, width=70),
            Column("sector", N_("Sector"), c.sector_code, fmt=sector_name, width=190),
            Column("status", N_("Status"), c.status, fmt=lambda v: L.label(L.STATUS, v), width=140),
            Column("founded", N_("Founded"), c.founded_on, fmt=L.fmt_date, width=100),
            Column("registration", N_("Registration no."), c.registration_no, width=130),
            Column("address", N_("Address"), c.address, width=220),
        ),
        filters=(
            choice("kind", c.kind, L.KIND_SHORT),
            choice("status", c.status, L.STATUS),
            choice("sector", c.sector_code, by_name),
            # as the indicators count them: alive in the period, and the rule in it
            flag("women_managed", lambda p: and_(alive(c, p), Q.women_in_management(p))),
            flag("majority_female", lambda p: and_(alive(c, p), Q.majority_female_workers(p))),
            flag("founded_under_programme", Q.founded_under_programme),
        ),
        search=(c.name_folded,),
        number_search=(c.registration_no,),
    )
