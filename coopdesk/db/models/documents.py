"""The files of issued documents (issue 15 item 8): the official PDF and its .docx exactly as
issued, so the register reprints them byte for byte. Local, never synced: the issuing unit
keeps its own files; a copy of the report record elsewhere carries the hash."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, utcnow


class IssuedFile(Base):
    __tablename__ = "issued_files"
    report_id: Mapped[str] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # pdf | docx
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
