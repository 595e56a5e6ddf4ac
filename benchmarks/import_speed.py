"""Bundle import against a raw sqlite3 upsert of the same rows into the same database.

    .venv/bin/python benchmarks/import_speed.py [--national /tmp/national/coopdesk.sqlite3]

Three sizes, each a real bundle through the real exporter and importer (`import_bundle`, with
every check, the merge by versions, the audit log and the import log), rolled back after each
run so that every run is the first:

- a commune's demo sent to its province (an empty province installation);
- a province's demo sent to the country (an empty national installation);
- the same commune bundle into a copy of the national demo (`--national`: a database of
  national size, installed as the commune's province, Lai Châu, as `coopdesk demo --scale
  national` makes it; the commune demo is drawn with another seed, so its records are new there).

The raw baseline writes the rows the import writes (the bundle's records as column values)
with one `INSERT … ON CONFLICT(id) DO UPDATE` per table through sqlite3's executemany, in one
transaction on the same file with CoopDesk's pragmas, also rolled back. `benchmarks/run.py`
prints these figures with the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import Figure, median_time, work_copy

NOW = dt.datetime(2026, 11, 20, 9, 0)
COMMUNE, PROVINCE, COUNTRY = "03408", "12", "VN"
PROVINCE_SEED = 7
GOAL = "≤ 2× (≥ 50 % of the raw speed)"


def _installation(folder: Path, unit: str) -> Any:
    """An empty installation of `unit` holding the unit's demo keys (it trusts its partners)."""
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.db.models import Unit
    from coopdesk.demo.keys import install_keys
    from coopdesk.services import database

    database.init_installation(folder, unit, "aggregator", "Lò Thị Mai")
    engine = open_database(folder, create=False)
    with session_scope(engine) as s:
        found = s.get(Unit, unit)
        assert found is not None
        install_keys(s, found)
    return engine


def _bundle(work: Path, scale: str, unit: str, seed: int, recipient: str) -> bytes:
    """The whole demo of `unit` at `scale`, exported to `recipient` (kept in `work` for the
    next run: a province's demo takes a minute to make)."""
    from coopdesk import demo
    from coopdesk.db.engine import open_database, session_scope
    from coopdesk.sync import exporter

    kept = work / f"{unit}-{scale}-{seed}-to-{recipient}.coopdesk"
    if kept.exists():
        return kept.read_bytes()
    folder = Path(tempfile.mkdtemp(prefix=f"{unit}-", dir=work))
    engine = open_database(folder)
    try:
        demo.generate(engine, scale, seed=seed, unit_code=unit)
        with session_scope(engine) as s:
            data = exporter.build(s, my_unit=unit, recipient_unit=recipient, now=NOW).data
    finally:
        engine.dispose()
    kept.write_bytes(data)
    return data


