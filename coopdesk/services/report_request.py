"""What asks for a document, shared by the builders (`report_data`, `plan_document`) and
the documents service: the kinds of document, a request for one, and how its issuer and unit
read inside a sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from coopdesk.db.models import Unit
from coopdesk.i18n import N_
from coopdesk.services.report_lists import ListFilter

# Document kinds: template → (document type code, name shown in the app)
TEMPLATES: dict[str, tuple[str, str]] = {
    "annual": ("BC", N_("Report on the results of the Project")),
    "plan": ("KH", N_("Plan to implement the Project")),
    "list-cooperatives": ("DS", N_("List: cooperatives with women in management")),
    "list-managers": ("DS", N_("List: women managers and their training")),
    "list-trainings": ("DS", N_("List: trainings and participants")),
    "list-activities": ("DS", N_("List: activities")),
    "list-support": ("DS", N_("List: support given")),
}


@dataclass
class ReportRequest:
    template: str
    unit_code: str
    period: str = ""
    lang: str = "vi"
    number: int | None = None  # None: a draft
    date: dt.date | None = None  # the document's date (today when not given)
    paragraphs: dict[str, str | None] = field(default_factory=dict)  # None: left out
    wording: dict[str, str] = field(default_factory=dict)  # her text for a generated passage
    overrides: dict[str, Any] = field(default_factory=dict)  # issuer/signer/recipients…
    plan_id: str | None = None
    filters: ListFilter = field(default_factory=ListFilter)
    reissue_note: str = ""

    @property
    def doc_code(self) -> str:
        return TEMPLATES[self.template][0]


class ReportError(ValueError):
    """A document cannot be made; the message says what to change."""


def unit_phrase(unit: Unit) -> str:
    """The unit as it reads inside a sentence: 'phường Tân Phong', 'tỉnh Lai Châu'."""
    name = unit.name
    if unit.level == "province" and not name.lower().startswith(("tỉnh", "thành phố")):
        name = f"tỉnh {name}"
    return name[:1].lower() + name[1:]


def prose_name(issuer: str, unit: Unit) -> str:
    """The issuer as it reads inside a sentence: 'Hội LHPN phường Tân Phong'."""
    if issuer and issuer != issuer.upper():
        return issuer
    return f"Hội LHPN {unit_phrase(unit)}"
