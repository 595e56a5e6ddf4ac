"""Saving what an editor opened, unless somebody changed the record since.

An editor keeps the draft it opened. `save_unless_changed` reads the record again, in the
saving transaction, and saves only when it is still what was opened (its own fields and its
parts alike); otherwise nothing is written and `ChangedSinceOpened` names who changed it and
when, so the officer keeps what she typed, compares and opens the record again. Two officers
on one hub (or a command run while the window is open) therefore never overwrite each other
unseen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import AuditEvent
from coopdesk.i18n import _, format_date
from coopdesk.services.records import RecordError
from coopdesk.services.registry.drafts import Area, Draft, Saved


class ChangedSinceOpened(RecordError):
    """The record changed after the editor opened it; nothing was saved."""

    def __init__(self, actor: str, at: dt.datetime | None) -> None:
        self.actor = actor
        self.at = at
        when = _when(at)
        super().__init__(
            _(
                "{who} changed this record at {when}, after you opened it, so your changes "
                "were not saved. What you typed is still here: note what you need, then close "
                "the form and open the record again to see the new version."
            ).format(who=actor or _("Somebody"), when=when)
        )


def _when(at: dt.datetime | None) -> str:
    if at is None:
        return "?"
    local = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone()
    return _("{time} on {date}").format(time=f"{local:%H:%M}", date=format_date(local.date()))


def save_unless_changed(
    session: Session, area: Area, draft: Draft, opened: Draft | None, actor: str
) -> Saved:
    """`area.save(draft)`, when the record is still as `opened` (None: a new record)."""
    if opened is not None and opened.id is not None:
        now = area.load(session, opened.id)  # RecordError when it was deleted meanwhile
        if now != opened:
            actor_name, at = last_change(session, area.draft.MODEL.__tablename__, now, opened)
            raise ChangedSinceOpened(actor_name, at)
    return area.save(session, draft, actor)


def last_change(session: Session, table: str, *drafts: Draft) -> tuple[str, dt.datetime | None]:
    """Who made the newest audited change to the record or to a row of its parts."""
    ids = {d.id for d in drafts if d.id} | set(_part_row_ids(drafts))
    event = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_id.in_(sorted(ids)))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return "", None
    return event.actor, event.at


def _part_row_ids(drafts: Iterable[Draft]) -> Iterable[str]:
    for draft in drafts:
        for name in draft.PARTS:
            value = getattr(draft, name, None)
            rows = value if isinstance(value, list) else [value]
            for row in rows:
                if isinstance(row, dict) and isinstance(row.get("id"), str):
                    yield row["id"]