def _rows(session: Any, data: bytes) -> dict[str, list[dict[str, Any]]]:
    """The rows an import of `data` writes, per table: the records as the values SQLite is
    given (each column type's own conversion, as SQLAlchemy binds them)."""
    from coopdesk.sync import bundle, import_seal, versions
    from coopdesk.sync.records import data_to_values

    b, _opened = import_seal.open_for_import(
        session, data, apply=False, limits=bundle.DEFAULT_LIMITS
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for record in b.records:
        table = versions.table_for(record["t"])
        assert table is not None
        values = {"id": record["id"], **data_to_values(table, record["d"]), "version": "v"}
        out.setdefault(table.name, []).append(_bound(table, values, session.bind.dialect))
    return out


def _bound(table: Any, values: dict[str, Any], dialect: Any) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        out[name] = process(value) if process is not None and value is not None else value
    return out


def raw_upsert(db_file: Path, rows: dict[str, list[dict[str, Any]]]) -> Callable[[], None]:
    """One transaction of executemany upserts, parents first, rolled back."""
    from coopdesk.sync import versions

    order = [t.name for t in versions.synced_tables() if t.name in rows]

    def run() -> None:
        con = sqlite3.connect(db_file, isolation_level=None)
        try:
            con.execute("PRAGMA foreign_keys=ON")
            con.execute("PRAGMA synchronous=FULL")
            con.execute("BEGIN")
            for name in order:
                cols = list(rows[name][0])
                quoted = [f'"{c}"' for c in cols]
                updates = ", ".join(f"{c}=excluded.{c}" for c in quoted if c != '"id"')
                sql = (
                    f"INSERT INTO {name} ({', '.join(quoted)}) VALUES "
                    f"({', '.join('?' * len(cols))}) ON CONFLICT(id) DO UPDATE SET {updates}"
                )
                con.executemany(sql, [[r[c] for c in cols] for r in rows[name]])
            con.execute("ROLLBACK")
        finally:
            con.close()

    return run


def coopdesk_import(
    engine: Any, data: bytes, my_unit: str
) -> tuple[Callable[[], Any], set[tuple[str, str]]]:
    """The import as the Import page makes it (apply), rolled back; and the records it writes
    (a record held here already, such as the province's seed plan, is left as it is)."""
    from coopdesk.db.engine import session_scope
    from coopdesk.sync import importer

    def run() -> set[tuple[str, str]]:
        with session_scope(engine) as s:
            report = importer.import_bundle(s, data, my_unit=my_unit, apply=True, now=NOW)
            assert report.applied, report.message
            s.rollback()
            written = {"new", "updated", "conflicts"}
            return {(i.table, i.record_id) for i in report.items if i.outcome in written}

    return run, run()


def figure(name: str, engine: Any, db_file: Path, data: bytes, unit: str, repeat: int) -> Figure:
    from coopdesk.db.engine import session_scope

    run, written = coopdesk_import(engine, data, unit)
    with session_scope(engine) as s:
        rows = {
            table: [r for r in table_rows if (table, r["id"]) in written]
            for table, table_rows in _rows(s, data).items()
        }
    rows = {table: table_rows for table, table_rows in rows.items() if table_rows}
    records = sum(len(r) for r in rows.values())
    assert records == len(written), (records, len(written))
    ours = median_time(run, repeat)
    raw = median_time(raw_upsert(db_file, rows), repeat)
    note = f"{records:,} records: {records / ours:,.0f} vs {records / raw:,.0f} records/s"
    return Figure(name, ours, "sqlite3 upsert of the same rows", raw, GOAL, note=note)


def import_figures(work: Path, national_copy: Path | None, repeat: int) -> list[Figure]:
    """The three sizes; the national one only with a copy of a national database (imported
    into and rolled back: it is left as it was)."""
    from coopdesk import paths
    from coopdesk.db.engine import open_database

    work.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="import-", dir=work))
    commune_data = _bundle(work, "commune", COMMUNE, 1, PROVINCE)
    province_data = _bundle(work, "province", PROVINCE, PROVINCE_SEED, COUNTRY)
    out = []
    for name, folder, unit, data in (
        ("bundle import: a commune into its province", tmp / "p", PROVINCE, commune_data),
        ("bundle import: a province into the country", tmp / "vn", COUNTRY, province_data),
    ):
        engine = _installation(folder, unit)
        out.append(figure(name, engine, paths.db_path(folder), data, unit, repeat))
        engine.dispose()
    if national_copy is not None:
        engine = open_database(national_copy.parent, create=False)
        name = "bundle import: a commune into national data"
        out.append(figure(name, engine, national_copy, commune_data, PROVINCE, repeat))
        engine.dispose()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--national", type=Path, help="a national demo's database file")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "import-bench")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    copy = None if args.national is None else work_copy(args.national, args.work / "national")
    for f in import_figures(args.work, copy, args.repeat):
        print(f"{f.name}: {f.value * 1000:.0f} ms vs raw {f.raw * 1000:.0f} ms "
              f"({f.ratio:.1f}×); {f.note}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
