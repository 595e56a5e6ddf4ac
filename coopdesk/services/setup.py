"""Setting an installation up: its first administrator and its keys, under one password and
one recovery code that opens both. `init`, the first-run wizard, `users add` and the Settings
page's first account all go through here, so an officer writes down one code, never two."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from coopdesk.security import passwords
from coopdesk.services import accounts, settings, trust


def first_admin(
    session: Session,
    login_name: str,
    password: str,
    display_name: str = "",
    params: passwords.KdfParams | None = None,
) -> accounts.FirstAdmin:
    """The administrator made at setup (logged in), and the installation's keys under her
    password and the same recovery code when it has none yet."""
    first = accounts.create_first_admin(session, login_name, password, display_name, params)
    if trust.identity(session) is None:
        trust.create_identity(session, password, code=first.recovery_code)
    return first


def set_up(
    session: Session,
    installation: Any,
    documents: dict[str, Any],
    login_name: str,
    password: str,
) -> tuple[settings.Installation, str]:
    """The first-run wizard's one step: the installation and its document settings, then its
    administrator and keys; (installation, recovery code)."""
    saved = settings.save_setup(session, installation, documents)
    first = first_admin(session, login_name, password, saved.officer)
    return saved, first.recovery_code
