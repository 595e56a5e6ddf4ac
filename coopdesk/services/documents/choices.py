"""What the Reports form offers: the units a document can be about, the sectors of the list
filter, the reporting cut-off that shapes its periods, and each unit's issuer and signer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Sector, Unit
from coopdesk.i18n import collation_key
from coopdesk.services import settings, units
from coopdesk.services.plan_document import latest_plan_issuing
from coopdesk.services.report_data import issuing_for

# The per-document fields taken from the unit's document settings (in the form's order).
ISSUING_FIELDS = (
    "parent_body",
    "issuer",
    "symbol",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
)


@dataclass
class FormChoices:
    units: list[tuple[str, str]]  # (code, name): the installation's unit, then its children
    sectors: list[tuple[str, str, str]] = field(default_factory=list)  # (code, vi, en)
    cutoff: str = ""  # the reporting year's first day, "11-15"


def form_choices(session: Session, unit_code: str, aggregator: bool) -> FormChoices:
    own = units.get(session, unit_code)
    choices = [(own.code, own.name)] if own else [(unit_code, unit_code)]
    if aggregator:
        choices += [(u.code, u.name) for u in units.children(session, unit_code)]
    rows = session.execute(select(Sector.code, Sector.name_vi, Sector.name_en)).all()
    sectors = sorted(((c, vi, en) for c, vi, en in rows), key=lambda s: collation_key(s[1]))
    cutoff = settings.get_document_settings(session, unit_code).reporting_cutoff
    return FormChoices(choices, sectors, cutoff)


def issuing_defaults(session: Session, unit_code: str, template: str = "") -> dict[str, Any]:
    """The issuer, signer and recipients a unit's documents print unless a draft changes them;
    a plan's are the plan's own (a People's Committee plan: the committee's)."""
    doc: Any = settings.get_document_settings(session, unit_code)
    unit = session.get(Unit, unit_code)
    if template == "plan" and unit is not None:
        doc = latest_plan_issuing(session, unit, issuing_for(session, unit_code, {})) or doc
    values: dict[str, Any] = {key: str(getattr(doc, key)) for key in ISSUING_FIELDS}
    values["recipients"] = list(doc.recipients)
    return values
