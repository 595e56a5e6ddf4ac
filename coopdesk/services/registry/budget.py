"""A budget line of the unit: year × source, with the amounts planned, allocated and spent
(an amount left empty is 0)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coopdesk.db.models import Budget
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

FIELDS = ("unit_code", "year", "source", "planned", "allocated", "spent")
AMOUNTS = ("planned", "allocated", "spent")


@dataclass
class BudgetDraft(Draft):
    MODEL = Budget
    FIELDS = FIELDS


def new_budget() -> BudgetDraft:
    return BudgetDraft(fields={"year": dt.date.today().year, "source": "state_budget"})


def load_budget(session: Session, budget_id: str) -> BudgetDraft:
    budget = records.get_live(session, Budget, budget_id)
    return BudgetDraft(id=budget.id, fields=values_of(budget, FIELDS))


def _with_amounts(draft: BudgetDraft) -> BudgetDraft:
    """An empty amount is 0."""
    fields = dict(draft.fields)
    for key in AMOUNTS:
        if key in fields or draft.id is None:
            fields[key] = fields.get(key) or 0
    return BudgetDraft(id=draft.id, fields=fields)


def check_budget(session: Session, draft: BudgetDraft) -> list[Problem]:
    try:
        budget = stored(session, draft)
    except records.RecordError as exc:
        return [Problem("id", str(exc))]
    return check_record(session, Budget, main_values(session, _with_amounts(draft)), budget)


def save_budget(session: Session, draft: BudgetDraft, actor: str) -> Saved:
    raise_on_errors(check_budget(session, draft))
    budget = save_main(session, _with_amounts(draft), actor)
    return Saved.of(budget)


def delete_budget(session: Session, budget_id: str, actor: str) -> None:
    delete_record(session, Budget, budget_id, actor)


AREA = Area(
    kind="budget",
    entity="budgets",
    draft=BudgetDraft,
    new=new_budget,
    load=load_budget,
    check=check_budget,
    save=save_budget,
    delete=delete_budget,
)
