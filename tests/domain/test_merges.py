"""The merge rule: how a row moves, and what a merge record must hold (checked on save and
on a bundle's arrival)."""

from __future__ import annotations

import json

from coopdesk.domain.checks import Context
from coopdesk.domain.merges import how_to_move, validate_merge
from coopdesk.domain.validation import problems_for_table

GOOD = {
    "kind": "people",
    "kept_id": "a",
    "merged_id": "b",
    "moved": json.dumps([{"table": "roles", "id": "r", "column": "person_id", "how": "moved"}]),
    "kept_before": "{}",
}


def test_a_row_moves_keeps_or_is_left_out_by_its_natural_key() -> None:
    assert how_to_move((), "person_id", twin_live=False) == "moved"
    assert how_to_move(("training_id", "person_id"), "person_id", twin_live=False) == "copied"
    assert how_to_move(("training_id", "person_id"), "person_id", twin_live=True) == "dropped"


def fields(data: dict[str, str]) -> list[str]:
    return [p.field for p in validate_merge({**GOOD, **data}, Context())]


def test_a_merge_record_names_two_records_and_a_readable_list_of_steps() -> None:
    assert validate_merge(GOOD, Context()) == []
    assert fields({"kind": "trainings"}) == ["kind"]
    assert fields({"merged_id": "a"}) == ["merged_id"]
    assert fields({"kept_id": ""}) == ["kept_id"]
    assert fields({"moved": "[{"}) == ["moved"]
    assert fields({"moved": json.dumps([{"table": "roles", "id": "r", "how": "copied"}])}) == [
        "moved"
    ]
    assert fields({"kept_before": "[]"}) == ["kept_before"]


def test_a_bundle_s_merge_record_is_checked_by_the_same_rule() -> None:
    assert problems_for_table("duplicate_merges", GOOD) == []
    assert [p.field for p in problems_for_table("duplicate_merges", {**GOOD, "kind": "x"})] == [
        "kind"
    ]
