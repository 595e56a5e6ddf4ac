"""A demo installation's administrator logged in by herself, as the demo's keys open by
themselves (`coopdesk.demo.accounts` makes the accounts; the password is on the demo's login
dialog). Apart from `coopdesk.demo`, whose package brings the whole generator, because every
start and every command asks."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.services import accounts, settings
from coopdesk.sync import trust

ADMIN = "admin"


def log_in_demo(session: Session) -> bool:
    """On a demo installation (its unit's demo keys), log the demo administrator in, as its
    keys open by themselves: a command on a demo needs no --user. False elsewhere."""
    inst = settings.get_installation(session)
    if inst is None or not trust.has_demo_keys(session, inst.unit_code):
        return False
    try:
        accounts.login(session, ADMIN, trust.DEMO_PASSWORD)
    except accounts.AccountError:
        return False
    return True
