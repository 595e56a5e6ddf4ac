"""Trust (coopdesk.sync.trust; local to each database, never synced): this installation's keys,
the senders it trusts, and the bundles it refused."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, utcnow


class TrustIdentity(Base):
    """A key pair of this installation; private keys wrapped (JSON, see sync.identity).
    The newest row without `retired_at` signs; older ones still decrypt."""

    __tablename__ = "trust_identities"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    box_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    wrapped: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # JSON: this key announced by the key it follows (mode, old public keys, signature)
    announcement: Mapped[str | None] = mapped_column(Text, nullable=True)


class TrustPeer(Base):
    """Another installation's keys as registered here: trusted, replaced or revoked."""

    __tablename__ = "trust_peers"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(12), index=True)
    officer: Mapped[str] = mapped_column(String(200), default="")
    app_version: Mapped[str] = mapped_column(String(40), default="")
    sign_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    box_public: Mapped[bytes] = mapped_column(LargeBinary(32))
    status: Mapped[str] = mapped_column(String(12), default="trusted")
    since: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # the key announced to take this one's place (status "replaced")
    replaced_by: Mapped[str | None] = mapped_column(String(40), nullable=True)


class TrustReplica(Base):
    """The key a sender's replica (one database) was first seen signing with: a bundle from
    that replica signed by another key (that did not follow it) may not speak for it."""

    __tablename__ = "trust_replicas"
    replica_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(40))
    unit_code: Mapped[str] = mapped_column(String(12))
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TrustReceipt(Base):
    """A recipient's receipt of a bundle sent from here, read in a bundle it signed: "received
    and merged by the province on …"."""

    __tablename__ = "trust_receipts"
    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    recipient_unit: Mapped[str] = mapped_column(String(12))
    seq: Mapped[int] = mapped_column(Integer)
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QuarantinedBundle(Base):
    """A refused bundle's bytes kept aside, with why, to retry after confirming its sender."""

    __tablename__ = "quarantined_bundles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(String(255), default="")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text, default="")
    sender_unit: Mapped[str] = mapped_column(String(12), default="")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    retried_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
