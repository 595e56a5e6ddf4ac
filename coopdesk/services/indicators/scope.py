"""Which units' records an indicator counts: a commune alone, a province with its communes, or
the whole country, and how they fold into the children shown in the overview's table."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, not_, select, true
from sqlalchemy.orm import Session

from coopdesk.db.models import Unit
from coopdesk.domain.periods import Period
from coopdesk.domain.unit_changes import root_columns
from coopdesk.i18n import _
from coopdesk.services import unit_changes
from coopdesk.services.units import COUNTRY_CODE, LEGACY_PREFIX, UnknownUnit


@dataclass
class Scope:
    """The units whose records count, and how they fold into the unit's children."""

    unit_code: str | None  # None = the whole country
    name: str
    level: str  # national | province | commune
    leaves: list[str] | None  # unit codes whose records count (None = all)
    child_of: dict[str, str]  # leaf unit → child unit shown in the table
    children: list[tuple[str, str]]  # (code, name) in display order
    units_in: Select[Any] | None = None  # instead of `leaves`: the units this query selects
    splits: tuple[unit_changes.Split, ...] = ()  # communes split before the period

    def leaf(self, table_name: str, cols: Any) -> Any:
        """The unit a row of `table_name` (columns `cols`: an entity, alias or `.c`) counts
        under: its own, or for a commune split before the period the part its root record
        was assigned to (domain.unit_changes)."""
        unit = cols.unit_code
        if not self.splits:
            return unit
        names = root_columns(table_name)
        root = (
            getattr(cols, names[0])
            if len(names) == 1
            else func.coalesce(*(getattr(cols, n) for n in names))
        )
        whens: list[Any] = []
        for split in self.splits:
            for part in split.parts:
                ids = sorted(r for r, code in split.assign.items() if code == part)
                if ids and part != split.default:
                    whens.append((and_(unit == split.source, root.in_(ids)), literal(part)))
            whens.append((unit == split.source, literal(split.default)))
        return case(*whens, else_=unit)

    def keeps(self, leaf: str) -> bool:
        """Whether values counted under `leaf` belong to this scope (a commune after a split
        holds the split commune's records of every part; only its own part counts)."""
        return not any(
            leaf in split.parts and leaf != self.unit_code
            for split in self.splits
            if self.level == "commune"
        )

    def filter(self, column: Any) -> ColumnElement[bool]:
        if self.units_in is not None:
            return column.in_(self.units_in)
        if self.leaves is None:
            return true()
        if len(self.leaves) == 1:
            return column == self.leaves[0]
        return column.in_(self.leaves)


def resolve_scope(session: Session, unit_code: str | None, period: Period | None = None) -> Scope:
    """The subtree of a unit: a commune alone; a province with its communes; None/"VN" = country.

    With a period, units merged by a change applied here (services.unit_changes) count under
    the unit after from its effective date, and a unit after is absent before it."""
    scope = _subtree(session, unit_code)
    return scope if period is None else _as_in(session, scope, period)


def _as_in(session: Session, scope: Scope, period: Period) -> Scope:
    return _named_as_in(session, _counted_as_in(session, scope, period), period)


def _named_as_in(session: Session, scope: Scope, period: Period) -> Scope:
    """The unit and its children under the names they had when the period began."""
    names = unit_changes.names_on(session, period.start)
    if not names:
        return scope
    children = [(code, names.get(code, name)) for code, name in scope.children]
    return replace(scope, name=names.get(scope.unit_code or "", scope.name), children=children)


def _counted_as_in(session: Session, scope: Scope, period: Period) -> Scope:
    changes = unit_changes.in_force(session, period.start)
    if not changes:
        return scope
    moved, splits = changes.moved, changes.splits
    if scope.level == "commune":
        merged = [code for code, after in sorted(moved.items()) if after == scope.unit_code]
        split_from = [s.source for s in splits if scope.unit_code in s.parts]
        leaves = [*(scope.leaves or []), *merged, *(c for c in split_from if c != scope.unit_code)]
        return replace(scope, leaves=leaves, splits=splits)
    if scope.level == "national":
        return replace(scope, splits=splits)
    gone = set(moved) | changes.not_yet | {s.source for s in splits if s.source not in s.parts}
    child_of = {leaf: moved.get(leaf, child) for leaf, child in scope.child_of.items()}
    child_of.update({part: part for s in splits for part in s.parts})
    children = [(code, name) for code, name in scope.children if code not in gone]
    return replace(scope, child_of=child_of, children=children, splits=splits)


def _subtree(session: Session, unit_code: str | None) -> Scope:
    if unit_code is None or unit_code == COUNTRY_CODE:
        current = select(Unit.code).where(
            Unit.level == "province", not_(Unit.code.startswith(LEGACY_PREFIX))
        )
        provinces = [
            (r.code, r.name)
            for r in session.execute(
                select(Unit.code, Unit.name).where(Unit.code.in_(current)).order_by(Unit.code)
            )
        ]
        child_of = {code: code for code, _name in provinces}
        for code, parent in session.execute(
            select(Unit.code, Unit.parent_code).where(Unit.parent_code.in_(current))
        ):
            child_of[code] = parent
        return Scope(None, _("Whole country"), "national", None, child_of, provinces)
    unit = session.get(Unit, unit_code)
    if unit is None:
        raise UnknownUnit(_("There is no unit with the code {code}.").format(code=unit_code))
    if unit.level == "province":
        communes = session.execute(
            select(Unit.code, Unit.name, Unit.sort_key)
            .where(Unit.parent_code == unit.code)
            .order_by(Unit.code)  # the official (GSO) order, as in reports
        ).all()
        leaves = [unit.code, *(c.code for c in communes)]
        child_of = {c.code: c.code for c in communes}
        return Scope(
            unit.code, unit.name, "province", leaves, child_of, [(c.code, c.name) for c in communes]
        )
    return Scope(unit.code, unit.name, "commune", [unit.code], {}, [])
