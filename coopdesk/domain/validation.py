"""Validation of records before they are saved: named problems, not exceptions.

`validate(entity, data, context)` returns a list of `Problem(field, message, severity)`;
errors refuse the save, warnings are shown but the record is kept (data may be partial).
`data` is the whole record as it would be saved (a dict of column values); `context` carries
the few facts from elsewhere a rule needs (the cooperative's kind and life, consents, today),
so that these rules stay free of SQL and Qt. Messages are in the UI language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from coopdesk.domain import citations
from coopdesk.domain.checks import (
    EARLIEST,
    ERROR,
    WARNING,
    Context,
    Problem,
    ValidationFailed,
    blank,
    choice,
    date_in_range,
    dates_in_order,
    looks_like_mst,
    mst_check,
    not_negative,
    part_of,
    required,
)
from coopdesk.domain.choices import (
    ACTIVITY_KINDS,
    AUDIENCES,
    BUDGET_SOURCES,
    CHANNELS,
    CONSENT_CATEGORIES,
    FUNDS,
    GENDERS,
    KINDS,
    MEMBER_KINDS,
    POVERTY_STATUSES,
    ROLES,
    SENSITIVE_CATEGORIES,
    STATUSES,
    SUPPORT_KINDS,
    TRAINING_KINDS,
)
from coopdesk.domain.merges import validate_merge
from coopdesk.domain.priority_women import validate_count
from coopdesk.domain.unit_changes import validate_unit_change
from coopdesk.i18n import _, format_date

Validator = Callable[[Mapping[str, Any], Context], list[Problem]]

__all__ = [
    "ERROR",
    "WARNING",
    "Context",
    "Problem",
    "ValidationFailed",
    "check",
    "looks_like_mst",
    "problems_for_table",
    "validate",
]

# --- entities ----------------------------------------------------------------------------------


def validate_cooperative(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "name", _("Name"))
    out += required(data, "kind", _("Kind"))
    out += choice(data, "kind", _("Kind"), KINDS)
    out += choice(data, "status", _("Status"), STATUSES)
    out += mst_check(data, "registration_no", _("Registration number"))
    out += date_in_range(data, "registered_on", _("Registration date"), ctx)
    out += date_in_range(data, "founded_on", _("Founding date"), ctx)
    out += date_in_range(data, "dissolved_on", _("Dissolution date"), ctx)
    out += dates_in_order(
        data, "founded_on", "dissolved_on", _("Founding date"), _("Dissolution date")
    )
    stars = data.get("ocop_stars")
    if stars is not None and not 1 <= stars <= 5:
        out.append(Problem("ocop_stars", _("OCOP stars must be from 1 to 5.")))
    if data.get("status") == "dissolved" and data.get("dissolved_on") is None:
        out.append(
            Problem("dissolved_on", _("Enter the date the cooperative was dissolved."), WARNING)
        )
    return out


def validate_cooperative_year(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "cooperative_id", _("Cooperative"))
    out += required(data, "year", _("Year"))
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
        out += not_negative(data, name, label)
    out += part_of(data, "female_members", "members", labels["female_members"], labels["members"])
    out += part_of(
        data, "official_members", "members", labels["official_members"], labels["members"]
    )
    out += part_of(data, "female_workers", "workers", labels["female_workers"], labels["workers"])
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
    out = required(data, "given_name", _("Given name"))
    out += required(data, "full_name", _("Full name"))
    out += choice(data, "gender", _("Gender"), GENDERS)
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
    out = required(data, "person_id", _("Person"))
    out += choice(data, "poverty_status", _("Poor/near-poor household"), POVERTY_STATUSES)
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
    out = required(data, "person_id", _("Person"))
    out += required(data, "category", _("Category"))
    out += choice(data, "category", _("Category"), CONSENT_CATEGORIES)
    out += required(data, "purpose", _("Purpose"))
    out += required(data, "recorded_by", _("Recorded by"))
    out += required(data, "given_on", _("Date of consent"))
    out += date_in_range(data, "given_on", _("Date of consent"), ctx)
    out += date_in_range(data, "withdrawn_on", _("Date withdrawn"), ctx)
    out += dates_in_order(
        data, "given_on", "withdrawn_on", _("Date of consent"), _("Date withdrawn")
    )
    return out


def validate_role(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "person_id", _("Person"))
    out += required(data, "cooperative_id", _("Cooperative"))
    out += required(data, "role", _("Role"))
    out += choice(data, "role", _("Role"), ROLES)
    out += choice(data, "member_kind", _("Kind of member"), MEMBER_KINDS)
    out += date_in_range(data, "start_on", _("Start date"), ctx)
    out += date_in_range(data, "end_on", _("End date"), ctx, past_only=False)
    out += dates_in_order(data, "start_on", "end_on", _("Start date"), _("End date"))
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
    out = required(data, "person_id", _("Person"))
    out += date_in_range(data, "start_on", _("Start date"), ctx)
    out += date_in_range(data, "end_on", _("End date"), ctx, past_only=False)
    out += dates_in_order(data, "start_on", "end_on", _("Start date"), _("End date"))
    return out


def validate_training(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "title", _("Title"))
    out += required(data, "start_on", _("Start date"))
    out += choice(data, "kind", _("Kind"), TRAINING_KINDS)
    out += choice(data, "audience", _("Audience"), AUDIENCES)
    out += date_in_range(data, "start_on", _("Start date"), ctx, past_only=False)
    out += date_in_range(data, "end_on", _("End date"), ctx, past_only=False)
    out += dates_in_order(data, "start_on", "end_on", _("Start date"), _("End date"))
    out += not_negative(data, "cost", _("Cost"))
    out += choice(data, "funding_source", _("Funding source"), BUDGET_SOURCES)
    return out


def validate_participation(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    return required(data, "training_id", _("Training")) + required(data, "person_id", _("Person"))


def validate_activity(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "title", _("Title"))
    out += required(data, "kind", _("Kind"))
    out += choice(data, "kind", _("Kind"), ACTIVITY_KINDS)
    out += choice(data, "channel", _("Channel"), CHANNELS)
    out += required(data, "held_on", _("Date"))
    out += date_in_range(data, "held_on", _("Date"), ctx, past_only=False)
    out += not_negative(data, "reach_total", _("People reached"))
    out += not_negative(data, "reach_women", _("Women reached"))
    out += part_of(data, "reach_women", "reach_total", _("Women reached"), _("People reached"))
    out += not_negative(data, "cost", _("Cost"))
    out += choice(data, "funding_source", _("Funding source"), BUDGET_SOURCES)
    return out


def validate_support(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "kind", _("Kind"))
    out += choice(data, "kind", _("Kind"), SUPPORT_KINDS)
    out += required(data, "fund", _("Fund"))
    out += choice(data, "fund", _("Fund"), FUNDS)
    out += required(data, "given_on", _("Date"))
    out += date_in_range(data, "given_on", _("Date"), ctx)
    out += not_negative(data, "amount", _("Amount"))
    if blank(data.get("cooperative_id")) and blank(data.get("person_id")):
        out.append(
            Problem("cooperative_id", _("Choose the cooperative or the person who received it."))
        )
    return out


def validate_budget(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "year", _("Year"))
    out += required(data, "source", _("Source"))
    out += choice(data, "source", _("Source"), BUDGET_SOURCES)
    for name, label in (
        ("planned", _("Planned")),
        ("allocated", _("Allocated")),
        ("spent", _("Spent")),
    ):
        out += not_negative(data, name, label)
    return out


def validate_plan(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "issuer", _("Issuer"))
    out += required(data, "title", _("Title"))
    out += required(data, "period_start", _("Start of the period"))
    out += required(data, "period_end", _("End of the period"))
    out += date_in_range(data, "issued_on", _("Date issued"), ctx)
    out += dates_in_order(
        data, "period_start", "period_end", _("Start of the period"), _("End of the period")
    )
    try:
        rows = citations.parse(str(data.get("bases") or ""))
        out += [Problem(where, _(message)) for where, message in citations.problems_of(rows)]
    except citations.BadCitations as exc:
        out += [Problem(where, _(message)) for where, message in exc.problems]
    return out


def validate_target(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "target_unit_code", _("Unit"))
    out += required(data, "indicator_code", _("Indicator"))
    out += required(data, "period", _("Period"))
    out += required(data, "value", _("Value"))
    out += choice(data, "comparison", _("Comparison"), (">=", "=", "about"))
    out += not_negative(data, "value", _("Value"))
    return out


def validate_assignment(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "plan_id", _("Plan"))
    out += required(data, "task", _("Task"))
    out += required(data, "responsible_body", _("Responsible body"))
    out += choice(data, "status", _("Status"), ("open", "in_progress", "done", "late"))
    return out


def validate_report(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    out = required(data, "doc_type", _("Document type"))
    out += required(data, "year", _("Year"))
    out += choice(data, "status", _("Status"), ("draft", "issued"))
    number = data.get("number")
    if number is not None and number < 1:
        out.append(Problem("number", _("The document number must be 1 or more.")))
    if data.get("status") == "issued":
        out += required(data, "number", _("Document number"))
        out += required(data, "issued_on", _("Date issued"))
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
    "UnitChange": validate_unit_change,
    "DuplicateMerge": validate_merge,
    "PriorityCount": validate_count,
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


def problems_for_table(
    table_name: str, values: Mapping[str, Any], context: Context | None = None
) -> list[Problem]:
    """Record-level rules for a row of `table_name` (used by the bundle importer).

    Rules that need other records (a consent in force, the cooperative's life) are checked
    where the record is entered; without a context they are assumed to hold.
    """
    entity = TABLE_ENTITIES.get(table_name)
    if entity is None:
        return []
    ctx = context or Context(consents=frozenset(CONSENT_CATEGORIES))
    return validate(entity, values, ctx)


TABLE_ENTITIES = {
    "cooperatives": "Cooperative",
    "cooperative_years": "CooperativeYear",
    "people": "Person",
    "person_sensitive": "PersonSensitive",
    "consents": "Consent",
    "roles": "Role",
    "officers": "Officer",
    "trainings": "Training",
    "participations": "Participation",
    "activities": "Activity",
    "support": "Support",
    "budgets": "Budget",
    "plans": "Plan",
    "targets": "Target",
    "assignments": "Assignment",
    "reports": "Report",
    "unit_changes": "UnitChange",
    "duplicate_merges": "DuplicateMerge",
    "priority_counts": "PriorityCount",
}
