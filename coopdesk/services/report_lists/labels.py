"""The words a printed list shows for a code (a role, a training kind, a fund…) and for its
filters; `label(code, lang)` in the document's language."""

from __future__ import annotations

from coopdesk.i18n import N_
from coopdesk.reports.text import translate_in

LABELS: dict[str, str] = {
    # roles
    "chair": N_("Chair of the board"),
    "board_member": N_("Board member"),
    "director": N_("Director"),
    "general_director": N_("General director"),
    "deputy_director": N_("Deputy director"),
    "supervisor_head": N_("Head of the supervisory board"),
    "supervisor": N_("Supervisory board member"),
    "controller": N_("Controller"),
    "group_leader": N_("Group leader"),
    "accountant": N_("Accountant"),
    # training kinds and audiences
    "short": N_("Short course"),
    "formal": N_("Formal training"),
    "upskilling": N_("Upskilling"),
    "managers": N_("Managers"),
    "members": N_("Members"),
    "workers": N_("Workers"),
    "officers": N_("Union officers"),
    # activities
    "communication": N_("Communication"),
    "fair": N_("Trade fair"),
    "study_tour": N_("Study tour"),
    "inspection": N_("Inspection"),
    "founding_advice": N_("Advice on founding"),
    "consolidation_advice": N_("Advice on consolidation"),
    "meeting": N_("Meeting"),
    "club": N_("Club session"),
    "radio": N_("Radio"),
    "tv": N_("Television"),
    "facebook": N_("Facebook"),
    "zalo": N_("Zalo"),
    "contest": N_("Contest"),
    "leaflet": N_("Leaflet"),
    "other": N_("Other"),
    # support
    "loan": N_("Loan"),
    "grant": N_("Grant"),
    "in_kind": N_("In kind"),
    "womens_development_fund": N_("Women's Development Fund"),
    "vbsp": N_("Bank for Social Policies"),
    "agribank": N_("Agribank"),
    "commercial_bank": N_("Commercial bank"),
    "state_budget": N_("State budget"),
    "project": N_("Project"),
    # budget sources
    "mtqg_poverty": N_("National target programme: poverty reduction"),
    "mtqg_rural": N_("National target programme: new rural areas"),
    "mtqg_ethnic": N_("National target programme: ethnic minority areas"),
    "extension": N_("Extension funds"),
    "credit": N_("Credit"),
    "social": N_("Social contributions"),
    "international": N_("International"),
    # plans: a task's state and how a target compares
    "open": N_("Not started"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "late": N_("Late"),
    ">=": N_("at least (≥)"),
    "=": N_("exactly (=)"),
    "about": N_("about (≈)"),
    # filters
    "HTX": N_("Cooperative (HTX)"),
    "THT": N_("Cooperative group (THT)"),
    "LHHTX": N_("Union of cooperatives"),
    "active": N_("Active"),
    "suspended": N_("Suspended"),
    "dissolved": N_("Dissolved"),
    "trained": N_("Trained"),
    "untrained": N_("Not trained"),
}


def label(code: str | None, lang: str) -> str:
    if not code:
        return ""
    return translate_in(lang, LABELS[code]) if code in LABELS else code
