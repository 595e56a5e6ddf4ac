"""Who may write what, and who holds what (DESIGN.md §5, scope).

A commune writes only its own unit's records. A province (aggregator) writes records of its
subtree: its own, targets/plans it sends down, and corrections to its communes' records. A
recipient holds records of its own subtree, plus the plans, targets and assignments of the
units above it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopdesk.db.models import Unit

DOWNWARD_TABLES = frozenset({"plans", "targets", "assignments", "unit_changes"})
# Sensitive personal data (ethnicity, disability, poverty, victim and hoàn lương status) and
# the consents for it (DOMAIN.md §5): only another computer of the same unit needs them; the
# units above get counts of priority women instead.
SENSITIVE_TABLES = frozenset({"person_sensitive", "consents"})


@dataclass
class UnitTree:
    parents: dict[str, str | None]
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> UnitTree:
        rows = session.execute(select(Unit.code, Unit.parent_code, Unit.name)).all()
        return cls({r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows})

    def known(self, code: str) -> bool:
        return code in self.parents

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def within(self, code: str, root: str) -> bool:
        """`code` is `root` or below it."""
        seen = 0
        current: str | None = code
        while current is not None and seen < 16:
            if current == root:
                return True
            current = self.parents.get(current)
            seen += 1
        return False

    def ancestors(self, code: str) -> list[str]:
        """The units above `code`, nearest first."""
        out: list[str] = []
        current = self.parents.get(code)
        while current is not None and current not in out and len(out) < 16:
            out.append(current)
            current = self.parents.get(current)
        return out

    def related(self, a: str, b: str) -> bool:
        return self.within(a, b) or self.within(b, a)

    def children(self, code: str) -> list[str]:
        return sorted(c for c, p in self.parents.items() if p == code)


def may_write(tree: UnitTree, writer: str, unit_code: str) -> bool:
    return tree.within(unit_code, writer)


def holds(tree: UnitTree, holder: str, writer: str, table: str, unit_code: str) -> bool:
    if tree.within(unit_code, holder):
        return True
    return table in DOWNWARD_TABLES and unit_code == writer and tree.within(holder, writer)


def relays(tree: UnitTree, writer: str, holder: str, table: str, unit_code: str) -> bool:
    """`writer` passes down what a unit above it sent (national targets reach the communes
    through their province): a plan, target or assignment of `unit_code` above `writer`, to a
    holder at or below `writer`."""
    return (
        table in DOWNWARD_TABLES
        and unit_code != writer
        and tree.within(writer, unit_code)
        and tree.within(holder, writer)
    )


def in_scope(tree: UnitTree, writer: str, holder: str, table: str, unit_code: str) -> bool:
    """A record of `unit_code` in `table` may travel from `writer` to `holder`."""
    if relays(tree, writer, holder, table, unit_code):
        return True
    return may_write(tree, writer, unit_code) and holds(tree, holder, writer, table, unit_code)


def carries_sensitive(writer: str, holder: str) -> bool:
    """Sensitive details and consents may travel from `writer` to `holder`: the same unit."""
    return writer == holder


def unit_in_scope(tree: UnitTree, writer: str, holder: str, unit_code: str) -> bool:
    """Some record of `unit_code` may travel from `writer` to `holder`."""
    return in_scope(tree, writer, holder, next(iter(DOWNWARD_TABLES)), unit_code)
