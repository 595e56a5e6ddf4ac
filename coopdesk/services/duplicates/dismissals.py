"""Two records an officer said are not the same ("Không phải trùng"), remembered so the pair
is never flagged again, here and wherever the records travel: the table is synced, and a pair's
id is its natural key, so two computers that dismiss the same pair keep one record."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from coopdesk.db.models import DuplicateDismissal
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.duplicates.sql import MODELS
from coopdesk.services.registry.drafts import Area, Draft, Saved
from coopdesk.services.registry.opened import save_unless_changed
from coopdesk.sync import versions


def mark_not_duplicate(
    session: Session, kind: str, id_a: str, id_b: str, actor: str
) -> DuplicateDismissal:
    """Remember that records `id_a` and `id_b` of `kind` ("people" or "cooperatives") are not
    the same; versioned and audited. Saying it again changes nothing."""
    if kind not in MODELS:
        raise ValueError(kind)
    if id_a == id_b:
        raise records.RecordError(_("A record cannot be a duplicate of itself."))
    saved = records.get_live(session, MODELS[kind], id_a)
    records.get_live(session, MODELS[kind], id_b)
    first, second = sorted((id_a, id_b))
    values = {"kind": kind, "first_id": first, "second_id": second}
    known = session.get(
        DuplicateDismissal, versions.natural_id(DuplicateDismissal.__tablename__, values)
    )
    if known is not None and known.deleted_at is None:
        return known
    data = {**values, "unit_code": saved.unit_code}
    return records.create(session, DuplicateDismissal, data, actor)


def save_as_different(
    session: Session,
    area: Area,
    draft: Draft,
    actor: str,
    others: Iterable[str],
    opened: Draft | None = None,
) -> Saved:
    """Save a record the officer says is none of `others` (its possible duplicates), and
    remember each pair: one transaction, so either both are kept or neither. Refused when the
    record changed after the editor opened it as `opened` (`registry.opened`)."""
    saved = save_unless_changed(session, area, draft, opened, actor)
    for other in others:
        mark_not_duplicate(session, area.entity, saved.id, other, actor)
    return saved
