"""Set the demo database up as an installation, with document settings for its unit."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coopdesk.db.models import Unit
from coopdesk.services import settings

# When reports are due (the seeds): a commune reports by 15/11, a province by 30/11.
REPORT_DEADLINES = {"commune": "15/11", "aggregator": "30/11"}


def install(session: Session, unit: Unit, role: str, officer: str, position: str) -> None:
    """The installation (unit, role, officer) and the unit's signer and report deadline."""
    settings.save_installation(
        session,
        settings.Installation(
            unit_code=unit.code, role=role, officer=officer, position=position, language="vi"
        ),
    )
    settings.save_document_settings(
        session,
        unit.code,
        {
            "signer_name": officer,
            "report_deadline": REPORT_DEADLINES[role],
            "reporting_cutoff": "11-15",
        },
    )
