"""Local accounts (issue 13 item 1; local to each database, never synced): who may log in, with
which role, each account's key pair with its private key wrapped under the account's password,
the installation's data key sealed to the accounts that may read sensitive details
(coopdesk.security.account_keys) and wrapped under the recovery code (coopdesk.security.vault).
The wrap under a password is its hash: unwrapping it is how a password is checked."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, utcnow


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(12))  # admin | officer | viewer
    # JSON: the account's private key wrapped under its password (before migration 0023 and
    # until the account's next login: the data key itself)
    key_wrap: Mapped[str] = mapped_column(Text)
    public_key: Mapped[str | None] = mapped_column(Text)  # X25519, base64 (security.account_keys)
    # the data key sealed to public_key: for the roles that may read sensitive details only
    data_wrap: Mapped[str | None] = mapped_column(Text)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class RecoveryWrap(Base):
    """The data key wrapped under the recovery code printed at setup (one row)."""

    __tablename__ = "account_recovery"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_wrap: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
