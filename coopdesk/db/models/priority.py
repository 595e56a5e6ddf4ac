"""How many priority women a unit counts, per cooperative and group (issue 12 item 8): what
travels upward instead of the sensitive details themselves (`coopdesk.domain.priority_women`,
`coopdesk.services.priority_women`). Its id is the same on every computer of the unit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.db.models.base import Base, Synced


class PriorityCount(Synced, Base):
    __tablename__ = "priority_counts"
    cooperative_id: Mapped[str | None] = mapped_column(ForeignKey("cooperatives.id"), index=True)
    group: Mapped[str] = mapped_column(String(24))  # a key of domain.priority_women.GROUPS
    women: Mapped[int] = mapped_column(Integer, default=0)
    counted_on: Mapped[dt.date] = mapped_column(Date)
