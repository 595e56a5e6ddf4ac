"""The filters of the printed lists: which each list offers, the values it knows, and the
line printed under the title that names the filters in force."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Sector
from coopdesk.i18n import _
from coopdesk.reports.text import translate_in
from coopdesk.services.report_lists.labels import label

# The filters each list offers (codes; LABELS names them): kinds, then statuses.
LIST_FILTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "list-cooperatives": (("HTX", "THT", "LHHTX"), ("active", "suspended", "dissolved")),
    "list-managers": ((), ("trained", "untrained")),
    "list-trainings": (
        ("short", "formal", "upskilling", "managers", "members", "workers", "officers"),
        (),
    ),
    "list-activities": (
        (
            "communication",
            "fair",
            "study_tour",
            "inspection",
            "founding_advice",
            "consolidation_advice",
            "meeting",
        ),
        (),
    ),
    "list-support": (
        ("loan", "grant", "in_kind", "womens_development_fund", "vbsp", "agribank"),
        (),
    ),
}


# Which of the extra filters each list offers (the app's list of the same records has them).
LIST_OPTIONS: dict[str, frozenset[str]] = {
    "list-cooperatives": frozenset(
        {"sector", "year", "women_managed", "majority_female", "founded_under_programme"}
    ),
    "list-managers": frozenset(),
    "list-trainings": frozenset({"year"}),
    "list-activities": frozenset({"year"}),
    "list-support": frozenset({"year"}),
}


@dataclass
class ListFilter:
    """The filters of the lists, as in the app's lists (the SQL is shared with them through
    coopdesk.services.list_filters)."""

    kind: str = ""  # HTX/THT; training/activity/support kind
    search: str = ""  # diacritics and case ignored
    status: str = ""  # cooperatives: active|suspended|dissolved; managers: trained|untrained
    sector: str = ""  # cooperatives: sector code
    year: int | None = None  # cooperatives: founded that year; others: held/given that year
    women_managed: bool = False  # cooperatives: women in management
    majority_female: bool = False  # cooperatives: > 50 % female workers
    founded_under_programme: bool = False  # cooperatives: founded under the programme

    def describe(self, lang: str, sector_name: str = "", template: str = "") -> str:
        """The filters in force, one line (empty when none): printed under the title."""
        parts = []
        if self.kind:
            parts.append(translate_in(lang, "kind: {kind}").format(kind=label(self.kind, lang)))
        if self.status:
            parts.append(
                translate_in(lang, "status: {status}").format(status=label(self.status, lang))
            )
        if self.sector:
            parts.append(
                translate_in(lang, "sector: {sector}").format(sector=sector_name or self.sector)
            )
        if self.women_managed:
            parts.append(translate_in(lang, "women in management"))
        if self.majority_female:
            parts.append(translate_in(lang, "> 50 % female workers"))
        if self.founded_under_programme:
            parts.append(translate_in(lang, "founded under the programme"))
        if self.year and template == "list-cooperatives":
            parts.append(translate_in(lang, "founded in {year}").format(year=self.year))
        elif self.year:
            parts.append(translate_in(lang, "year {year}").format(year=self.year))
        if self.search:
            parts.append(translate_in(lang, "search: “{text}”").format(text=self.search))
        if not parts:
            return ""
        return "(" + translate_in(lang, "Filtered by") + " " + "; ".join(parts) + ")"


# Codes the kind filter also takes (an activity's channel, a support's fund).
_MORE_KINDS: dict[str, tuple[str, ...]] = {
    "list-activities": (
        "club",
        "radio",
        "tv",
        "facebook",
        "zalo",
        "contest",
        "leaflet",
        "other",
    ),
    "list-support": ("commercial_bank", "state_budget", "project", "other"),
}


class BadFilter(ValueError):
    """A filter value a list does not know; `field` names the ListFilter field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def check_filter(session: Session, template: str, flt: ListFilter) -> None:
    """Refuse a filter the list does not offer or a value it does not know (BadFilter)."""
    kinds, statuses = LIST_FILTERS[template]
    kinds = kinds + _MORE_KINDS.get(template, ())
    options = LIST_OPTIONS[template]
    if flt.kind and flt.kind not in kinds:
        raise BadFilter("kind", _choose("kind", flt.kind, kinds))
    if flt.status and flt.status not in statuses:
        raise BadFilter("status", _choose("status", flt.status, statuses))
    for name in ("sector", "year", "women_managed", "majority_female", "founded_under_programme"):
        if getattr(flt, name) and name not in options:
            raise BadFilter(
                name,
                _("This filter does not apply to {document}.").format(document=template),
            )
    if flt.sector and session.get(Sector, flt.sector) is None:
        known = session.scalars(select(Sector.code).order_by(Sector.code).limit(8)).all()
        raise BadFilter(
            "sector",
            _("“{code}” is not a sector code; codes are, for example: {known}.").format(
                code=flt.sector, known=", ".join(known)
            ),
        )
    if flt.year is not None and not 1900 <= flt.year <= 2100:
        raise BadFilter(
            "year", _("“{year}” is not a year; write it as 2025.").format(year=flt.year)
        )


def _choose(field: str, value: str, allowed: tuple[str, ...]) -> str:
    if not allowed:
        return _("This filter does not apply to this list.")
    return _("“{value}” is not one of: {allowed}.").format(value=value, allowed=", ".join(allowed))


def sector_name(session: Session, code: str, lang: str) -> str:
    sector = session.get(Sector, code) if code else None
    if sector is None:
        return code
    return sector.name_en if lang == "en" else sector.name_vi
