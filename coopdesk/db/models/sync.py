"""Sync bookkeeping (coopdesk.sync; local to each database, never synced)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, utcnow


class SyncState(Base):
    """This database as a replica: install id, replica id and the local transaction counter."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    install_id: Mapped[str] = mapped_column(String(36))
    replica_id: Mapped[str] = mapped_column(String(36))
    counter: Mapped[int] = mapped_column(BigInteger, default=0)
    retired_replicas: Mapped[str] = mapped_column(Text, default="[]")  # JSON: before restores


class SyncReplica(Base):
    """A replica seen in a bundle: which installation and unit it belongs to."""

    __tablename__ = "sync_replicas"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    install_id: Mapped[str] = mapped_column(String(36), default="")
    unit_code: Mapped[str] = mapped_column(String(12), default="")
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncKnowledge(Base):
    """All changes by `replica_id` to records of `unit_code` up to `counter` are held here."""

    __tablename__ = "sync_knowledge"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncAck(Base):
    """What a peer replica said it holds (its knowledge), from its latest bundle."""

    __tablename__ = "sync_acks"
    replica_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(12), index=True)
    knowledge: Mapped[str] = mapped_column(Text, default="{}")  # JSON {replica: {unit: n}}
    receipts: Mapped[str] = mapped_column(Text, default="[]")  # JSON: its import receipts
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncConflict(Base):
    """A concurrent version of a record that did not win; kept until someone resolves it."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(Text)  # JSON
    data: Mapped[str] = mapped_column(Text)  # canonical JSON of the record's fields


class SyncPending(Base):
    """A received record version waiting for its parent record to arrive."""

    __tablename__ = "sync_pending"
    __table_args__ = (Index("ix_sync_pending_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)
    bundle_id: Mapped[str] = mapped_column(String(64), default="")


class SyncOutgoing(Base):
    """A bundle this database exported: its number for that recipient, its id and file."""

    __tablename__ = "sync_outgoing"
    __table_args__ = (UniqueConstraint("recipient_unit", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    recipient_unit: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    bundle_id: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    full: Mapped[bool] = mapped_column(Boolean, default=False)
    records: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncImport(Base):
    """A bundle merged here: who sent it, its number, a summary, and how to undo it."""

    __tablename__ = "sync_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(64), index=True)
    sender_install: Mapped[str] = mapped_column(String(36), default="")
    sender_replica: Mapped[str] = mapped_column(String(36), index=True)
    sender_unit: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    file_name: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts
    undo: Mapped[str | None] = mapped_column(Text)  # JSON before-images; None once not undoable
    counter_after: Mapped[int] = mapped_column(BigInteger, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
