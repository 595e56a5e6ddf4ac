"""Indicator values kept in the database, so the overview of a province or the whole country
adds up a few hundred stored rows instead of counting millions of records.

For a period, `indicator_summaries` holds:
- "u:<unit>": the partial values of one current unit's own records (a province's or a
  commune's; an empty row for a unit with no records, so that "nothing" is known too);
- "t:<province>": the province with its communes (the sum of its "u:" rows);
- "t:~": every unit outside today's provinces (pre-2025 units, the country itself);
- "t:*": the whole country.

Triggers (`coopdesk.db.summary_triggers`) delete every row a change to the records can make
stale, in the same transaction as the change. What is missing is computed from the records
with `.counting` — the changed communes alone, or the whole country in one pass when much is
missing — and stored.

The rows are written in the caller's transaction (the caller commits, as for any service).
Correctness does not depend on timing: SQLite's `data_version` is read before anything is
computed and again once this connection holds the write lock (nobody else can commit after
that until the caller does); if another connection committed in between, the values may be
stale and are returned, not stored. A session that has written records and not committed
computes everything from the records and stores nothing.

On PostgreSQL every write the triggers see takes an advisory lock shared (`db.postgres`); a
rollup stores values only when it gets that lock alone before reading anything (no other
transaction has uncommitted writes; new ones wait in their trigger until the caller commits),
else it computes from the records and stores nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, delete, func, not_, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from coopdesk.db import postgres
from coopdesk.db.bulk import insert_rows
from coopdesk.db.models import IndicatorSummary, Unit
from coopdesk.domain.periods import Period
from coopdesk.services.indicators.national import compute_by_period
from coopdesk.services.indicators.national import partials as compute_partials
from coopdesk.services.indicators.scope import Scope
from coopdesk.services.indicators.values import Partials, Value, empty, fold

# Bump whenever what an indicator counts changes: rows computed by another formula are then
# ignored and replaced.
FORMULA = 2

# With more units missing than this, one pass over the whole country is quicker than
# asking for each of them (a unit costs a few milliseconds; the country about three seconds).
WHOLE_COUNTRY_ABOVE = 400

COUNTRY = "t:*"
OUTSIDE = "t:~"

Rollup = tuple[dict[str, Value], dict[str, dict[str, Value]]]

# session.info: (connection, total_changes), or on PostgreSQL (transaction, rows changed)
_WRITTEN = "coopdesk.indicator_summaries_written"


# --- stored form ---------------------------------------------------------------------------


def period_key(period: Period) -> str:
    """The key of a period, "2025-01-01..2025-12-31|2025"; the years a period counts are
    consecutive, written as the first and the last ("|2021-2025"), so a key fits its column
    (48) on every engine."""
    first, last = period.years[0], period.years[-1]
    years = str(first) if first == last else f"{first}-{last}"
    return f"{period.start.isoformat()}..{period.end.isoformat()}|{years}"


def encode(values: dict[str, Value]) -> str:
    """Non-zero values as compact JSON: code → [numerator, denominator, [[part, amount]…]]."""
    if not values:  # a unit with no records
        return "{}"
    out: dict[str, list[Any]] = {}
    for code, value in values.items():
        if not value.numerator and not value.denominator and not value.breakdown:
            continue
        out[code] = [
            str(value.numerator),
            None if value.denominator is None else str(value.denominator),
            [[part, str(amount)] for part, amount in value.breakdown.items()],
        ]
    return json.dumps(out, separators=(",", ":"), sort_keys=True)


def decode(text: str) -> dict[str, Value]:
    values = empty()
    for code, (numerator, denominator, parts) in json.loads(text).items():
        value = values.get(code)
        if value is None:  # an indicator that no longer exists
            continue
        value.numerator = Decimal(numerator)
        if denominator is not None:
            value.denominator = Decimal(denominator)
        value.breakdown = {part: Decimal(amount) for part, amount in parts}
    return values


# --- the rows, in the caller's transaction -------------------------------------------------


def _data_version(session: Session) -> int:
    return int(session.execute(text("PRAGMA data_version")).scalar_one())


def _sqlite(session: Session) -> sqlite3.Connection | None:
    if session.get_bind().dialect.name != "sqlite":
        return None
    dbapi = session.connection().connection.dbapi_connection
    return dbapi if isinstance(dbapi, sqlite3.Connection) else None


def _server_writes(session: Session) -> tuple[Any, int]:
    """PostgreSQL: (this transaction's id, or None while it has written nothing; the rows it
    has changed in tables other than the summaries)."""
    xid, changed = session.execute(
        text(
            "SELECT pg_current_xact_id_if_assigned()::text, (SELECT coalesce(sum(n_tup_ins + "
            "n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables WHERE relname <> :own)"
        ),
        {"own": IndicatorSummary.__tablename__},
    ).one()
    return xid, int(changed)


def _server_may_store(session: Session) -> bool:
    """PostgreSQL: this transaction has written nothing but stored values, and holds the
    summaries' lock alone (until the caller commits)."""
    writes = _server_writes(session)
    if writes[0] is not None and session.info.get(_WRITTEN) != writes:
        return False  # this session has written: count its own, uncommitted records
    lock = text("SELECT pg_try_advisory_xact_lock(:key)").bindparams(key=postgres.SUMMARY_LOCK)
    return bool(session.execute(lock).scalar_one())


