"""Labels of stored English codes, and how a list shows a value: the GUI's forms and lists,
the command line and the sync previews share them.

msgids are marked with N_() and translated where shown, so forms, lists and bundle previews
share one translation.
"""

from __future__ import annotations

from coopdesk.i18n import N_, _, format_date, format_money, format_number

ROLE = {
    "chair": N_("Chair of the board"),
    "board_member": N_("Board member"),
    "director": N_("Director"),
    "general_director": N_("General director"),
    "deputy_director": N_("Deputy director"),
    "supervisor_head": N_("Head of supervisors"),
    "supervisor": N_("Supervisor"),
    "controller": N_("Controller"),
    "group_leader": N_("Group leader"),
    "accountant": N_("Accountant"),
    "member": N_("Member"),
    "worker": N_("Worker"),
}
SUPPORT_KIND = {"loan": N_("Loan"), "grant": N_("Grant"), "in_kind": N_("In kind")}
KIND = {
    "HTX": N_("Cooperative (HTX)"),
    "THT": N_("Cooperative group (THT)"),
    "LHHTX": N_("Union of cooperatives"),
}
KIND_SHORT = {"HTX": "HTX", "THT": "THT", "LHHTX": "LHHTX"}
STATUS = {"active": N_("Active"), "suspended": N_("Suspended"), "dissolved": N_("Dissolved")}
MEMBER_KIND = {
    "official": N_("Official member"),
    "associate_capital": N_("Associate member (with capital)"),
    "associate_no_capital": N_("Associate member (no capital)"),
}
TRAINING_KIND = {
    "short": N_("Short course"),
    "formal": N_("Formal training"),
    "upskilling": N_("Upskilling"),
}
AUDIENCE = {
    "managers": N_("Managers"),
    "members": N_("Members"),
    "workers": N_("Workers"),
    "officers": N_("Hội officers"),
}
ACTIVITY_KIND = {
    "communication": N_("Communication"),
    "fair": N_("Fair"),
    "study_tour": N_("Study tour"),
    "inspection": N_("Inspection"),
    "founding_advice": N_("Advice on founding"),
    "consolidation_advice": N_("Advice on consolidation"),
    "meeting": N_("Meeting"),
}
CHANNEL = {
    "meeting": N_("Meeting"),
    "club": N_("Club"),
    "radio": N_("Radio"),
    "tv": N_("Television"),
    "facebook": "Facebook",
    "zalo": "Zalo",
    "contest": N_("Contest"),
    "leaflet": N_("Leaflet"),
    "other": N_("Other"),
}
FUND = {
    "womens_development_fund": N_("Women's Development Fund"),
    "vbsp": N_("Social Policy Bank"),
    "agribank": "Agribank",
    "commercial_bank": N_("Commercial bank"),
    "state_budget": N_("State budget"),
    "project": N_("Project"),
    "other": N_("Other"),
}
BUDGET_SOURCE = {
    "state_budget": N_("State budget"),
    "mtqg_poverty": N_("National target programme: poverty"),
    "mtqg_rural": N_("National target programme: new rural areas"),
    "mtqg_ethnic": N_("National target programme: ethnic minorities"),
    "extension": N_("Agricultural extension"),
    "credit": N_("Credit"),
    "social": N_("Social contributions"),
    "international": N_("International"),
    "other": N_("Other"),
}
GENDER = {"F": N_("Female"), "M": N_("Male"), "X": N_("Other")}
# what an installation is (its role), as the officer reads it
INSTALLATION_ROLE = {"commune": N_("Commune office"), "aggregator": N_("Aggregating office")}
POVERTY = {"poor": N_("Poor household"), "near_poor": N_("Near-poor household")}


def label(table: dict[str, str], code: object) -> str:
    if code is None or code == "":
        return ""
    text = table.get(str(code))
    return _(text) if text else str(code)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    return list(table.items())


def fmt_date(value: object) -> str:
    return format_date(value) if value else ""  # type: ignore[arg-type]


def fmt_number(value: object) -> str:
    return "" if value is None else format_number(value)  # type: ignore[arg-type]


def fmt_money(value: object) -> str:
    return "" if value is None else format_money(value)  # type: ignore[arg-type]


def fmt_bool(value: object) -> str:
    return "✓" if value else ""
