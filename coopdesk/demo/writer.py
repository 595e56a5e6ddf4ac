"""Bulk, deterministic row writing for the demo generator.

Rows are buffered per table and written with Core `executemany` in batches, parents before
children (foreign keys are checked at once). Rows carry the sync version of the generating
transaction (unless a row brings its own: the plans of the offices above, `demo.plans`), and
records with a natural key get the id sync derives from it: what the ORM hook of
`coopdesk.sync.versions` would have given them. Other ids are UUID-shaped strings whose
first 48 bits are a counter (from a seeded start), so each table's primary-key index is
appended to rather than split at random, and whose rest comes from the caller's seeded random
generator: same seed, same ids.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

from sqlalchemy import Connection, Table, insert

from coopdesk.db.models import Base
from coopdesk.sync.versions import NATURAL_KEYS, natural_id

# Every demo record was "entered" at this moment: fixed, so that output is reproducible.
DEMO_STAMP = dt.datetime(2026, 11, 15, 8, 0, tzinfo=dt.UTC)
DEMO_ACTOR = "demo"
BATCH_ROWS = 5000

_TABLE_ORDER = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}


def _defaults(table: Table) -> dict[str, Any]:
    """Column → value for a row that leaves the column out (same keys for every row)."""
    values: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key and column.autoincrement is True:
            continue
        default = column.default
        arg = getattr(default, "arg", None)
        values[column.name] = None if callable(arg) else arg
    if "created_at" in values:
        values.update(
            created_at=DEMO_STAMP,
            updated_at=DEMO_STAMP,
            created_by=DEMO_ACTOR,
            updated_by=DEMO_ACTOR,
        )
    return values


class Writer:
    """Collects rows and writes them in batches through one connection (one transaction)."""

    def __init__(
        self, conn: Connection, seed: int, version: str | None, batch_rows: int = BATCH_ROWS
    ) -> None:
        """`version` is the sync version every row gets (the one this transaction makes)."""
        self._conn = conn
        self._version = version
        self._batch_rows = batch_rows
        self._buffers: dict[str, list[dict[str, Any]]] = {}
        self._tables: dict[str, Table] = {}
        self._defaults: dict[str, dict[str, Any]] = {}
        self._pending = 0
        self._seq = random.Random(f"coopdesk-demo:{seed}:ids").getrandbits(46)
        self.counts: Counter[str] = Counter()

    def new_id(self, rng: random.Random) -> str:
        """A UUID-4-shaped id: 48-bit counter, then 74 random bits from `rng`."""
        self._seq += 1
        bits = rng.getrandbits(74)
        hi, mid, lo = bits >> 62, (bits >> 48) & 0x3FFF, bits & 0xFFFFFFFFFFFF
        s = f"{self._seq:012x}"
        return f"{s[:8]}-{s[8:]}-4{hi:03x}-{0x8000 | mid:04x}-{lo:012x}"

    def add(self, model: type[Base], row: dict[str, Any]) -> dict[str, Any]:
        table = model.__table__
        assert isinstance(table, Table)
        name = table.name
        if name not in self._tables:
            self._tables[name] = table
            self._defaults[name] = _defaults(table)
            if "version" in self._defaults[name]:
                self._defaults[name]["version"] = self._version
            self._buffers[name] = []
        full = {**self._defaults[name], **row}
        if name in NATURAL_KEYS:  # the id sync derives from the natural key
            full["id"] = natural_id(name, full)
        self._buffers[name].append(full)
        self.counts[name] += 1
        self._pending += 1
        if self._pending >= self._batch_rows:
            self.flush()
        return full

    def flush(self) -> None:
        """Write every buffered row, parent tables first."""
        for name in sorted(self._buffers, key=_TABLE_ORDER.__getitem__):
            rows = self._buffers[name]
            if rows:
                self._conn.execute(insert(self._tables[name]), rows)
                self._buffers[name] = []
        self._pending = 0
