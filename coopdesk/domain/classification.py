"""What a cooperative *is* for the programme, computed from facts (never typed as a flag).

- women in management: at least one woman holds a management role on the day
  (chair, board member, director, general director, head or member of the supervisory board,
  controller; for a THT also the group leader) — DOMAIN.md §2;
- more than 50 % female workers, from a year's labour figures;
- founded under the programme: founded from 03/01/2023 (QĐ 01/QĐ-TTg) to the end of 2030,
  with the Hội's support.

Pure functions over plain values or objects with the same attribute names as the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from coopdesk.domain.indicators import MANAGEMENT_ROLES, THT_MANAGEMENT_ROLES

PROGRAMME_APPROVED = dt.date(2023, 1, 3)  # Quyết định 01/QĐ-TTg
PROGRAMME_END = dt.date(2030, 12, 31)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def is_management_role(role: str, kind: str = "HTX") -> bool:
    return role in (THT_MANAGEMENT_ROLES if kind == "THT" else MANAGEMENT_ROLES)


def role_active_on(role: Any, on_date: dt.date) -> bool:
    """A role held on the day: started by then (or start unknown), not ended before it."""
    if _get(role, "deleted_at") is not None:
        return False
    start, end = _get(role, "start_on"), _get(role, "end_on")
    return (start is None or start <= on_date) and (end is None or end >= on_date)


def women_in_management(
    roles: Iterable[Any],
    people: Mapping[str, Any] | Iterable[Any],
    on_date: dt.date,
    kind: str = "HTX",
) -> bool:
    """True when a woman holds a management role of the cooperative on `on_date`.

    `roles` have `role`, `person_id`, `start_on`, `end_on`; `people` map a person id to an
    object with `gender` ("F" for a woman), or are such objects with an `id`.
    """
    by_id = people if isinstance(people, Mapping) else {str(_get(p, "id")): p for p in people}
    for role in roles:
        if not is_management_role(str(_get(role, "role", "")), kind):
            continue
        if not role_active_on(role, on_date):
            continue
        person = by_id.get(str(_get(role, "person_id")))
        if person is not None and _get(person, "gender") == "F":
            return True
    return False


def female_worker_share(year_figures: Any) -> float | None:
    """Female workers / workers for one year, or None when the figures are missing."""
    workers, female = _get(year_figures, "workers"), _get(year_figures, "female_workers")
    if not workers or female is None:
        return None
    return float(female) / float(workers)


def majority_female_workers(year_figures: Any) -> bool:
    """More than 50 % of the year's workers are women (False when figures are missing)."""
    share = female_worker_share(year_figures)
    return share is not None and share > 0.5


def founded_under_programme(coop: Any) -> bool:
    """Founded within the programme (03/01/2023 – 31/12/2030) with the Hội's support."""
    founded = _get(coop, "founded_on")
    if founded is None or not _get(coop, "founded_with_hoi_support"):
        return False
    return PROGRAMME_APPROVED <= founded <= PROGRAMME_END
