"""The one SQL twin of each classification rule of `coopdesk.domain.classification`.

Lists (the app's and the printed ones), the indicators, the records behind a number and the
documents all filter with these expressions, so a cooperative counted on the overview is the
one the filtered list shows and the editor's badge names. Each expression is held against its
Python rule by `tests/services/test_rules_property.py`; read the rule there before changing
one here.

Every function takes the entity it is correlated to (an alias, or the model itself) and the
period (`When`: a Period, a day, or None for today) the rule is asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import aliased

from coopdesk.db.models import (
    Cooperative,
    CooperativeYear,
    Participation,
    Person,
    Role,
    Training,
)
from coopdesk.db.planner import unindexed
from coopdesk.domain.classification import When, programme_window, training_window
from coopdesk.domain.indicators import THT_MANAGEMENT_ROLES
from coopdesk.domain.periods import Period, as_period

HTX_KINDS = ("HTX", "LHHTX")  # the cooperatives whose managers are "HTX managers"


def management_role(r: Any, kind: Any) -> ColumnElement[bool]:
    """The role is a management role for a cooperative of `kind` (group leader: THT only).
    The role is read from the row (see `coopdesk.db.planner`)."""
    return and_(
        unindexed(r.role).in_(THT_MANAGEMENT_ROLES), or_(kind == "THT", r.role != "group_leader")
    )


def role_active(r: Any = Role, when: When = None) -> ColumnElement[bool]:
    period = as_period(when)
    return and_(
        r.deleted_at.is_(None),
        or_(r.start_on.is_(None), r.start_on <= period.end),
        or_(r.end_on.is_(None), r.end_on >= period.start),
    )


def alive(c: Any = Cooperative, when: When = None) -> ColumnElement[bool]:
    period = as_period(when)
    return and_(
        c.deleted_at.is_(None),
        or_(c.founded_on.is_(None), c.founded_on <= period.end),
        or_(c.dissolved_on.is_(None), c.dissolved_on >= period.start),
        not_(and_(c.status == "dissolved", c.dissolved_on.is_(None))),
    )


def woman(p: Any = Person) -> ColumnElement[bool]:
    return and_(p.gender == "F", p.deleted_at.is_(None))


def women_in_management(when: When = None, c: Any = Cooperative) -> ColumnElement[bool]:
    """A woman holds a management role of the cooperative in the period (stops at the first)."""
    r, p = aliased(Role), aliased(Person)
    return exists(
        select(literal(1))
        .select_from(r)
        .join(p, p.id == r.person_id)
        .where(r.cooperative_id == c.id, management_role(r, c.kind), role_active(r, when), woman(p))
    )


def women_in_management_mask(periods: Sequence[Period], c: Any = Cooperative) -> Any:
    """`women_in_management` for several periods at once: bit i of the number is set when
    a woman holds a management role of the cooperative in periods[i] (one pass over the
    cooperative's roles for all of them)."""
    r, p = aliased(Role), aliased(Person)
    return (
        select(
            sum_of_bits(func.max(case((role_active(r, period), 1), else_=0)) for period in periods)
        )
        .select_from(r)
        .join(p, p.id == r.person_id)
        .where(
            r.cooperative_id == c.id,
            r.deleted_at.is_(None),
            management_role(r, c.kind),
            woman(p),
        )
        .correlate(c)
        .scalar_subquery()
    )


def sum_of_bits(flags: Iterable[Any]) -> Any:
    """Flags (0 or 1) as the bits of one number: the first is bit 0."""
    total: Any = literal(0)
    for i, flag in enumerate(flags):
        total = total + flag * (2**i)
    return total


def has_bit(mask: Any, i: int) -> ColumnElement[bool]:
    return mask.op("&")(2**i) != 0


def manager_role(
    r: Any, c: Any, when: When = None, kinds: Sequence[str] | None = None
) -> ColumnElement[bool]:
    """Role `r` in cooperative `c` makes its holder a manager in the period: a management
    role, active, of a cooperative alive then (of one of `kinds`, when given)."""
    return and_(
        management_role(r, c.kind),
        manager_in(r, c, when),
        c.kind.in_(kinds) if kinds is not None else true(),
    )


def manager_in(r: Any, c: Any, when: When = None) -> ColumnElement[bool]:
    """What `manager_role` asks of the period: the role active, the cooperative alive."""
    return and_(role_active(r, when), alive(c, when))


def manages(
    person_id: Any = Person.id, when: When = None, kinds: Sequence[str] | None = None
) -> ColumnElement[bool]:
    """The person holds a management role in the period (see `manager_role`)."""
    r, c = aliased(Role), aliased(Cooperative)
    return exists(
        select(literal(1))
        .select_from(r)
        .join(c, c.id == r.cooperative_id)
        .where(r.person_id == person_id, manager_role(r, c, when, kinds))
    )


def _counted_year(y: Any, period: Period | None) -> ColumnElement[bool]:
    if period is None:
        return y.year.is_not(None)
    return and_(y.year >= period.years[0], y.year <= period.years[-1])


def majority_female_figures(y: Any) -> ColumnElement[bool]:
    """These yearly figures have more than half of the workers women."""
    return and_(y.workers > 0, y.female_workers * 2 > y.workers)


def majority_female_workers(period: Period | None = None, c: Any = Cooperative) -> Any:
    """More than half of the workers are women by the latest yearly figures of the period
    (any year): the latest row is read once, in one seek."""
    y = aliased(CooperativeYear)
    latest = (
        select(majority_female_figures(y))
        .where(y.cooperative_id == c.id, y.deleted_at.is_(None), _counted_year(y, period))
        .order_by(y.year.desc())
        .limit(1)
        .correlate(c)
        .scalar_subquery()
    )
    return func.coalesce(latest, false()).is_(True)


def founded_under_programme(period: Period | None = None, c: Any = Cooperative) -> Any:
    """Founded with the Hội's support within the programme (and the period, when given)."""
    start, end = programme_window(period)
    return and_(c.founded_with_hoi_support.is_(True), c.founded_on >= start, c.founded_on <= end)


def completed_between(
    pa: Any,
    t: Any,
    start: dt.date | None,
    end: dt.date | None,
    training_filter: Callable[[Any], ColumnElement[bool]] | None = None,
) -> ColumnElement[bool]:
    """Participation `pa` in training `t` was completed (neither deleted), in a training (of
    `training_filter`) that started between `start` and `end` (None: no bound)."""
    return and_(completed_base(pa, t), started_between(t, start, end, training_filter))


def completed_base(pa: Any, t: Any) -> ColumnElement[bool]:
    """What `completed_between` asks of any training: completed, neither deleted."""
    return and_(
        pa.training_id == t.id,
        pa.completed.is_(True),
        pa.deleted_at.is_(None),
        t.deleted_at.is_(None),
    )


def started_between(
    t: Any,
    start: dt.date | None,
    end: dt.date | None,
    training_filter: Callable[[Any], ColumnElement[bool]] | None = None,
) -> ColumnElement[bool]:
    """What `completed_between` asks of the training's start and kind."""
    return and_(
        t.start_on >= start if start is not None else true(),
        t.start_on <= end if end is not None else true(),
        training_filter(t) if training_filter is not None else true(),
    )


def completed_training(
    person_id: Any,
    start: dt.date | None,
    end: dt.date | None,
    training_filter: Callable[[Any], ColumnElement[bool]] | None = None,
) -> ColumnElement[bool]:
    """The person completed a training (see `completed_between`)."""
    pa, t = aliased(Participation), aliased(Training)
    return exists(
        select(literal(1))
        .select_from(pa)
        .join(t, t.id == pa.training_id)
        .where(pa.person_id == person_id, completed_between(pa, t, start, end, training_filter))
    )


Window = tuple[dt.date | None, dt.date | None, Callable[[Any], ColumnElement[bool]] | None]


def completed_mask(person_id: Any, windows: Sequence[Window]) -> Any:
    """`completed_training` for several windows (start, end, training filter) at once: bit i
    is set when the person completed a training of windows[i] (one pass over their
    participations for all of them)."""
    pa, t = aliased(Participation), aliased(Training)
    return (
        select(
            sum_of_bits(
                func.max(case((started_between(t, *window), 1), else_=0)) for window in windows
            )
        )
        .select_from(pa)
        .join(t, t.id == pa.training_id)
        .where(pa.person_id == person_id, completed_base(pa, t))
        .scalar_subquery()
    )


def trained(person_id: Any = Person.id, period: Period | None = None) -> ColumnElement[bool]:
    """The person is trained by the end of the period (see the domain rule)."""
    return completed_training(person_id, *training_window(period))
