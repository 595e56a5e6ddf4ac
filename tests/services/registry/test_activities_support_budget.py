"""Activities with their cooperatives, support and budget lines, saved without the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Activity, ActivityCooperative, Budget, Support
from coopdesk.domain.validation import ValidationFailed
from coopdesk.services.registry import activities, budget, cooperatives, support
from tests.services.registry.conftest import OFFICER


def _coop(session: Session, name: str) -> str:
    draft = cooperatives.CooperativeDraft(fields={"name": name, "kind": "HTX"})
    return cooperatives.save_cooperative(session, draft, OFFICER).id


def _activity(**parts) -> activities.ActivityDraft:
    return activities.ActivityDraft(
        fields={
            "title": "Tuyên truyền Đề án 01",
            "kind": "communication",
            "held_on": dt.date(2026, 4, 5),
        },
        **parts,
    )


def test_an_activity_and_the_cooperatives_it_involved(session: Session) -> None:
    one, two = _coop(session, "HTX Chè"), _coop(session, "HTX Rau")
    saved = activities.save_activity(session, _activity(cooperative_ids=[one, two]), OFFICER)
    draft = activities.load_activity(session, saved.id)
    assert draft.cooperative_ids == sorted([one, two])
    draft.cooperative_ids = [two]
    activities.save_activity(session, draft, OFFICER)
    draft.cooperative_ids = [one, two]  # ticked again: the link comes back
    activities.save_activity(session, draft, OFFICER)
    assert activities.load_activity(session, saved.id).cooperative_ids == sorted([one, two])


def test_an_unknown_cooperative_or_wrong_reach_saves_nothing(session: Session) -> None:
    draft = _activity(cooperative_ids=["không-có"])
    draft.fields |= {"reach_total": 10, "reach_women": 20}
    fields = [p.field for p in activities.check_activity(session, draft) if p.is_error]
    assert fields == ["reach_women", "cooperative_ids[0]"]
    with pytest.raises(ValidationFailed):
        activities.save_activity(session, draft, OFFICER)
    assert session.scalars(select(Activity)).all() == []
    assert session.scalars(select(ActivityCooperative)).all() == []


def test_support_needs_a_recipient(session: Session) -> None:
    draft = support.SupportDraft(
        fields={"kind": "loan", "fund": "womens_development_fund", "amount": 50_000_000,
                "given_on": dt.date(2026, 6, 1)}
    )  # fmt: skip
    problems = support.check_support(session, draft)
    assert [(p.field, p.message) for p in problems] == [
        ("cooperative_id", "Chọn HTX/THT hoặc người được hỗ trợ.")
    ]
    draft.fields["cooperative_id"] = _coop(session, "HTX Chè")
    saved = support.save_support(session, draft, OFFICER)
    assert session.get(Support, saved.id).amount == 50_000_000


def test_a_budget_line_counts_empty_amounts_as_zero(session: Session) -> None:
    draft = budget.BudgetDraft(fields={"year": 2026, "source": "state_budget", "planned": None})
    saved = budget.save_budget(session, draft, OFFICER)
    line = session.get(Budget, saved.id)
    assert (line.planned, line.allocated, line.spent) == (0, 0, 0)
    wrong = budget.BudgetDraft(fields={"year": 2026, "source": "state_budget", "spent": -5})
    assert [p.field for p in budget.check_budget(session, wrong)] == ["spent"]
