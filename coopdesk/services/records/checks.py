"""What would be wrong with a record if it were saved: the domain validation, the unit, and
references to records that do not exist. Nothing is changed here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Base, Consent, Cooperative, Synced
from coopdesk.domain.validation import Context, Problem, ValidationFailed, validate
from coopdesk.i18n import _
from coopdesk.services.records.sealed import clear_values, would_be_clear
from coopdesk.services.records.values import would_be


def active_consents(session: Session, person_id: str, on: dt.date | None = None) -> set[str]:
    """Consent categories in force for a person (not withdrawn, not deleted); sealed ones are
    opened (SensitiveLocked when they cannot be)."""
    day = on or dt.date.today()
    rows = session.scalars(
        select(Consent).where(Consent.person_id == person_id, Consent.deleted_at.is_(None))
    )
    return {
        clear_values(session, "consents", _category_columns(c))["category"]
        for c in rows
        if c.given_on <= day and (c.withdrawn_on is None or c.withdrawn_on > day)
    }


def _category_columns(consent: Consent) -> dict[str, Any]:
    return {"id": consent.id, "category": consent.category, "sealed": consent.sealed}


def _context(session: Session, table: str, values: Mapping[str, Any]) -> Context:
    kind = founded = dissolved = None
    coop_id = values.get("cooperative_id")
    if coop_id:
        coop = session.get(Cooperative, coop_id)
        if coop is not None:
            kind, founded, dissolved = coop.kind, coop.founded_on, coop.dissolved_on
    consents: frozenset[str] = frozenset()
    if table == "person_sensitive" and values.get("person_id"):  # only they need consents
        consents = frozenset(active_consents(session, str(values["person_id"])))
    return Context(
        cooperative_kind=kind,
        cooperative_founded=founded,
        cooperative_dissolved=dissolved,
        consents=consents,
    )


def _reference_label(column: str) -> str:
    labels = {
        "cooperative_id": _("The cooperative"),
        "person_id": _("The person"),
        "training_id": _("The training"),
        "activity_id": _("The activity"),
        "plan_id": _("The plan"),
        "unit_code": _("The unit"),
        "target_unit_code": _("The unit"),
        "sector_code": _("The sector"),
        "ethnicity_code": _("The ethnic group"),
        "reissue_of": _("The report"),
    }
    return labels.get(column, column)


def _reference_problems(
    session: Session, model: type[Base], values: Mapping[str, Any]
) -> list[Problem]:
    """A reference to a record that does not exist (or was deleted) is named, not a crash."""
    out: list[Problem] = []
    for column in model.__table__.columns:
        value = values.get(column.key)
        if value is None or value == "":
            continue
        for fk in column.foreign_keys:
            target = fk.column.table
            if target.name == model.__tablename__:
                continue
            row = (
                session.execute(select(target).where(fk.column == value).limit(1))
                .mappings()
                .first()
            )
            if row is None or row.get("deleted_at") is not None:
                out.append(
                    Problem(
                        column.key,
                        _("{what} “{value}” was not found (it may have been deleted).").format(
                            what=_reference_label(column.key), value=value
                        ),
                    )
                )
    return out


def check(
    session: Session, model: type[Base], data: Mapping[str, Any], obj: Base | None = None
) -> list[Problem]:
    """All problems the record would have if saved with `data` (nothing is changed); sealed
    sensitive values are checked in clear."""
    values = would_be_clear(session, model.__tablename__, would_be(model, data, obj), data)
    entity = model.__name__
    problems = list(validate(entity, values, _context(session, model.__tablename__, values)))
    if issubclass(model, Synced) and not values.get("unit_code"):
        problems.append(Problem("unit_code", _("Choose the unit this record belongs to.")))
    return problems + _reference_problems(session, model, values)


def raise_on_errors(problems: list[Problem]) -> list[Problem]:
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    return [p for p in problems if not p.is_error]
