"""What reading the installation once per import saves: a people sheet previewed and imported
with `settings.installation_kept` (as CoopDesk does) and without it (the installation read
from the settings table at every call, about 3 per row), in turns, in one process, so a busy
machine slows both alike.

    .venv/bin/python benchmarks/excel_import_installation.py [--rows 5000] [--rounds 2]

Prints the seconds of each turn and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.excel_import import _sheet
from coopdesk import i18n
from coopdesk.db.engine import open_database, session_scope
from coopdesk.services import settings, units
from coopdesk.services.excel_import import apply, preview


@contextlib.contextmanager
def _read_each_time(session: Any) -> Iterator[None]:
    yield


def _turn(rows: int, kept: bool) -> float:
    with tempfile.TemporaryDirectory() as folder:
        engine = open_database(Path(folder))
        units.ensure_catalogues(engine)
        with session_scope(engine) as session:
            settings.save_installation(
                session,
                settings.Installation(unit_code="03408", role="commune", officer="Lò Thị Mai"),
            )
            path = _sheet(session, Path(folder) / "nguoi.xlsx", rows)
        keep = settings.installation_kept if kept else _read_each_time
        preview.installation_kept = apply.installation_kept = keep
        try:
            with session_scope(engine) as session:
                start = time.perf_counter()
                found = preview.preview(session, path, "people")
                apply.apply_import(session, found, "Lò Thị Mai")
                took = time.perf_counter() - start
        finally:
            preview.installation_kept = apply.installation_kept = settings.installation_kept
            engine.dispose()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    i18n.set_language("vi")
    times: dict[bool, list[float]] = {True: [], False: []}
    for _round in range(args.rounds):
        for kept in (False, True):
            times[kept].append(_turn(args.rows, kept))
            label = "kept once" if kept else "read each call"
            print(f"{label:15} {times[kept][-1]:.2f} s")
    before, after = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"rows: {args.rows}; preview + import, median: read each call {before:.2f} s, "
        f"kept once {after:.2f} s ({after / before:.0%} of the time)"
    )


if __name__ == "__main__":
    main()
