"""Validation of records before they are saved: named problems, not exceptions.

`validate(entity, data, context)` returns a list of `Problem(field, message, severity)`;
errors refuse the save, warnings are shown but the record is kept (data may be partial).
`data` is the whole record as it would be saved (a dict of column values); `context` carries
the few facts from elsewhere a rule needs (the cooperative's kind and life, consents, today),
so that these rules stay free of SQL and Qt. Messages are in the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from coopdesk.i18n import _, format_date

ERROR, WARNING = "error", "warning"
EARLIEST = dt.date(1950, 1, 1)

KINDS = ("HTX", "THT", "LHHTX")
STATUSES = ("active", "suspended", "dissolved")
ROLES = (
    "chair",
    "board_member",
    "director",
    "general_director",
    "deputy_director",
    "supervisor_head",
    "supervisor",
    "controller",
    "group_leader",
    "accountant",
    "member",
    "worker",
)
MEMBER_KINDS = ("official", "associate_capital", "associate_no_capital")
GENDERS = ("F", "M", "X")
TRAINING_KINDS = ("short", "formal", "upskilling")
AUDIENCES = ("managers", "members", "workers", "officers")
ACTIVITY_KINDS = (
    "communication",
    "fair",
    "study_tour",
    "inspection",
    "founding_advice",
    "consolidation_advice",
    "meeting",
)
CHANNELS = ("meeting", "club", "radio", "tv", "facebook", "zalo", "contest", "leaflet", "other")
SUPPORT_KINDS = ("loan", "grant", "in_kind")
FUNDS = (
    "womens_development_fund",
    "vbsp",
    "agribank",
    "commercial_bank",
    "state_budget",
    "project",
    "other",
)
BUDGET_SOURCES = (
    "state_budget",
    "mtqg_poverty",
    "mtqg_rural",
    "mtqg_ethnic",
    "extension",
    "credit",
    "social",
    "international",
    "other",
)
POVERTY_STATUSES = ("poor", "near_poor")
# Sensitive column → the consent category that allows it (Law 91/2025).
SENSITIVE_CATEGORIES = {
    "ethnicity_code": "ethnicity",
    "disability": "disability",
    "poverty_status": "poverty",
    "returnee": "returnee",
    "trafficking_victim": "victim",
    "violence_victim": "victim",
    "unsafe_migrant": "migrant",
    "laid_off_worker": "laid_off",
}
CONSENT_CATEGORIES = tuple(sorted(set(SENSITIVE_CATEGORIES.values())))


class Problem(NamedTuple):
    """A named problem: unpacks as (field, message, severity) too."""

    field: str
    message: str
    severity: str = ERROR  # "error" | "warning"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class ValidationFailed(ValueError):
    """A save refused because of errors; `problems` holds all problems found (warnings too)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(str(self))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def __str__(self) -> str:
        return " ".join(p.message for p in self.errors) or " ".join(
            p.message for p in self.problems
        )


@dataclass(frozen=True)
class Context:
    """Facts from outside the record that some rules need."""

    today: dt.date = field(default_factory=dt.date.today)
    cooperative_kind: str | None = None
    cooperative_founded: dt.date | None = None
    cooperative_dissolved: dt.date | None = None
    consents: frozenset[str] = frozenset()  # categories with a consent in force


Validator = Callable[[Mapping[str, Any], Context], list[Problem]]


# --- small rules -------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _required(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    if _blank(data.get(name)):
        return [Problem(name, _("{field} is required.").format(field=label))]
    return []


def _choice(
    data: Mapping[str, Any], name: str, label: str, allowed: Iterable[str]
) -> list[Problem]:
    value = data.get(name)
    allowed = tuple(allowed)
    if value is None or value in allowed:
        return []
    return [
        Problem(
            name,
            _("{field}: “{value}” is not one of {allowed}.").format(
                field=label, value=value, allowed=", ".join(allowed)
            ),
        )
    ]


