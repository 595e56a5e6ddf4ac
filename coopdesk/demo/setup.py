"""Set the demo database up as an installation (commune or aggregator) with document settings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.db.models import Unit
from coopdesk.demo.writer import Writer


def install(session: Session, w: Writer, seed: int, scale: str, unit: Unit, province: Unit) -> None:
    return None
