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
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.db.models import Unit, UnitChange
from coopdesk.domain import validation
from coopdesk.domain.unit_changes import Details, Part, parse_details
from coopdesk.i18n import _, collation_key, fold, format_date
from coopdesk.services import settings, unit_records, units
from coopdesk.services.records.audit import audit, snapshot
from coopdesk.sync import versions

APPLIED_KEY = "units.changes_applied"


class UnitChangeError(ValueError):
    """A change that cannot be recorded or applied as given; the message says why, and
    `field` what it is about when it is not said by the message ("records": a split's choice
    of unit for a record)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


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
    details: Details = field(default_factory=Details)

    @property
    def parts(self) -> tuple[Part, ...]:
        """The units after a split (empty for a merge or a rename)."""
        return self.details.parts

    def sentence(self, names: dict[str, str]) -> str:
        before = ", ".join(names.get(c, c) for c in self.sources)
        texts = {
            "merge": _("{before} merge into {after} from {date}"),
            "rename": _("{before} is renamed {after} from {date}"),
            "split": _("{before} is split into {after} from {date}"),
        }
        after = _listed([p.name for p in self.parts]) if self.parts else self.target_name
        line = texts[self.kind].format(
            before=before, after=after, date=format_date(self.effective_on)
        )
        return f"{line} ({self.decision})" if self.decision else line


def _listed(names: list[str]) -> str:
    """'A và B', 'A, B và C' (in the interface's language)."""
    if len(names) < 2:
        return "".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def _applied(session: Session) -> set[str]:
    return set(settings.get_json(session, APPLIED_KEY, []))


def _change(row: UnitChange, applied: set[str]) -> Change:
    """A held change; its sources and details were checked when it was recorded or received
    (domain.unit_changes.validate_unit_change)."""
    return Change(
        id=row.id,
        kind=row.kind,
        decision=row.decision,
        effective_on=row.effective_on,
        sources=tuple(json.loads(row.sources)),
        target_code=row.target_code,
        target_name=row.target_name,
        applied=row.id in applied,
        details=parse_details(row.details),
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


def check_sources(session: Session, sender: str, sources: list[str]) -> None:
    """Each source is a current commune in the unit that sends the change."""
    for code in sources:
        info = units.get(session, code)
        if info is None or info.level != "commune" or info.legacy:
            raise UnitChangeError(_("{code} is not a current commune.").format(code=code))
        if sender not in (info.province_code, units.COUNTRY_CODE):
            raise UnitChangeError(
                _("{name} is not in the unit that sends this change.").format(name=info.name)
            )


def _validate(session: Session, sender: str, sources: list[str], target: str) -> None:
    check_sources(session, sender, sources)
    if len(sources) > 1 and target in sources[1:]:
        raise UnitChangeError(_("The commune after a merge keeps the first code or a new one."))
    if not (target.isdigit() and len(target) == 5):
        raise UnitChangeError(_("The new unit's code has five digits, e.g. 03408."))


def save(session: Session, row: UnitChange, actor: str) -> str:
    """Check a new change against the rule a bundle's change is checked by, then version and
    audit it."""
    data = {c.key: getattr(row, c.key) for c in UnitChange.__table__.columns}
    errors = [p for p in validation.problems_for_table("unit_changes", data) if p.is_error]
    if errors:
        raise UnitChangeError(errors[0].message)
    versions.stamp(session, row)
    session.add(row)
    session.flush()
    audit(session, "create", row, None, snapshot(row), actor)
    return row.id


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
    before = {code: units.get(session, code) for code in {*sources, target}}
    details = Details(names_before={c: u.name for c, u in sorted(before.items()) if u})
    row = UnitChange(
        unit_code=sender,
        kind="merge" if len(sources) > 1 else "rename",
        decision=decision.strip(),
        effective_on=effective_on,
        sources=json.dumps(sources),
        target_code=target,
        target_name=" ".join(target_name.split()),
        details=details.dumps(),
        created_by=actor,
        updated_by=actor,
    )
    return save(session, row, actor)


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


def _held(session: Session, change_id: str) -> Change:
    row = session.get(UnitChange, change_id)
    if row is None:
        raise UnitChangeError(_("This change of units is not held here."))
    return _change(row, _applied(session))


def preview(session: Session, change_id: str) -> list[str]:
    """What applying the change does, in sentences: the change, the units added or renamed,
    and how many records of each unit before count under the unit after from its date."""
    change = _held(session, change_id)
    names = {c: units.label(session, c) for c in change.sources}
    lines = [change.sentence(names)]
    after = change.parts or (Part(change.target_code, change.target_name),)
    for part in after:
        if session.get(Unit, part.code) is None:
            lines.append(_("New unit: {name} ({code}).").format(name=part.name, code=part.code))
    date = format_date(change.effective_on)
    if change.kind == "split":
        lines += _split_lines(session, change, date)
    else:
        counts = _record_counts(session, list(change.sources))
        template = _(
            "{unit}: {count} records keep their unit; from {date} they count under {after}."
        )
        lines += [
            template.format(
                unit=names[c], count=counts.get(c, 0), date=date, after=change.target_name
            )
            for c in change.sources
        ]
    if change.applied:
        lines.append(_("Already applied here."))
    return lines


def _split_lines(session: Session, change: Change, date: str) -> list[str]:
    held = unit_records.root_ids(session, change.sources[0])
    assigned = change.details.assign
    per_part = {p.code: 0 for p in change.parts}
    for record_id in held:
        per_part[assigned.get(record_id, change.target_code)] += 1
    template = _("{unit}: from {date}, {count} records (with what belongs to them) count here.")
    return [template.format(unit=p.name, date=date, count=per_part[p.code]) for p in change.parts]


def _ensure_unit(session: Session, like: Unit, code: str, name: str) -> None:
    """The unit after a change in the catalogue, beside `like` (same province and type)."""
    province = units.get(session, like.province_code or "")
    unit = session.get(Unit, code)
    if unit is None:
        unit = Unit(
            code=code,
            division_type=like.division_type,
            level="commune",
            parent_code=like.parent_code,
            province_code=like.province_code,
            legacy=False,
        )
        session.add(unit)
    unit.name = name
    unit.name_folded = fold(f"{name} {province.name if province else ''}")
    unit.sort_key = collation_key(name)


def apply(session: Session, change_id: str, actor: str) -> Change:
    """Apply a change here: the units after are added (or renamed) in the catalogue, and
    indicators for periods from the effective date count the units before under them."""
    change = _held(session, change_id)
    if change.applied:
        return change
    first = session.get(Unit, change.sources[0])
    if first is None:
        raise UnitChangeError(_("{code} is not in the catalogue.").format(code=change.sources[0]))
    for part in change.parts or (Part(change.target_code, change.target_name),):
        if change.kind == "split" and part.code == first.code:
            continue  # the commune split keeps its name for the periods before
        _ensure_unit(session, first, part.code, part.name)
    applied = _applied(session) | {change.id}
    settings.set_json(session, APPLIED_KEY, sorted(applied))
    row = session.get(UnitChange, change.id)
    assert row is not None  # held: read just above
    audit(session, "update", row, None, {"applied": True}, actor)
    return replace(change, applied=True)


@dataclass(frozen=True)
class Split:
    """A split in force: the commune's root records by part (the rest in `default`)."""

    source: str
    default: str
    parts: tuple[str, ...]
    assign: dict[str, str]


@dataclass(frozen=True)
class InForce:
    """For a period: units counted under another (merges), units after that do not exist yet,
    and splits."""

    moved: dict[str, str]
    not_yet: set[str]
    splits: tuple[Split, ...]

    def __bool__(self) -> bool:
        return bool(self.moved or self.not_yet or self.splits)


def in_force(session: Session, on: dt.date) -> InForce:
    """The changes applied here that shape a period starting `on`."""
    moved: dict[str, str] = {}
    not_yet: set[str] = set()
    splits = []
    for change in listed(session):
        if not change.applied or change.kind == "rename":
            continue
        afters = [p.code for p in change.parts] or [change.target_code]
        if change.effective_on > on:
            not_yet.update(c for c in afters if c not in change.sources)
        elif change.kind == "merge":
            moved.update({c: change.target_code for c in change.sources if c != change.target_code})
        else:
            source = change.sources[0]
            splits.append(Split(source, change.target_code, tuple(afters), change.details.assign))
    return InForce(moved, not_yet, tuple(splits))


def names_on(session: Session, on: dt.date) -> dict[str, str]:
    """Units whose name on `on` is not today's: the names before changes applied here that
    take effect after `on` (the earliest such change gives the name)."""
    names: dict[str, str] = {}
    for change in reversed(listed(session)):
        if change.applied and change.effective_on > on:
            names.update(change.details.names_before)
    return names
