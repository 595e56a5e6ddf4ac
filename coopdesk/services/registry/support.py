"""Support given (a loan, a grant, help in kind) to a cooperative or a person."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from coopdesk.db.models import Support
from coopdesk.domain.validation import Problem
from coopdesk.services import records
from coopdesk.services.registry.drafts import (
    Area,
    Draft,
    Saved,
    check_record,
    delete_record,
    main_values,
    raise_on_errors,
    save_main,
    stored,
    values_of,
)

FIELDS = ("unit_code", "kind", "fund", "amount", "given_on", "cooperative_id", "person_id",
          "description")  # fmt: skip


@dataclass
class SupportDraft(Draft):
    MODEL = Support
    FIELDS = FIELDS


def new_support() -> SupportDraft:
    return SupportDraft(fields={"kind": "loan", "fund": "womens_development_fund"})


def load_support(session: Session, support_id: str) -> SupportDraft:
    support = records.get_live(session, Support, support_id)
    return SupportDraft(id=support.id, fields=values_of(support, FIELDS))


def check_support(session: Session, draft: SupportDraft) -> list[Problem]:
    try:
        support = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    return check_record(session, Support, main_values(session, draft), support)


def save_support(session: Session, draft: SupportDraft, actor: str) -> Saved:
    raise_on_errors(check_support(session, draft))
    support = save_main(session, draft, actor)
    return Saved.of(support)


def delete_support(session: Session, support_id: str, actor: str) -> None:
    delete_record(session, Support, support_id, actor)


AREA = Area(
    kind="support",
    entity="support",
    draft=SupportDraft,
    new=new_support,
    load=load_support,
    check=check_support,
    save=save_support,
    delete=delete_support,
)
