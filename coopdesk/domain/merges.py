"""Merging two records found to be the same person or the same cooperative (issue 14 item 5).

One record is kept; the other is marked merged into it (a tombstone with a merge record
pointing at the kept one, its history untouched, "nothing lost"). What hangs on the other moves
to the kept one, table by table (`MOVES`):

- a row whose identity is not its link (a role, a consent, support, an officer) is "moved":
  its link column now names the kept record;
- a row whose natural id includes its link (a participation, a year's figures, an activity's
  cooperative, the sensitive details) cannot change its link and keep its id: it is "copied"
  under the kept record's natural id and the original is tombstoned; when the kept record
  already has that row (both attended the training), the other's is "dropped" (tombstoned,
  the kept one's stays).

A merge record keeps every step (`moved`) and the kept record's values the officer replaced
by the other's (`kept_before`), so undoing a merge ("Tách lại") restores both records as they
were. The merge record is synced: a merge made at the commune reaches the province, and rows
that reach an installation still naming the merged record move to the kept one there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coopdesk.domain.checks import Context, Problem
from coopdesk.i18n import N_, _

KINDS = ("people", "cooperatives")

# kind → (table, column naming the record), in the order they move.
MOVES: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (
        ("roles", "person_id"),
        ("participations", "person_id"),
        ("support", "person_id"),
        ("officers", "person_id"),
        ("consents", "person_id"),
        ("person_sensitive", "person_id"),
    ),
    "cooperatives": (
        ("roles", "cooperative_id"),
        ("cooperative_years", "cooperative_id"),
        ("activity_cooperatives", "cooperative_id"),
        ("support", "cooperative_id"),
    ),
}

HOW = ("moved", "copied", "dropped")
# How each step reads for the officer (translate with `_()`).
HOW_WORDS = {
    "moved": N_("moves to the kept record"),
    "copied": N_("copied to the kept record"),
    "dropped": N_("left out: the kept record has it already"),
}


def how_to_move(natural_key: tuple[str, ...], column: str, twin_live: bool) -> str:
    """How a row moves: "moved" when its identity is not its link, else "copied" (or
    "dropped" when the kept record already has a live row under the same natural key)."""
    if column not in natural_key:
        return "moved"
    return "dropped" if twin_live else "copied"


def _steps(text: Any) -> list[Any] | None:
    try:
        steps = json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return None
    return steps if isinstance(steps, list) else None


def _step_ok(step: Any) -> bool:
    return (
        isinstance(step, dict)
        and step.get("how") in HOW
        and isinstance(step.get("table"), str)
        and isinstance(step.get("id"), str)
        and (step["how"] != "copied" or isinstance(step.get("to"), str))
    )


def validate_merge(data: Mapping[str, Any], ctx: Context) -> list[Problem]:
    """A merge record as it is saved here or arrives in a bundle."""
    out: list[Problem] = []
    if data.get("kind") not in KINDS:
        out.append(Problem("kind", _("Only people or cooperatives can be merged.")))
    kept, merged = data.get("kept_id"), data.get("merged_id")
    if not kept or not merged:
        out.append(Problem("kept_id", _("A merge needs the record kept and the one merged.")))
    elif kept == merged:
        out.append(Problem("merged_id", _("A record cannot be merged into itself.")))
    steps = _steps(data.get("moved", "[]"))
    if steps is None or not all(_step_ok(s) for s in steps):
        out.append(Problem("moved", _("The list of what the merge moved is damaged.")))
    try:
        before = json.loads(str(data.get("kept_before") or "{}"))
    except ValueError:
        before = None
    if not isinstance(before, dict):
        out.append(Problem("kept_before", _("The kept record's earlier values are damaged.")))
    return out
