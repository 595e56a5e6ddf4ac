"""Catalogue changes sent down by the country or a province: communes merged or renamed by a
decision, from an effective date (coopdesk.services.unit_changes applies them)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, Synced


class UnitChange(Synced, Base):
    """'Xã A and Xã B merge into Xã C from 01/01/2027 (Nghị quyết …)'. Synced downward; each
    commune applies it locally after a preview. `unit_code` is the unit that sent it."""

    __tablename__ = "unit_changes"
    kind: Mapped[str] = mapped_column(String(12))  # merge | rename
    decision: Mapped[str] = mapped_column(String(200), default="")  # "Nghị quyết số …"
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    effective_on: Mapped[dt.date] = mapped_column(Date)
    sources: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the unit codes before
    target_code: Mapped[str] = mapped_column(String(12))  # the unit after (new or kept)
    target_name: Mapped[str] = mapped_column(String(200))
    # JSON (coopdesk.domain.unit_changes.Details): names before; a split's parts and records
    details: Mapped[str] = mapped_column(Text, default="{}")
