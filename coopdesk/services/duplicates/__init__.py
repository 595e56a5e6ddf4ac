"""Possible duplicates of a person or a cooperative, found before saving; "not the same",
remembered; merging two records into one, and undoing a merge.

    people_like(session, {"full_name": "Nguyễn Thị Hoa", "birth_year": 1985}, exclude_id=None)
    cooperatives_like(session, {"name": "HTX Chè Tân Phong", "registration_no": "0101234567"})

`fields` uses the editors' field names (`services.registry.people.FIELDS`,
`services.registry.cooperatives`); a person's "id_number" (from a spreadsheet) is read too.
The rule is `coopdesk.domain.duplicates`; its SQL twin `services.duplicates.sql`. A pair an
officer said is not the same (`mark_not_duplicate`, `save_as_different`) is never found again.
Two records that are the same are merged (`services.duplicates.merge`: preview, merge,
unmerge).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.services.duplicates.dismissals import mark_not_duplicate, save_as_different
from coopdesk.services.duplicates.find import PossibleDuplicate, keys_of, like

__all__ = [
    "PossibleDuplicate",
    "cooperatives_like",
    "keys_of",
    "mark_not_duplicate",
    "people_like",
    "possible_duplicates",
    "save_as_different",
]


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


def possible_duplicates(
    session: Session,
    kind: str,
    fields: Mapping[str, Any],
    *,
    exclude_id: str | None = None,
    before: Mapping[str, Any] | None = None,
) -> list[PossibleDuplicate]:
    """`people_like` or `cooperatives_like` by `kind` (an editor's table), for a record being
    saved. `before`: a saved record's fields as they were; when its duplicate keys are the same
    as those of `fields`, nothing is asked again (a record is checked when it is made and when
    its name, birth year, phone or tax code change)."""
    if before is not None and keys_of(session, kind, before) == keys_of(session, kind, fields):
        return []
    return like(session, kind, fields, exclude_id)
