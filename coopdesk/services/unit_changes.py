"""Boundary changes offline: the country or a province records a merge or a rename of communes
(decision, effective date); it travels down in bundles (table `unit_changes`); each commune
previews it and applies it. Records keep the unit they were entered under: an applied change
only says that, for periods from its effective date, indicators count the records of the
units before under the unit after (services.indicators.scope asks `in_force`).

Which changes this database applied is local (the setting APPLIED_KEY), never synced: every
installation decides for itself after the preview.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Unit, UnitChange
from coopdesk.i18n import _, collation_key, fold, format_date
from coopdesk.services import settings, units
from coopdesk.services.records.audit import audit, snapshot
from coopdesk.sync import versions

APPLIED_KEY = "units.changes_applied"
KINDS = ("merge", "rename")


class UnitChangeError(ValueError):
    """A change that cannot be recorded or applied as given; the message says why."""


@dataclass(frozen=True)
class Change:
    id: str
    kind: str
    decision: str
    effective_on: dt.date
    sources: tuple[str, ...]
    target_code: str
    target_name: str
    applied: bool

    def sentence(self, names: dict[str, str]) -> str:
        before = ", ".join(names.get(c, c) for c in self.sources)
        text = (
            _("{before} merge into {after} from {date}")
            if self.kind == "merge"
            else _("{before} is renamed {after} from {date}")
        )
        line = text.format(
            before=before, after=self.target_name, date=format_date(self.effective_on)
        )
        return f"{line} ({self.decision})" if self.decision else line


def _applied(session: Session) -> set[str]:
    return set(settings.get_json(session, APPLIED_KEY, []))


def _change(row: UnitChange, applied: set[str]) -> Change:
    return Change(
        id=row.id,
        kind=row.kind,
        decision=row.decision,
        effective_on=row.effective_on,
        sources=tuple(json.loads(row.sources)),
        target_code=row.target_code,
        target_name=row.target_name,
        applied=row.id in applied,
    )


def listed(session: Session) -> list[Change]:
    """Every change held here, oldest effective date first."""
    applied = _applied(session)
    rows = session.scalars(
        select(UnitChange)
        .where(UnitChange.deleted_at.is_(None))
        .order_by(UnitChange.effective_on, UnitChange.id)
    )
    return [_change(row, applied) for row in rows]


def _validate(session: Session, sender: str, sources: list[str], target: str) -> None:
    for code in sources:
        info = units.get(session, code)
        if info is None or info.level != "commune" or info.legacy:
            raise UnitChangeError(_("{code} is not a current commune.").format(code=code))
        if sender not in (info.province_code, units.COUNTRY_CODE):
            raise UnitChangeError(
                _("{name} is not in the unit that sends this change.").format(name=info.name)
            )
    if len(sources) > 1 and target in sources[1:]:
        raise UnitChangeError(_("The commune after a merge keeps the first code or a new one."))
    if not (target.isdigit() and len(target) == 5):
        raise UnitChangeError(_("The new unit's code has five digits, e.g. 03408."))


def record(
    session: Session,
    *,
    sender: str,
    sources: list[str],
    target_code: str,
    target_name: str,
    decision: str,
    effective_on: dt.date,
    actor: str,
) -> str:
    """The province (or the country) records a merge (several sources) or a rename (one)."""
    sources = [units.normalize_code(c) for c in sources]
    target = units.normalize_code(target_code)
    _validate(session, sender, sources, target)
    if len(sources) == 1 and target != sources[0]:
        raise UnitChangeError(_("A rename keeps the commune's code."))
    row = UnitChange(
        unit_code=sender,
        kind="merge" if len(sources) > 1 else "rename",
        decision=decision.strip(),
        effective_on=effective_on,
        sources=json.dumps(sources),
        target_code=target,
        target_name=" ".join(target_name.split()),
        created_by=actor,
        updated_by=actor,
    )
    versions.stamp(session, row)
    session.add(row)
    session.flush()
    audit(session, "create", row, None, snapshot(row), actor)
    return row.id


def _record_counts(session: Session, codes: list[str]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(codes, 0)
    for table in versions.synced_tables():
        if table.name == UnitChange.__tablename__:
            continue
        query = (
            select(table.c.unit_code, func.count())
            .where(table.c.unit_code.in_(codes), table.c.deleted_at.is_(None))
            .group_by(table.c.unit_code)
        )
        for code, n in session.execute(query):
            counts[code] += n
    return counts


def preview(session: Session, change_id: str) -> list[str]:
    """What applying the change does, in sentences: the change, the unit added or renamed,
    and how many records of each unit before count under the unit after from its date."""
    row = session.get(UnitChange, change_id)
    if row is None:
        raise UnitChangeError(_("This change of units is not held here."))
    change = _change(row, _applied(session))
    names = {c: units.label(session, c) for c in change.sources}
    lines = [change.sentence(names)]
    if session.get(Unit, change.target_code) is None:
        lines.append(
            _("New unit: {name} ({code}).").format(name=change.target_name, code=change.target_code)
        )
    counts = _record_counts(session, list(change.sources))
    for code in change.sources:
        lines.append(
            _(
                "{unit}: {count} records keep their unit; from {date} they count under {after}."
            ).format(
                unit=names[code],
                count=counts.get(code, 0),
                date=format_date(change.effective_on),
                after=change.target_name,
            )
        )
    if change.applied:
        lines.append(_("Already applied here."))
    return lines


def apply(session: Session, change_id: str, actor: str) -> Change:
    """Apply a change here: the unit after is added (or renamed) in the catalogue, and
    indicators for periods from the effective date count the units before under it."""
    row = session.get(UnitChange, change_id)
    if row is None:
        raise UnitChangeError(_("This change of units is not held here."))
    applied = _applied(session)
    change = _change(row, applied)
    if change.applied:
        return change
    first = session.get(Unit, change.sources[0])
    if first is None:
        raise UnitChangeError(_("{code} is not in the catalogue.").format(code=change.sources[0]))
    unit = session.get(Unit, change.target_code)
    province = units.get(session, first.province_code or "")
    folded = f"{change.target_name} {province.name if province else ''}"
    if unit is None:
        unit = Unit(
            code=change.target_code,
            division_type=first.division_type,
            level="commune",
            parent_code=first.parent_code,
            province_code=first.province_code,
            legacy=False,
        )
        session.add(unit)
    unit.name, unit.name_folded = change.target_name, fold(folded)
    unit.sort_key = collation_key(change.target_name)
    settings.set_json(session, APPLIED_KEY, sorted(applied | {row.id}))
    audit(session, "update", row, None, {"applied": True}, actor)
    return _change(row, applied | {row.id})


def in_force(session: Session, on: dt.date) -> tuple[dict[str, str], set[str]]:
    """For a period starting `on`: which units count under which (unit before → unit after),
    and the units after that do not exist yet (their changes are later)."""
    moved: dict[str, str] = {}
    not_yet: set[str] = set()
    for change in listed(session):
        if not change.applied or change.kind != "merge":
            continue
        if change.effective_on <= on:
            moved.update({c: change.target_code for c in change.sources if c != change.target_code})
        elif change.target_code not in change.sources:
            not_yet.add(change.target_code)
    return moved, not_yet
