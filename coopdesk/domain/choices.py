"""The codes stored for each enumeration (the UI shows translated labels).

One list per field, shared by validation, forms and imports (see the team's contract).
"""

from __future__ import annotations

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
