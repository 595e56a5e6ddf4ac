"""Spreadsheets imported here (issue 14): which file, when, what it did, and whether it was
undone. Local bookkeeping, never synced; the records an import changed are found by their
audit events, whose `source` names the import ({"excel": id, "file": name})."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, utcnow


class ExcelImport(Base):
    __tablename__ = "excel_imports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    file_name: Mapped[str] = mapped_column(String(300))
    file_hash: Mapped[str] = mapped_column(String(64), index=True)  # sha256 of the file
    kind: Mapped[str] = mapped_column(String(20))  # as in services.registry.KINDS
    sheet: Mapped[str] = mapped_column(String(120), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(120), default="")
    summary: Mapped[str] = mapped_column(Text, default="{}")  # JSON counts by outcome
    counter_after: Mapped[int] = mapped_column(BigInteger, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
