"""The declarative base, the naming convention and the columns every synced record has."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    DateTime,
    ForeignKey,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def sort_key_type(length: int) -> String:
    """A column of `coopdesk.i18n` collation keys: compared byte by byte on every engine (the
    "C" collation on PostgreSQL, whatever the server's locale), so the server keeps the order
    the keys were made for."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every replicated record has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_code: Mapped[str] = mapped_column(String(12), ForeignKey("units.code"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    created_by: Mapped[str] = mapped_column(String(120), default="")
    updated_by: Mapped[str] = mapped_column(String(120), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Filled by coopdesk.sync: the version vector of this record version, as canonical JSON.
    version: Mapped[str | None] = mapped_column(Text)
