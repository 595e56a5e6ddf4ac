"""A commune's whole demo data sent to its province: sealed bundle against plain, through the
real exporter and importer.

    .venv/bin/python benchmarks/sealed_import.py [--scale commune] [--runs 3]

Builds a commune demo database (its keys trust the province's demo keys) and a province
installation with the province's demo keys, then measures the bundle's size sealed and
plain (the format-1 bundle inside the seal), the export, and the import (preview + merge,
rolled back after each run) of the sealed file against the same import of the plain bundle
with the seal step left out. Prints medians; the figures are for the issue's note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopdesk import demo
from coopdesk.db.engine import open_database, session_scope
from coopdesk.db.models import Unit
from coopdesk.demo.keys import install_keys
from coopdesk.services import database
from coopdesk.sync import bundle, envelope, exporter, import_seal, importer, trust
from coopdesk.sync.identity import Identity

NOW = dt.datetime(2026, 11, 20, 9, 0)
PROVINCE = "12"


def _median(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _sites(root: Path) -> tuple[Any, Any]:
    commune = open_database(root / "commune")
    demo.generate(commune, "commune", seed=1)
    database.init_installation(root / "province", PROVINCE, "aggregator", "Lò Thị Mai")
    province = open_database(root / "province", create=False)
    with session_scope(province) as s:
        unit = s.get(Unit, PROVINCE)
        assert unit is not None
        install_keys(s, unit)
    return commune, province


def _import(engine: Any, data: bytes) -> int:
    """Preview then merge, as an officer does; rolled back so that every run is the first."""
    with session_scope(engine) as s:
        preview = importer.import_bundle(s, data, my_unit=PROVINCE, apply=False, now=NOW)
        assert not preview.refused, preview.message
        s.rollback()
        report = importer.import_bundle(s, data, my_unit=PROVINCE, apply=True, now=NOW)
        assert report.applied, report.message
        s.rollback()
        return report.counts["new"]


def _without_seal(inner: bytes) -> Callable[..., Any]:
    """The seal step replaced by reading the plain bundle (what the import did before)."""
    opened = envelope.Opened(inner, "03408", Identity.generate().public, True)

    def open_plain(_session: Any, _data: bytes, **_kw: Any) -> Any:
        return bundle.decode(inner), opened

    return open_plain


def _interleaved(province: Any, sealed: bytes, inner: bytes, runs: int) -> tuple[float, float]:
    """Median seconds of the sealed import and of the plain one, run in turns (the machine's
    load then weighs on both alike)."""
    times: dict[str, list[float]] = {"sealed": [], "plain": []}
    real_open = import_seal.open_for_import
    for _ in range(runs):
        for kind in ("sealed", "plain"):
            if kind == "plain":
                import_seal.open_for_import = _without_seal(inner)
            try:
                start = time.perf_counter()
                _import(province, sealed if kind == "sealed" else inner)
                times[kind].append(time.perf_counter() - start)
            finally:
                import_seal.open_for_import = real_open
    return statistics.median(times["sealed"]), statistics.median(times["plain"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        commune, province = _sites(Path(tmp))
        with session_scope(commune) as s:
            start = time.perf_counter()
            result = exporter.build(s, my_unit="03408", recipient_unit=PROVINCE, now=NOW)
            export_s = time.perf_counter() - start
            s.rollback()
        sealed = result.data
        with session_scope(province) as s:
            _me, mine = trust.unlocked(s)
        inner = envelope.open_sealed(sealed, mine=mine, trust=lambda _u, _k: "trusted").inner
        print(f"{result.records} records ({result.header['versions']} versions)")
        print(f"  size: plain {len(inner):,} B, sealed {len(sealed):,} B "
              f"(+{len(sealed) - len(inner)} B, {100 * (len(sealed) / len(inner) - 1):.2f} %)")  # fmt: skip
        print(f"  export (sealed, once): {export_s * 1000:.0f} ms")
        new = _import(province, sealed)  # warm-up
        sealed_s, plain_s = _interleaved(province, sealed, inner, args.runs)
        print(f"  preview + import ({new} new): plain {plain_s * 1000:.0f} ms, "
              f"sealed {sealed_s * 1000:.0f} ms ({(sealed_s - plain_s) * 1000:+.0f} ms)")  # fmt: skip
        seal_only = _median(lambda: envelope.open_sealed(
            sealed, mine=mine, trust=lambda _u, _k: "trusted"), 5)  # fmt: skip
        print(f"  checking the signature and decrypting alone: {seal_only * 1000:.1f} ms")
        commune.dispose()
        province.dispose()


if __name__ == "__main__":
    main()
