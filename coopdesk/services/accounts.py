"""Local accounts (issue 13 item 1): see coopdesk.domain.accounts for the roles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Account


def has_accounts(session: Session) -> bool:
    """Whether this installation has any account (then a login is needed to write)."""
    return session.scalar(select(Account.id).limit(1)) is not None
