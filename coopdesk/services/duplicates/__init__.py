"""Possible duplicates of a person or a cooperative, found before saving; "not the same",
remembered; merging two records into one, and undoing a merge.

    people_like(session, {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985}, exclude_id=None)
    cooperatives_like(session, {"name": "HTX Chè Tân Phong", "registration_no": "0101234567"})

`fields` uses the editors' field names (`services.registry.people.FIELDS`,
`services.registry.cooperatives`); a person's "id_number" (from a spreadsheet) is read too.
The rule is `coopdesk.domain.duplicates`; its SQL twin `services.duplicates.sql`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.services.duplicates.find import PossibleDuplicate, keys_of, like

__all__ = ["PossibleDuplicate", "cooperatives_like", "keys_of", "people_like"]


def people_like(
    session: Session, fields: Mapping[str, Any], *, exclude_id: str | None = None
) -> list[PossibleDuplicate]:
    """The stored people the person of `fields` may be (but herself, `exclude_id`)."""
    return like(session, "people", fields, exclude_id)


def cooperatives_like(
    session: Session, fields: Mapping[str, Any], *, exclude_id: str | None = None
) -> list[PossibleDuplicate]:
    """The stored cooperatives the cooperative of `fields` may be (but itself)."""
    return like(session, "cooperatives", fields, exclude_id)