def _only_summaries_pending(session: Session, dbapi: sqlite3.Connection) -> bool:
    """Nothing but stored values was written in this transaction (by an earlier rollup)."""
    return session.info.get(_WRITTEN) == (id(dbapi), dbapi.total_changes)


class _Store:
    """Reads and writes `indicator_summaries` through the caller's session."""

    def __init__(self, session: Session, dbapi: sqlite3.Connection | None, period: Period) -> None:
        self.session = session
        self.dbapi = dbapi  # None: on PostgreSQL, under the summaries' lock
        self.period = period
        self.key = period_key(period)
        self.version = None if dbapi is None else _data_version(session)
        self.new: dict[str, str] = {}

    @classmethod
    def open(cls, session: Session, period: Period) -> _Store | None:
        dbapi = _sqlite(session)
        if dbapi is None:
            if session.get_bind().dialect.name != "postgresql" or not _server_may_store(session):
                return None
            return cls(session, None, period)
        if dbapi.in_transaction and not _only_summaries_pending(session, dbapi):
            return None  # this session has written: count its own, uncommitted records
        return cls(session, dbapi, period)

    def read(self, scopes: Sequence[str]) -> dict[str, dict[str, Value]]:
        found: dict[str, dict[str, Value]] = {}
        s = IndicatorSummary
        for start in range(0, len(scopes), 500):
            chunk = scopes[start : start + 500]
            for scope, payload in self.session.execute(
                select(s.scope, s.payload).where(
                    s.period == self.key, s.formula == FORMULA, s.scope.in_(chunk)
                )
            ):
                found[scope] = decode(payload)
        return found

    def count_units(self) -> int:
        """How many units have stored values of this period."""
        s = IndicatorSummary
        return int(
            self.session.execute(
                select(func.count()).where(
                    s.period == self.key, s.formula == FORMULA, s.scope.startswith("u:")
                )
            ).scalar_one()
        )

    def put(self, scope: str, values: dict[str, Value]) -> None:
        self.new[scope] = encode(values)

    def close(self, ok: bool) -> None:
        """Write what was computed into the caller's transaction, unless another connection
        has committed since the values were read (they may be stale: nothing is written)."""
        if not ok or not self.new:
            return
        s = IndicatorSummary
        try:  # the first write takes the lock: from here on nobody else commits
            for chunk in _chunks(list(self.new)):
                self.session.execute(
                    delete(s).where(s.period == self.key, s.scope.in_(chunk)),
                    execution_options={"synchronize_session": False},
                )
        except OperationalError:  # busy: leave the values uncomputed for next time
            return
        if self.dbapi is not None and _data_version(self.session) != self.version:
            return
        insert_rows(  # one executemany of plain rows, in the dialect's parameter style
            self.session,
            cast(Table, IndicatorSummary.__table__),
            [
                {"scope": scope, "period": self.key, "formula": FORMULA, "payload": payload}
                for scope, payload in self.new.items()
            ],
        )
        if self.dbapi is None:
            self.session.info[_WRITTEN] = _server_writes(self.session)
        else:
            self.session.info[_WRITTEN] = (id(self.dbapi), self.dbapi.total_changes)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# --- the tree of current units -------------------------------------------------------------


