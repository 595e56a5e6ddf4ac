"""How fast the overview's numbers come, at national scale, against raw SQLite baselines.

    .venv/bin/python -m coopdesk demo --data-dir /tmp/national --scale national   # ~4–15 min
    .venv/bin/python benchmarks/indicators.py --data-dir /tmp/national

Every figure is the median of --repeat runs in this process, with the operating system's file
cache warm (the first read of a 2.7 GB file from disk is the disk's speed, not ours). Each is
printed next to a raw baseline measured in the same run, on the same file:

- "raw scan": plain sqlite3 counting the rows the indicators read (people, roles,
  participations, cooperatives): the least any computation from the records can cost;
- "raw read": plain sqlite3 reading and parsing this period's stored province rows: the
  least reading stored values can cost.

The benchmark changes no record. It touches rows with `UPDATE … SET notes = notes` (the triggers
fire as for a real edit, nothing changes) and deletes the stored summaries, which are derived
data and are computed again on the next overview.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coopdesk import paths  # noqa: E402
from coopdesk.db.engine import open_database, session_scope  # noqa: E402
from coopdesk.domain.periods import Period  # noqa: E402
from coopdesk.services import indicators  # noqa: E402
from coopdesk.services.indicators import summary as indicator_summary  # noqa: E402

CHART_YEARS = range(2023, 2031)


def median_time(
    fn: Callable[[], Any], repeat: int, before: Callable[[], Any] | None = None
) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Bench:
    def __init__(self, data_dir: Path, period: Period, repeat: int) -> None:
        self.db_file = paths.db_path(data_dir)
        self.engine = open_database(data_dir, create=False)
        self.raw = sqlite3.connect(self.db_file)
        self.raw.execute("PRAGMA busy_timeout=10000")
        self.period = period
        self.repeat = repeat
        self.rows: list[tuple[str, float, str, float]] = []

    # --- baselines ---------------------------------------------------------------------

    def raw_scan(self) -> None:
        for sql in (
            "SELECT count(*), sum(gender = 'F') FROM people WHERE deleted_at IS NULL",
            "SELECT count(*), count(DISTINCT cooperative_id) FROM roles",
            "SELECT count(*), sum(completed) FROM participations",
            "SELECT count(*), sum(hoi_supported) FROM cooperatives",
        ):
            self.raw.execute(sql).fetchall()

    def raw_read(self) -> None:
        key = indicator_summary.period_key(self.period)
        for (payload,) in self.raw.execute(
            "SELECT payload FROM indicator_summaries WHERE period = ? AND scope LIKE 't:%'",
            (key,),
        ):
            json.loads(payload)

    # --- what the application does -----------------------------------------------------

    def overview(self, unit: str | None) -> None:
        with session_scope(self.engine) as s:
            indicators.compute(s, unit, self.period)

    def chart(self, unit: str | None) -> None:
        with session_scope(self.engine) as s:
            indicators.compute_by_year(s, unit, CHART_YEARS, until=dt.date.today())

    def forget(self) -> None:
        with self.raw:
            self.raw.execute("DELETE FROM indicator_summaries")

    def touch_people(self, where: str, params: tuple[Any, ...] = (), limit: int = 1) -> int:
        """An edit that changes nothing: the triggers fire as for a real one."""
        with self.raw:
            cur = self.raw.execute(
                f"UPDATE people SET notes = notes WHERE id IN "
                f"(SELECT id FROM people WHERE {where} LIMIT {limit})",
                params,
            )
        return cur.rowcount

    def touch_each_commune(self, province: str) -> None:
        communes = [
            r[0]
            for r in self.raw.execute("SELECT code FROM units WHERE parent_code = ?", (province,))
        ]
        for code in communes:
            self.touch_people("unit_code = ?", (code,))

    # --- the run -----------------------------------------------------------------------

    def row(self, what: str, seconds: float, base_name: str, base: float) -> None:
        self.rows.append((what, seconds, base_name, base))
        print(f"{what:<58} {seconds * 1000:9.1f} ms  {seconds / base:8.1f} × {base_name}")

    def run(self, province: str, commune: str) -> None:
        r = self.repeat
        self.overview(None)  # warm the file cache and the stored values
        scan = median_time(self.raw_scan, r)
        read = median_time(self.raw_read, r)
        print(
            f"period {self.period.key}; raw scan {scan * 1000:.1f} ms; raw read {read * 1000:.2f} ms"
        )
        print()
        self.row(
            "country, nothing stored (first overview)",
            median_time(lambda: self.overview(None), r, self.forget),
            "raw scan",
            scan,
        )
        self.row("country, stored", median_time(lambda: self.overview(None), r), "raw read", read)
        self.row(
            "country after one person edited",
            median_time(lambda: self.overview(None), r, lambda: self.touch_people("1")),
            "raw scan",
            scan,
        )
        self.row(
            f"country after every commune of {province} changed",
            median_time(lambda: self.overview(None), r, lambda: self.touch_each_commune(province)),
            "raw scan",
            scan,
        )
        self.chart(None)
        self.row(
            "country chart 2023–2030, stored",
            median_time(lambda: self.chart(None), r),
            "raw read",
            read,
        )
        self.row(
            "country chart 2023–2030, nothing stored",
            median_time(lambda: self.chart(None), max(1, r // 2), self.forget),
            "raw scan",
            scan,
        )
        self.row(
            f"province {province}, nothing stored",
            median_time(lambda: self.overview(province), r, self.forget),
            "raw scan",
            scan,
        )
        self.row(
            f"province {province}, stored",
            median_time(lambda: self.overview(province), r),
            "raw read",
            read,
        )
        self.row(
            f"commune {commune}, nothing stored",
            median_time(lambda: self.overview(commune), r, self.forget),
            "raw scan",
            scan,
        )
        self.row(
            f"commune {commune}, stored",
            median_time(lambda: self.overview(commune), r),
            "raw read",
            read,
        )
        # what the triggers cost a write: 5,000 people rows touched, values stored vs not
        self.forget()
        empty = median_time(lambda: self.touch_people("1", limit=5000), r)
        self.overview(None)
        kept = median_time(
            lambda: self.touch_people("1", limit=5000), r, lambda: self.overview(None)
        )
        print()
        print(f"{'5,000 people edited, nothing stored (triggers idle)':<58} {empty * 1000:9.1f} ms")
        print(
            f"{'5,000 people edited, values stored (triggers delete)':<58} {kept * 1000:9.1f} ms"
            f"  {kept / empty:8.1f} × idle"
        )
        rows, size = self.raw.execute(
            "SELECT count(*), coalesce(sum(length(payload)), 0) FROM indicator_summaries"
        ).fetchone()
        print(f"stored: {rows} rows, {size / 1024:.0f} KB of values")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--period", default="2026")
    parser.add_argument("--province", default="01", help="a province code (default Hà Nội)")
    parser.add_argument("--commune", default="00004", help="a commune code")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not paths.db_path(args.data_dir).exists():
        print(
            f"No database in {args.data_dir}. Make one with:\n"
            f"  .venv/bin/python -m coopdesk demo --data-dir {args.data_dir} --scale national",
            file=sys.stderr,
        )
        return 2
    bench = Bench(args.data_dir, Period.parse(args.period), args.repeat)
    bench.run(args.province, args.commune)
    return 0


if __name__ == "__main__":
    sys.exit(main())