def _not_negative(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    value = data.get(name)
    if value is not None and value < 0:
        return [Problem(name, _("{field} cannot be negative.").format(field=label))]
    return []


def _part_of(data: Mapping[str, Any], part: str, whole: str, part_label: str, whole_label: str):
    p, w = data.get(part), data.get(whole)
    if p is not None and w is not None and p > w:
        return [
            Problem(
                part,
                _("{part} ({p}) cannot be more than {whole} ({w}).").format(
                    part=part_label, p=p, whole=whole_label, w=w
                ),
            )
        ]
    return []


def _date(
    data: Mapping[str, Any], name: str, label: str, ctx: Context, *, past_only: bool = True
) -> list[Problem]:
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, dt.date):
        return [Problem(name, _("{field} is not a date.").format(field=label))]
    if value < EARLIEST:
        return [
            Problem(
                name,
                _("{field} ({date}) is before {earliest}; check the year.").format(
                    field=label, date=format_date(value), earliest=format_date(EARLIEST)
                ),
            )
        ]
    if past_only and value > ctx.today:
        return [
            Problem(
                name,
                _("{field} ({date}) is in the future.").format(
                    field=label, date=format_date(value)
                ),
            )
        ]
    return []


def _order(
    data: Mapping[str, Any], start: str, end: str, start_label: str, end_label: str
) -> list[Problem]:
    a, b = data.get(start), data.get(end)
    if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
        return [
            Problem(
                end,
                _("{end} ({b}) is before {start} ({a}).").format(
                    end=end_label, b=format_date(b), start=start_label, a=format_date(a)
                ),
            )
        ]
    return []


def looks_like_mst(number: str) -> bool:
    digits = number.replace("-", "").replace(" ", "").replace(".", "")
    return digits.isdigit() and len(digits) in (10, 13)


def _mst(data: Mapping[str, Any], name: str, label: str) -> list[Problem]:
    from stdnum.vn import mst

    value = str(data.get(name) or "").strip()
    if not value or not looks_like_mst(value) or mst.is_valid(value):
        return []
    return [
        Problem(
            name,
            _(
                "{field} {value} looks like a tax code (MST) but its check digit does not "
                "match; check the number."
            ).format(field=label, value=value),
            WARNING,
        )
    ]


# --- entities ----------------------------------------------------------------------------------


def validate_cooperative(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "name", _("Name"))
    out += _required(data, "kind", _("Kind"))
    out += _choice(data, "kind", _("Kind"), KINDS)
    out += _choice(data, "status", _("Status"), STATUSES)
    out += _mst(data, "registration_no", _("Registration number"))
    out += _date(data, "registered_on", _("Registration date"), ctx)
    out += _date(data, "founded_on", _("Founding date"), ctx)
    out += _date(data, "dissolved_on", _("Dissolution date"), ctx)
    out += _order(data, "founded_on", "dissolved_on", _("Founding date"), _("Dissolution date"))
    stars = data.get("ocop_stars")
    if stars is not None and not 1 <= stars <= 5:
        out.append(Problem("ocop_stars", _("OCOP stars must be from 1 to 5.")))
    if data.get("status") == "dissolved" and data.get("dissolved_on") is None:
        out.append(
            Problem("dissolved_on", _("Enter the date the cooperative was dissolved."), WARNING)
        )
    return out


def validate_cooperative_year(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "cooperative_id", _("Cooperative"))
    out += _required(data, "year", _("Year"))
    year = data.get("year")
    if year is not None and not EARLIEST.year <= year <= ctx.today.year:
        out.append(
            Problem(
                "year",
                _("Year {year} is out of range ({first}–{last}).").format(
                    year=year, first=EARLIEST.year, last=ctx.today.year
                ),
            )
        )
    labels = {
        "members": _("Members"),
        "official_members": _("Official members"),
        "female_members": _("Female members"),
        "workers": _("Workers"),
        "female_workers": _("Female workers"),
        "new_jobs_women": _("New jobs for women"),
        "revenue": _("Revenue"),
        "average_income": _("Average income"),
    }
    for name, label in labels.items():
        out += _not_negative(data, name, label)
    out += _part_of(data, "female_members", "members", labels["female_members"], labels["members"])
    out += _part_of(
        data, "official_members", "members", labels["official_members"], labels["members"]
    )
    out += _part_of(data, "female_workers", "workers", labels["female_workers"], labels["workers"])
    out += _member_minimum(data, ctx)
    return out