@dataclass
class _Tree:
    provinces: dict[str, list[str]]  # province → its leaves: itself, then its units

    @property
    def leaves(self) -> set[str]:
        return {leaf for leaves in self.provinces.values() for leaf in leaves}


def _current_provinces() -> Any:
    return select(Unit.code).where(Unit.level == "province", not_(Unit.code.startswith("old:")))


def _tree(scope: Scope) -> _Tree:
    """The country's provinces and their units, from the national scope."""
    provinces: dict[str, list[str]] = {code: [code] for code, _name in scope.children}
    for unit, province in sorted(scope.child_of.items()):
        if unit != province and province in provinces:
            provinces[province].append(unit)
    return _Tree(provinces)


def _units_scope(leaves: list[str] | None) -> Scope:
    return Scope(None, "", "units", leaves, {}, [])


def _outside_scope() -> Scope:
    """The units no current province holds: pre-2025 units and the country itself."""
    provinces = _current_provinces()
    outside = select(Unit.code).where(
        Unit.code.not_in(provinces),
        or_(Unit.parent_code.is_(None), Unit.parent_code.not_in(provinces)),
    )
    return Scope(None, "", "units", [], {}, [], units_in=outside)


# --- rolling up ----------------------------------------------------------------------------


class _Rollup:
    def __init__(self, session: Session, store: _Store, period: Period) -> None:
        self.session = session
        self.store = store
        self.period = period
        self.everything: Partials | None = None  # the whole country's partials, if computed

    def leaves(self, leaves: list[str]) -> dict[str, dict[str, Value]]:
        """Each leaf's own values: stored, or computed (and stored) for the missing ones.
        Computed ones are sparse (an indicator not counted is absent: zero); fold them."""
        stored = self.store.read([f"u:{leaf}" for leaf in leaves])
        values = {leaf: stored[f"u:{leaf}"] for leaf in leaves if f"u:{leaf}" in stored}
        missing = [leaf for leaf in leaves if leaf not in values]
        if not missing:
            return values
        if self.everything is not None or len(missing) > WHOLE_COUNTRY_ABOVE:
            partials = self._everything()
        else:
            partials = compute_partials(self.session, _units_scope(missing), self.period)
        for leaf in missing:
            values[leaf] = partials.get(leaf, {})
            self.store.put(f"u:{leaf}", values[leaf])
        return values

    def needs_everything(self, scope: Scope) -> bool:
        """Whether the whole country is to be counted: its total is not stored and more than
        `WHOLE_COUNTRY_ABOVE` of its units are missing (an estimate is enough)."""
        if self.store.read([COUNTRY]):
            return False
        return len(_tree(scope).leaves) - self.store.count_units() > WHOLE_COUNTRY_ABOVE

    def run(self, scope: Scope, children: bool) -> Rollup:
        if scope.level == "national":
            return self.country(scope)
        if scope.level == "province":
            return self.province(scope, children)
        return self.commune(scope)

    def _everything(self) -> Partials:
        if self.everything is None:
            self.everything = compute_partials(self.session, _units_scope(None), self.period)
        return self.everything

    def outside(self, tree: _Tree) -> dict[str, Value]:
        stored = self.store.read([OUTSIDE])
        if OUTSIDE in stored:
            return stored[OUTSIDE]
        if self.everything is not None:
            inside = tree.leaves
            values = fold(v for unit, v in self.everything.items() if unit not in inside)
        else:
            values = fold(compute_partials(self.session, _outside_scope(), self.period).values())
        self.store.put(OUTSIDE, values)
        return values

    def commune(self, scope: Scope) -> Rollup:
        """A commune's values; with the communes merged into it for the period (leaves)."""
        assert scope.unit_code is not None
        leaves = self.leaves(scope.leaves or [scope.unit_code])
        return fold(leaves.values()), {}

    def province(self, scope: Scope, children: bool) -> Rollup:
        assert scope.unit_code is not None and scope.leaves is not None
        total_key = f"t:{scope.unit_code}"
        if not children:  # the total alone: stored, its communes need not be read
            stored = self.store.read([total_key]).get(total_key)
            if stored is not None:
                return stored, {}
        leaves = self.leaves(scope.leaves)
        by_child = {
            code: fold(v for leaf, v in leaves.items() if scope.child_of.get(leaf) == code)
            for code, _name in scope.children
        }  # a child's own leaf, and the communes merged into it for the period
        total = self.store.read([total_key]).get(total_key)
        if total is None:
            total = fold(leaves.values())
            self.store.put(total_key, total)
        return total, by_child

    def country(self, scope: Scope) -> Rollup:
        tree = _tree(scope)
        wanted = [COUNTRY, *(f"t:{code}" for code in tree.provinces)]
        stored = self.store.read(wanted)
        totals = {code: stored.get(f"t:{code}") for code in tree.provinces}
        missing = [code for code, total in totals.items() if total is None]
        if missing:
            leaves = self.leaves([leaf for code in missing for leaf in tree.provinces[code]])
            for code in missing:
                summed = fold(leaves[leaf] for leaf in tree.provinces[code])
                totals[code] = summed
                self.store.put(f"t:{code}", summed)
        total = stored.get(COUNTRY)
        if total is None:
            parts: Iterable[dict[str, Value]] = [
                *(v for v in totals.values() if v is not None),
                self.outside(tree),
            ]
            total = fold(parts)
            self.store.put(COUNTRY, total)
        by_child = {code: totals.get(code) or empty() for code, _name in scope.children}
        return total, by_child


