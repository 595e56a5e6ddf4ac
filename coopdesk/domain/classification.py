"""What a cooperative *is* for the programme, computed from facts (never typed as a flag).

Each rule is written once, here; `coopdesk.services.rules` holds its one SQL twin, and
`tests/services/test_rules_property.py` holds the twins against these functions. A rule is
asked for a period (`coopdesk.domain.periods.Period`) or for a day (a one-day period):

- alive: the cooperative is not deleted, was founded by the end of the period (or its founding
  is unknown), was not dissolved before the period began, and is not marked dissolved without a
  date;
- a role is active in the period: not deleted, started by its end (or start unknown), not ended
  before its start;
- women in management: a woman (a person record not deleted, gender "F") holds a management
  role (chair, board member, director, general director, head or member of the supervisory
  board, controller; for a THT also the group leader — DOMAIN.md §2) active in the period;
- a manager: holds a management role active in the period in a cooperative alive then;
- more than 50 % female workers: the cooperative's latest yearly figures (not deleted) among
  the years the period counts (`Period.years`; every year when no period is given);
- founded under the programme: founded with the Hội's support on a day from the programme's
  start (03/01/2023, QĐ 01/QĐ-TTg) to its end (31/12/2030) — within the period when one is given;
- trained: a completed participation (not deleted) in a training (not deleted) that started from
  the programme's start (or the period's start, if earlier) to the end of the period; with no
  period, any completed training.

Pure functions over plain values or objects with the same attribute names as the models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from coopdesk.domain.indicators import MANAGEMENT_ROLES, THT_MANAGEMENT_ROLES
from coopdesk.domain.periods import PROGRAMME_END, PROGRAMME_START, Period, as_period

When = Period | dt.date | None  # a period, a day, or None for today


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _by_id(records: Mapping[str, Any] | Iterable[Any]) -> Mapping[str, Any]:
    if isinstance(records, Mapping):
        return records
    return {str(_get(r, "id")): r for r in records}


def is_management_role(role: str, kind: str = "HTX") -> bool:
    return role in (THT_MANAGEMENT_ROLES if kind == "THT" else MANAGEMENT_ROLES)


def role_active(role: Any, when: When = None) -> bool:
    """The role is held at some time in the period (on the day): not deleted, started by its
    end (or start unknown), not ended before its start."""
    period = as_period(when)
    if _get(role, "deleted_at") is not None:
        return False
    start, end = _get(role, "start_on"), _get(role, "end_on")
    return (start is None or start <= period.end) and (end is None or end >= period.start)


def alive(coop: Any, when: When = None) -> bool:
    """The cooperative existed during the period: not deleted, founded by its end (or founding
    unknown), not dissolved before its start, not marked dissolved without a date."""
    period = as_period(when)
    if _get(coop, "deleted_at") is not None:
        return False
    founded, dissolved = _get(coop, "founded_on"), _get(coop, "dissolved_on")
    if founded is not None and founded > period.end:
        return False
    if dissolved is None:
        return _get(coop, "status") != "dissolved"
    return dissolved >= period.start


def woman(person: Any) -> bool:
    """A person record that is not deleted, of a woman."""
    return (
        person is not None and _get(person, "deleted_at") is None and _get(person, "gender") == "F"
    )


def women_in_management(
    roles: Iterable[Any],
    people: Mapping[str, Any] | Iterable[Any],
    when: When = None,
    kind: str = "HTX",
) -> bool:
    """True when a woman holds a management role of the cooperative in the period (on the day).

    `roles` have `role`, `person_id`, `start_on`, `end_on` (and `deleted_at`); `people` map a
    person id to an object with `gender` ("F" for a woman) and `deleted_at`, or are such
    objects with an `id`.
    """
    by_id = _by_id(people)
    return any(
        is_management_role(str(_get(role, "role", "")), kind)
        and role_active(role, when)
        and woman(by_id.get(str(_get(role, "person_id"))))
        for role in roles
    )


def manages(
    roles: Iterable[Any],
    coops: Mapping[str, Any] | Iterable[Any],
    when: When = None,
    kinds: Iterable[str] | None = None,
) -> bool:
    """The person whose `roles` these are holds a management role in the period, in a
    cooperative alive then (of one of `kinds`, when given): a manager ("nữ quản lý" when a
    woman). `coops` map a cooperative id to an object with `kind` and the facts `alive` reads.
    """
    by_id = _by_id(coops)
    wanted = None if kinds is None else set(kinds)
    for role in roles:
        coop = by_id.get(str(_get(role, "cooperative_id")))
        if coop is None or (wanted is not None and _get(coop, "kind") not in wanted):
            continue
        if (
            is_management_role(str(_get(role, "role", "")), str(_get(coop, "kind")))
            and role_active(role, when)
            and alive(coop, when)
        ):
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


def latest_figures(years: Iterable[Any], period: Period | None = None) -> Any | None:
    """The latest yearly figures (not deleted) among the years the period counts (any year
    when no period is given), or None."""
    counted = [
        y
        for y in years
        if _get(y, "deleted_at") is None
        and _get(y, "year") is not None
        and (period is None or _get(y, "year") in period.years)
    ]
    return max(counted, key=lambda y: _get(y, "year"), default=None)


def majority_female_workers_in(years: Iterable[Any], period: Period | None = None) -> bool:
    """More than 50 % female workers by the latest yearly figures of the period (see above)."""
    latest = latest_figures(years, period)
    return latest is not None and majority_female_workers(latest)


def founded_under_programme(coop: Any, period: Period | None = None) -> bool:
    """Founded with the Hội's support between the programme's start and end (and within the
    period, when one is given)."""
    founded = _get(coop, "founded_on")
    if founded is None or not _get(coop, "founded_with_hoi_support"):
        return False
    start, end = programme_window(period)
    return start <= founded <= end


def programme_window(period: Period | None = None) -> tuple[dt.date, dt.date]:
    """The days a cooperative may be founded under the programme (within the period)."""
    if period is None:
        return PROGRAMME_START, PROGRAMME_END
    return max(PROGRAMME_START, period.start), min(PROGRAMME_END, period.end)


def training_window(period: Period | None) -> tuple[dt.date | None, dt.date | None]:
    """The start dates of the trainings that make a person "trained" by the end of the period:
    from the programme's start (or the period's, if earlier); no bounds with no period."""
    if period is None:
        return None, None
    return min(PROGRAMME_START, period.start), period.end


def trained(
    participations: Iterable[Any],
    trainings: Mapping[str, Any] | Iterable[Any],
    period: Period | None = None,
) -> bool:
    """The person completed a training that started in the training window of the period.

    `participations` (of one person) have `training_id`, `completed`, `deleted_at`;
    `trainings` map an id to an object with `start_on` and `deleted_at` (or have an `id`).
    """
    by_id = _by_id(trainings)
    start, end = training_window(period)
    for pa in participations:
        if not _get(pa, "completed") or _get(pa, "deleted_at") is not None:
            continue
        training = by_id.get(str(_get(pa, "training_id")))
        if training is None or _get(training, "deleted_at") is not None:
            continue
        day = _get(training, "start_on")
        if (start is None or day >= start) and (end is None or day <= end):
            return True
    return False