def _member_minimum(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    if ctx.cooperative_kind == "HTX":
        official = data.get("official_members")
        if official is not None and official < 5:
            return [
                Problem(
                    "official_members",
                    _(
                        "An HTX needs at least 5 official members (Cooperative Law 2023); "
                        "{n} recorded."
                    ).format(n=official),
                    WARNING,
                )
            ]
    if ctx.cooperative_kind == "THT":
        members = data.get("members")
        if members is not None and members < 2:
            return [
                Problem(
                    "members",
                    _("A cooperative group (THT) needs at least 2 members; {n} recorded.").format(
                        n=members
                    ),
                    WARNING,
                )
            ]
    return []


def validate_person(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "given_name", _("Given name"))
    out += _required(data, "full_name", _("Full name"))
    out += _choice(data, "gender", _("Gender"), GENDERS)
    born = data.get("birth_year")
    if born is not None and not 1900 <= born <= ctx.today.year:
        out.append(
            Problem(
                "birth_year",
                _("Year of birth {year} is out of range (1900–{last}).").format(
                    year=born, last=ctx.today.year
                ),
            )
        )
    return out


def validate_sensitive(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    """Each sensitive value needs a consent in force for its category."""
    out = _required(data, "person_id", _("Person"))
    out += _choice(data, "poverty_status", _("Poor/near-poor household"), POVERTY_STATUSES)
    for name, category in SENSITIVE_CATEGORIES.items():
        if data.get(name) is not None and category not in ctx.consents:
            out.append(
                Problem(
                    name,
                    _(
                        "No consent is recorded for “{category}”: record the person's consent "
                        "before saving this information."
                    ).format(category=consent_label(category)),
                )
            )
    return out


def consent_label(category: str) -> str:
    labels = {
        "ethnicity": _("ethnicity"),
        "disability": _("disability"),
        "poverty": _("poor/near-poor household"),
        "returnee": _("returned from prison"),
        "victim": _("victim of trafficking or violence"),
        "migrant": _("unsafe migrant worker"),
        "laid_off": _("laid-off worker"),
    }
    return labels.get(category, category)


def validate_consent(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "person_id", _("Person"))
    out += _required(data, "category", _("Category"))
    out += _choice(data, "category", _("Category"), CONSENT_CATEGORIES)
    out += _required(data, "purpose", _("Purpose"))
    out += _required(data, "recorded_by", _("Recorded by"))
    out += _required(data, "given_on", _("Date of consent"))
    out += _date(data, "given_on", _("Date of consent"), ctx)
    out += _date(data, "withdrawn_on", _("Date withdrawn"), ctx)
    out += _order(data, "given_on", "withdrawn_on", _("Date of consent"), _("Date withdrawn"))
    return out


def validate_role(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "person_id", _("Person"))
    out += _required(data, "cooperative_id", _("Cooperative"))
    out += _required(data, "role", _("Role"))
    out += _choice(data, "role", _("Role"), ROLES)
    out += _choice(data, "member_kind", _("Kind of member"), MEMBER_KINDS)
    out += _date(data, "start_on", _("Start date"), ctx)
    out += _date(data, "end_on", _("End date"), ctx, past_only=False)
    out += _order(data, "start_on", "end_on", _("Start date"), _("End date"))
    start, end = data.get("start_on"), data.get("end_on")
    founded, dissolved = ctx.cooperative_founded, ctx.cooperative_dissolved
    if isinstance(start, dt.date) and founded is not None and start < founded:
        out.append(
            Problem(
                "start_on",
                _(
                    "The role starts ({start}) before the cooperative was founded ({founded})."
                ).format(start=format_date(start), founded=format_date(founded)),
            )
        )
    if dissolved is not None:
        last = end if isinstance(end, dt.date) else None
        if (last is not None and last > dissolved) or (
            isinstance(start, dt.date) and start > dissolved
        ):
            out.append(
                Problem(
                    "end_on" if last is not None else "start_on",
                    _("The role lasts beyond the cooperative's dissolution ({dissolved}).").format(
                        dissolved=format_date(dissolved)
                    ),
                )
            )
    return out


def validate_officer(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "person_id", _("Person"))
    out += _date(data, "start_on", _("Start date"), ctx)
    out += _date(data, "end_on", _("End date"), ctx, past_only=False)
    out += _order(data, "start_on", "end_on", _("Start date"), _("End date"))
    return out


def validate_training(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "title", _("Title"))
    out += _required(data, "start_on", _("Start date"))
    out += _choice(data, "kind", _("Kind"), TRAINING_KINDS)
    out += _choice(data, "audience", _("Audience"), AUDIENCES)
    out += _date(data, "start_on", _("Start date"), ctx, past_only=False)
    out += _date(data, "end_on", _("End date"), ctx, past_only=False)
    out += _order(data, "start_on", "end_on", _("Start date"), _("End date"))
    out += _not_negative(data, "cost", _("Cost"))
    out += _choice(data, "funding_source", _("Funding source"), BUDGET_SOURCES)
    return out


def validate_participation(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    return _required(data, "training_id", _("Training")) + _required(data, "person_id", _("Person"))


def validate_activity(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "title", _("Title"))
    out += _required(data, "kind", _("Kind"))
    out += _choice(data, "kind", _("Kind"), ACTIVITY_KINDS)
    out += _choice(data, "channel", _("Channel"), CHANNELS)
    out += _required(data, "held_on", _("Date"))
    out += _date(data, "held_on", _("Date"), ctx, past_only=False)
    out += _not_negative(data, "reach_total", _("People reached"))
    out += _not_negative(data, "reach_women", _("Women reached"))
    out += _part_of(data, "reach_women", "reach_total", _("Women reached"), _("People reached"))
    out += _not_negative(data, "cost", _("Cost"))
    out += _choice(data, "funding_source", _("Funding source"), BUDGET_SOURCES)
    return out


def validate_support(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "kind", _("Kind"))
    out += _choice(data, "kind", _("Kind"), SUPPORT_KINDS)
    out += _required(data, "fund", _("Fund"))
    out += _choice(data, "fund", _("Fund"), FUNDS)
    out += _required(data, "given_on", _("Date"))
    out += _date(data, "given_on", _("Date"), ctx)
    out += _not_negative(data, "amount", _("Amount"))
    if _blank(data.get("cooperative_id")) and _blank(data.get("person_id")):
        out.append(
            Problem("cooperative_id", _("Choose the cooperative or the person who received it."))
        )
    return out


def validate_budget(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "year", _("Year"))
    out += _required(data, "source", _("Source"))
    out += _choice(data, "source", _("Source"), BUDGET_SOURCES)
    for name, label in (
        ("planned", _("Planned")),
        ("allocated", _("Allocated")),
        ("spent", _("Spent")),
    ):
        out += _not_negative(data, name, label)
    return out


def validate_plan(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "issuer", _("Issuer"))
    out += _required(data, "title", _("Title"))
    out += _required(data, "period_start", _("Start of the period"))
    out += _required(data, "period_end", _("End of the period"))
    out += _date(data, "issued_on", _("Date issued"), ctx)
    out += _order(
        data, "period_start", "period_end", _("Start of the period"), _("End of the period")
    )
    return out


def validate_target(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "target_unit_code", _("Unit"))
    out += _required(data, "indicator_code", _("Indicator"))
    out += _required(data, "period", _("Period"))
    out += _required(data, "value", _("Value"))
    out += _choice(data, "comparison", _("Comparison"), (">=", "=", "about"))
    out += _not_negative(data, "value", _("Value"))
    return out


def validate_assignment(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "plan_id", _("Plan"))
    out += _required(data, "task", _("Task"))
    out += _required(data, "responsible_body", _("Responsible body"))
    out += _choice(data, "status", _("Status"), ("open", "in_progress", "done", "late"))
    return out


def validate_report(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = _required(data, "doc_type", _("Document type"))
    out += _required(data, "year", _("Year"))
    out += _choice(data, "status", _("Status"), ("draft", "issued"))
    number = data.get("number")
    if number is not None and number < 1:
        out.append(Problem("number", _("The document number must be 1 or more.")))
    if data.get("status") == "issued":
        out += _required(data, "number", _("Document number"))
        out += _required(data, "issued_on", _("Date issued"))
    return out


VALIDATORS: dict[str, Validator] = {
    "Cooperative": validate_cooperative,
    "CooperativeYear": validate_cooperative_year,
    "Person": validate_person,
    "PersonSensitive": validate_sensitive,
    "Consent": validate_consent,
    "Role": validate_role,
    "Officer": validate_officer,
    "Training": validate_training,
    "Participation": validate_participation,
    "Activity": validate_activity,
    "Support": validate_support,
    "Budget": validate_budget,
    "Plan": validate_plan,
    "Target": validate_target,
    "Assignment": validate_assignment,
    "Report": validate_report,
}


def validate(entity: str, data: Mapping[str, Any], context: Context | None = None) -> list[Problem]:
    """All problems of a record of `entity` (a model class name); [] when there is no rule."""
    validator = VALIDATORS.get(entity)
    if validator is None:
        return []
    return validator(data, context or Context())


def check(entity: str, data: Mapping[str, Any], context: Context | None = None) -> list[Problem]:
    """Validate; raise ValidationFailed if any error, else return the warnings."""
    problems = validate(entity, data, context)
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return problems