def _direct(session: Session, scope: Scope, period: Period) -> Rollup:
    """From the records alone (used when this session has uncommitted writes)."""
    partials = compute_partials(session, scope, period)
    by_child: dict[str, list[dict[str, Value]]] = {code: [] for code, _name in scope.children}
    for leaf, values in partials.items():
        child = scope.child_of.get(leaf)
        if child in by_child and child != scope.unit_code:
            by_child[child].append(values)
    kept = [values for leaf, values in partials.items() if scope.keeps(leaf)]
    return fold(kept), {code: fold(parts) for code, parts in by_child.items()}


def rollup(session: Session, scope: Scope, period: Period, children: bool = True) -> Rollup:
    """The scope's values and its children's (when `children`; a province's may be left out,
    as {}), from stored rows where they are current (and the missing ones stored, in the
    caller's transaction)."""
    return rollups(session, scope, [period], children)[0]


def rollups(
    session: Session, scope: Scope, periods: Sequence[Period], children: bool = True
) -> list[Rollup]:
    """`rollup` for several periods (the chart's years): the whole country, where it must be
    counted for several of them, is counted for all of them in one pass over each table."""
    # Stored values are per unit; a split divides a unit's records, so they are counted afresh.
    opened = [] if scope.splits else [_Store.open(session, period) for period in periods]
    stores = [store for store in opened if store is not None]
    if not opened or len(stores) < len(opened):
        return [_direct(session, scope, period) for period in periods]
    ok = False
    try:
        works = [_Rollup(session, store, store.period) for store in stores]
        if scope.level == "national":
            _count_country_together(session, [w for w in works if w.needs_everything(scope)])
        results = [work.run(scope, children) for work in works]
        ok = True
        return results
    finally:
        for store in stores:
            store.close(ok)


def _count_country_together(session: Session, works: list[_Rollup]) -> None:
    if works:
        counted = compute_by_period(session, _units_scope(None), [w.period for w in works])
        for work, partials in zip(works, counted, strict=True):
            work.everything = partials


def forget(session: Session) -> int:
    """Delete every stored value (they are computed again when asked for); returns how many."""
    result = session.execute(delete(IndicatorSummary))
    return int(getattr(result, "rowcount", 0))
