"""Finding a record's possible duplicates among the stored ones, by its duplicate keys."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from coopdesk.db.models import DuplicateDismissal
from coopdesk.domain import duplicates as rule
from coopdesk.domain.names import full_name
from coopdesk.i18n import _
from coopdesk.services.duplicates import labels
from coopdesk.services.duplicates.sql import MODELS, having_key, live

MAX_FOUND = 20  # per key: enough to show, never the whole country


@dataclass(frozen=True)
class PossibleDuplicate:
    """A stored record the one being saved may duplicate, as the officer reads it."""

    kind: str  # people | cooperatives
    record_id: str
    label: str  # "Nguyễn Thị Hoa, sinh năm 1985, HTX Chè Tân Phong, Phường Tân Phong"
    reason: str  # "cùng họ tên và năm sinh, cùng số điện thoại"


def keys_of(session: Session, kind: str, fields: Mapping[str, Any]) -> frozenset[str]:
    """The duplicate keys of a draft's fields (the editors' field names)."""
    if kind == "people":
        name = fields.get("full_name") or full_name(
            fields.get("family_name"), fields.get("middle_name"), fields.get("given_name")
        )
        return rule.person_keys(
            name, fields.get("birth_year"), fields.get("phone"), fields.get("id_number")
        )
    unit = fields.get("unit_code") or _installation_unit(session)
    return rule.cooperative_keys(fields.get("name"), fields.get("registration_no"), unit)


def _installation_unit(session: Session) -> str | None:
    from coopdesk.services.settings import get_installation

    installation = get_installation(session)
    return installation.unit_code if installation is not None else None


def like(
    session: Session, kind: str, fields: Mapping[str, Any], exclude_id: str | None = None
) -> list[PossibleDuplicate]:
    """The stored records of `kind` sharing a key with `fields`, but the record itself
    (`exclude_id`) and those an officer said are not the same as it."""
    model = MODELS[kind]
    reasons: dict[str, list[str]] = {}
    for key in rule.in_order(keys_of(session, kind, fields)):
        query = select(model.id).where(having_key(kind, key), live(kind)).limit(MAX_FOUND + 1)
        for record_id in session.scalars(query):
            if record_id != exclude_id:
                reasons.setdefault(record_id, []).append(_(rule.reason_of(kind, key)))
    for record_id in dismissed(session, kind, exclude_id, list(reasons)):
        reasons.pop(record_id, None)
    return [
        PossibleDuplicate(kind, record_id, labels.label(session, kind, record_id), ", ".join(why))
        for record_id, why in reasons.items()
    ]


def dismissed(session: Session, kind: str, record_id: str | None, others: list[str]) -> set[str]:
    """Those of `others` an officer said are not the same as `record_id`."""
    if record_id is None or not others:
        return set()
    rows = session.execute(
        select(DuplicateDismissal.first_id, DuplicateDismissal.second_id).where(
            DuplicateDismissal.kind == kind,
            DuplicateDismissal.deleted_at.is_(None),
            or_(
                and_(
                    DuplicateDismissal.first_id == record_id,
                    DuplicateDismissal.second_id.in_(others),
                ),
                and_(
                    DuplicateDismissal.second_id == record_id,
                    DuplicateDismissal.first_id.in_(others),
                ),
            ),
        )
    )
    return {b if a == record_id else a for a, b in rows}
