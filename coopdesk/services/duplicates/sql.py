"""The one SQL twin of `coopdesk.domain.duplicates`: the stored records that have a key.

`having_key(kind, key)` is the condition on the kind's table that holds for a record exactly
when the domain's keys of that record (from its stored fields) contain `key`. Each condition is
served by an index (`coopdesk.db.models.duplicates` and the folded-name indexes). Held against
the Python rule by tests/services/duplicates/test_sql_twin.py.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import ColumnElement, and_, false

from coopdesk.db.models import Cooperative, Person
from coopdesk.db.models.duplicates import phone_digits_sql, tax_code_sql

MODELS: dict[str, Any] = {"people": Person, "cooperatives": Cooperative}
# The indexed expressions, built once (building them is most of a lookup's time on import).
_phone_digits = phone_digits_sql(Person.__table__.c.phone)
_tax_code = tax_code_sql(Cooperative.__table__.c.registration_no)


def having_key(kind: str, key: str) -> ColumnElement[bool]:
    """The records of `kind` ("people" or "cooperatives") one of whose keys is `key`."""
    prefix, value = key.split(":", 1)
    if kind == "people":
        return _person_key(prefix, value)
    if kind == "cooperatives":
        return _cooperative_key(prefix, value)
    raise ValueError(kind)


def _person_key(prefix: str, value: str) -> ColumnElement[bool]:
    if prefix == "name":
        name, year = value.rsplit("|", 1)
        return and_(Person.name_folded == name, Person.birth_year == int(year))
    if prefix == "phone":
        return _phone_digits == value
    return false()  # an ID number is not stored: only rows of one file share it


def _cooperative_key(prefix: str, value: str) -> ColumnElement[bool]:
    if prefix == "mst":
        return _tax_code == value
    unit, name = value.split("|", 1)
    return and_(Cooperative.unit_code == unit, Cooperative.name_folded == name)


@functools.cache
def live(kind: str) -> ColumnElement[bool]:
    """Records that can be duplicates: not deleted (and, for people, not erased)."""
    model = MODELS[kind]
    if kind == "people":
        return and_(model.deleted_at.is_(None), model.redacted.is_(False))
    return model.deleted_at.is_(None)
