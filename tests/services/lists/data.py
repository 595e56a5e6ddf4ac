"""Records written straight into a test database for the list queries (list tests only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from coopdesk.db.models import Cooperative, CooperativeYear, Person, Role
from coopdesk.i18n import collation_key, fold, person_sort_key

HOME = "03408"  # Phường Tân Phong, Lai Châu (province 12)
OTHER = "03472"  # Xã Mường Mô, Lai Châu


def person(
    s: Session, family: str, middle: str, given: str, gender: str = "F", **kw: Any
) -> Person:
    full = " ".join(x for x in (family, middle, given) if x)
    row = Person(
        unit_code=kw.pop("unit_code", HOME),
        family_name=family,
        middle_name=middle,
        given_name=given,
        full_name=full,
        name_folded=fold(full),
        sort_key=person_sort_key(family, middle, given),
        gender=gender,
        **kw,
    )
    s.add(row)
    s.flush()
    return row


def cooperative(s: Session, name: str, kind: str = "HTX", **kw: Any) -> Cooperative:
    row = Cooperative(
        unit_code=kw.pop("unit_code", HOME),
        kind=kind,
        name=name,
        name_folded=fold(name),
        sort_key=collation_key(name),
        **kw,
    )
    s.add(row)
    s.flush()
    return row


def role(s: Session, who: Person, coop: Cooperative, name: str, **kw: Any) -> Role:
    row = Role(unit_code=coop.unit_code, person_id=who.id, cooperative_id=coop.id, role=name, **kw)
    s.add(row)
    s.flush()
    return row


def year(s: Session, coop: Cooperative, number: int, workers: int, female: int) -> None:
    s.add(
        CooperativeYear(
            unit_code=coop.unit_code,
            cooperative_id=coop.id,
            year=number,
            workers=workers,
            female_workers=female,
        )
    )
    s.flush()


def last_year() -> dt.date:
    return dt.date(dt.date.today().year - 1, 6, 30)
