"""The benchmark suite of the issue "National scale": every figure beside its raw baseline,
measured in the same run on the same file, printed as a table with ratios.

    .venv/bin/python -m coopdesk demo --data-dir /tmp/national --scale national   # 15–30 min
    .venv/bin/python benchmarks/run.py --data-dir /tmp/national --json /tmp/bench.json

The database measured is opened read-only or copied: figures that must change something (a
cold start of the indicators deletes the stored values) run on a copy made with SQLite's backup
API in --work (default: a folder beside --json, or a temporary one). The machine's load is
printed with the table: figures taken while other work runs are slower than the machine is.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import figures, import_speed


def _table(rows: list[figures.Figure]) -> str:
    lines = [f"{'figure':<46} {'CoopDesk':>11} {'raw':>11} {'ratio':>8}  goal", "-" * 92]
    for f in rows:
        scale, unit = (1000, "ms") if f.unit == "s" else (1, f.unit)
        lines.append(
            f"{f.name:<46} {f.value * scale:>8.1f} {unit:<2} {f.raw * scale:>8.1f} {unit:<2} "
            f"{f.ratio:>7.1f}×  {f.goal} (raw: {f.raw_name}){'; ' + f.note if f.note else ''}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--work", type=Path, help="folder for the copy (default: temporary)")
    parser.add_argument("--province", default="01", help="a province code (default Hà Nội)")
    parser.add_argument("--year", default="2026")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--unit", default="VN", help="whose People list is searched")
    parser.add_argument(
        "--login",
        nargs=2,
        default=("admin", "coopdesk-demo"),
        metavar=("NAME", "PASSWORD"),
        help="the account the start-up figure logs in with (default: the demo's administrator)",
    )
    args = parser.parse_args()

    from coopdesk import paths
    from coopdesk.db.engine import open_database

    db_file = paths.db_path(args.data_dir)
    if not db_file.exists():
        print(f"No database in {args.data_dir}; make one with `coopdesk demo`.", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="coopdesk-bench-"))
    load_before = os.getloadavg()
    rows = [
        figures.startup(args.data_dir, args.repeat, tuple(args.login)),
        figures.cli_start(args.repeat),
    ]
    engine = open_database(args.data_dir, create=False)
    rows += figures.search(db_file, engine, args.unit, args.repeat)
    engine.dispose()
    copy = figures.work_copy(db_file, work)
    rows += import_speed.import_figures(work / "import", copy, min(args.repeat, 3))
    rows += figures.indicators(copy, args.province, args.year, args.repeat)
    rows.append(figures.province_cli(copy, args.province, args.repeat))
    rows.append(figures.people_page_memory(args.data_dir))
    size = db_file.stat().st_size / 1e9
    print(f"{db_file} ({size:.2f} GB); {platform.platform()}; {os.cpu_count()} cores")
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}")
    print(_table(rows))
    if args.json:
        out = {"database": str(db_file), "load": [load_before[0], os.getloadavg()[0]],
               "figures": [f.as_dict() for f in rows]}  # fmt: skip
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
