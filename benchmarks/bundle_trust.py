"""Sealed bundles against plain ones: size and time, and the peak memory of refusing junk.

    .venv/bin/python benchmarks/bundle_trust.py [--records N]
    .venv/bin/python benchmarks/bundle_trust.py --junk-peak    (a 30 MB hostile file)

Prints medians of 5 runs; the figures are for the issue's note, not assertions.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import time
import zlib

from coopdesk.sync import bundle, canonical, envelope
from coopdesk.sync.identity import Identity, PublicKeys


def _body(n: int) -> dict:
    records = [
        {
            "t": "persons",
            "id": f"{i:032x}",
            "v": {"by": "r", "vv": {"r": i}},
            "d": {"full_name": f"Nguyễn Thị Hoa {i}", "birth_year": 1970 + i % 40, "unit": "03408"},
        }
        for i in range(n)
    ]
    return {"records": records}


def _median(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def overhead(n: int) -> None:
    commune, province = Identity.generate(), Identity.generate()
    inner = bundle.encode({"seq": 1, "records": n, "versions": n}, _body(n))
    sealed = envelope.seal(
        inner, sender=commune, sender_unit="03408", recipient_unit="12", recipient=province.public
    )
    mine = {province.public.key_id: province}

    def trust(unit: str, keys: PublicKeys) -> str:
        return "trusted"

    plain = _median(lambda: bundle.decode(inner))
    opened = _median(
        lambda: bundle.decode(envelope.open_sealed(sealed, mine=mine, trust=trust).inner)
    )
    print(
        f"{n} records: plain {len(inner)} B, sealed {len(sealed)} B (+{len(sealed) - len(inner)} B)"
    )
    print(f"  read: plain {plain * 1000:.1f} ms, open+read {opened * 1000:.1f} ms")


def junk_peak() -> None:
    """A 30 MB file: valid frame, a body declaring 1 GiB, junk after a tiny zlib stream."""
    body = canonical.dumps_bytes({"records": []})
    compressed = zlib.compress(body) + os.urandom(30 * 1024 * 1024)
    header: dict[str, object] = {
        "format": 1, "signature": None, "encryption": None, "seq": 1,
        "body": {"encoding": "zlib", "size": 1024 ** 3 - 1, "compressed_size": len(compressed),
                 "sha256": hashlib.sha256(body).hexdigest()},
    }  # fmt: skip
    header["bundle_id"] = hashlib.sha256(canonical.dumps_bytes(header)).hexdigest()[:32]
    raw = canonical.dumps_bytes(header)
    data = bundle.MAGIC + bundle._PREFIX.pack(1, len(raw)) + raw + compressed
    data += hashlib.sha256(data).digest()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        bundle.decode(data)
    except bundle.BundleError as exc:
        print(f"refused: {exc.kind} {exc.detail}")
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{len(data)} B file: {took * 1000:.0f} ms, peak RSS {peak / 1024:.0f} MiB "
          f"({before / 1024:.0f} MiB before reading, the file itself included)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="*", default=[100, 10_000, 100_000])
    parser.add_argument("--junk-peak", action="store_true")
    args = parser.parse_args()
    if args.junk_peak:
        junk_peak()
        return
    for n in args.records:
        overhead(n)


if __name__ == "__main__":
    main()
