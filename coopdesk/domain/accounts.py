"""Who may do what: the three roles of local accounts (issue 13 item 1), written once.

- administrator: sets up, manages accounts and trust, and does everything an officer does;
- officer: enters records, imports and reports, sees sensitive details;
- viewer: reads the registry and its reports, never changes a record nor sees sensitive details.
"""

from __future__ import annotations

from enum import StrEnum

from coopdesk.i18n import N_


class AccountRole(StrEnum):
    ADMIN = "admin"
    OFFICER = "officer"
    VIEWER = "viewer"


class Permission(StrEnum):
    EDIT_RECORDS = "edit_records"
    SEE_SENSITIVE = "see_sensitive"
    MANAGE_ACCOUNTS = "manage_accounts"  # accounts and trust (keys, senders)


PERMISSIONS: dict[AccountRole, frozenset[Permission]] = {
    AccountRole.ADMIN: frozenset(Permission),
    AccountRole.OFFICER: frozenset({Permission.EDIT_RECORDS, Permission.SEE_SENSITIVE}),
    AccountRole.VIEWER: frozenset(),
}

ROLE_LABELS: dict[str, str] = {
    AccountRole.ADMIN: N_("Administrator"),
    AccountRole.OFFICER: N_("Officer"),
    AccountRole.VIEWER: N_("Viewer"),
}

LOGIN_MAX = 64


def may(role: str, permission: Permission) -> bool:
    """Whether an account with `role` may do `permission` (an unknown role may do nothing)."""
    try:
        return permission in PERMISSIONS[AccountRole(role)]
    except ValueError:
        return False


def normalize_login(text: str) -> str:
    """A login name as stored and compared: trimmed, lower case."""
    return text.strip().lower()


def login_problem(login: str) -> str | None:
    """Why a login name cannot be used (a code for the service to word), or None."""
    if not login:
        return "empty"
    if len(login) > LOGIN_MAX:
        return "long"
    if any(ch.isspace() for ch in login):
        return "space"
    return None
