"""An activity (communication, event…) and the cooperatives it involved.

`cooperative_ids` is the whole list of the cooperatives involved: saving adds and removes the
links (a removed link comes back when the cooperative is ticked again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Activity, ActivityCooperative, Cooperative
from coopdesk.domain.validation import Problem
from coopdesk.i18n import _
from coopdesk.services import records
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    PartSpec,
    Saved,
    check_record,
    delete_record,
    main_values,
    raise_on_errors,
    save_main,
    stored,
    values_of,
)

FIELDS = (
    "unit_code", "title", "kind", "channel", "held_on", "reach_total", "reach_women", "cost",
    "funding_source", "notes",
)  # fmt: skip


@dataclass
class ActivityDraft(Draft):
    MODEL = Activity
    FIELDS = FIELDS
    PARTS: ClassVar[dict[str, PartSpec]] = {"cooperative_ids": PartSpec(None)}

    cooperative_ids: list[str] | None = None


def new_activity() -> ActivityDraft:
    return ActivityDraft(fields={"kind": "communication"}, cooperative_ids=[])


def _links(session: Session, activity_id: str) -> dict[str, ActivityCooperative]:
    rows = session.scalars(
        select(ActivityCooperative).where(
            ActivityCooperative.activity_id == activity_id,
            ActivityCooperative.deleted_at.is_(None),
        )
    )
    return {link.cooperative_id: link for link in rows}


def load_activity(session: Session, activity_id: str) -> ActivityDraft:
    activity = records.get_live(session, Activity, activity_id)
    return ActivityDraft(
        id=activity.id,
        fields=values_of(activity, FIELDS),
        cooperative_ids=sorted(_links(session, activity.id)),
    )


def check_activity(session: Session, draft: ActivityDraft) -> list[Problem]:
    try:
        activity = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    problems = check_record(session, Activity, main_values(session, draft), activity)
    for n, cid in enumerate(draft.cooperative_ids or []):
        coop = session.get(Cooperative, cid)
        if coop is None or coop.deleted_at is not None:
            message = _("{what} “{value}” was not found (it may have been deleted).")
            what = _("The cooperative")
            problems.append(Problem(f"cooperative_ids[{n}]", message.format(what=what, value=cid)))
    return problems


def save_activity(session: Session, draft: ActivityDraft, actor: str) -> Saved:
    """Create or update the activity and its links to the cooperatives involved."""
    raise_on_errors(check_activity(session, draft))
    activity = save_main(session, draft, actor)
    if draft.cooperative_ids is not None:
        links = _links(session, activity.id)
        chosen = set(draft.cooperative_ids)
        for cid in sorted(set(links) - chosen):
            records.delete(session, links[cid], actor)
        for cid in sorted(chosen - set(links)):
            data = {"activity_id": activity.id, "cooperative_id": cid}
            records.create(
                session, ActivityCooperative, {**data, "unit_code": activity.unit_code}, actor
            )
    return Saved.of(activity)


def delete_activity(session: Session, activity_id: str, actor: str) -> None:
    delete_record(session, Activity, activity_id, actor)


AREA = Area(
    kind="activities",
    entity="activities",
    draft=ActivityDraft,
    new=new_activity,
    load=load_activity,
    check=check_activity,
    save=save_activity,
    delete=delete_activity,
)
