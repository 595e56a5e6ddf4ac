"""Drafts read from JSON: values typed as the record's columns, problems by field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from coopdesk.services import registry
from coopdesk.services.registry.drafts import from_json, plain_field, to_json
from coopdesk.services.registry.plans import PlanDraft


def test_values_are_typed_and_parts_read() -> None:
    draft, problems = from_json(
        PlanDraft,
        {"id": None, "title": "Kế hoạch", "period_start": "2026-01-01",
         "targets": [{"indicator_code": "new_jobs_women", "period": "2026", "value": 7.5}]},
    )  # fmt: skip
    assert problems == []
    assert draft.fields == {"title": "Kế hoạch", "period_start": dt.date(2026, 1, 1)}
    assert draft.targets == [
        {"indicator_code": "new_jobs_women", "period": "2026", "value": Decimal("7.5")}
    ]
    assert draft.assignments is None  # left out: left as it is
    assert to_json(draft)["targets"][0]["value"] == 7.5


def test_what_cannot_be_read_is_named() -> None:
    _draft, problems = from_json(
        PlanDraft,
        {"title": 5, "period_start": "1/1/2026", "colour": "red",
         "targets": [{"value": "nhiều"}], "assignments": {"task": "x"}},
    )  # fmt: skip
    assert [p.field for p in problems] == [
        "title",
        "period_start",
        "colour",
        "targets[0].value",
        "assignments",
    ]
    assert problems[1].message == (
        "Hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ 2026-03-12 (không phải “1/1/2026”)."
    )
    assert from_json(PlanDraft, [1, 2])[1][0].field == "id"


def test_every_kind_has_its_area() -> None:
    assert [registry.area(kind).kind for kind in registry.KINDS] == list(registry.KINDS)
    assert plain_field("years[2025].female_workers") == "female_workers"
