"""The bundle reader's file-level limits: trailing bytes, declared counts, bounded inflation."""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

import pytest

from coopdesk.sync import bundle, canonical


def _frame(header: dict[str, Any], compressed: bytes, body: bytes) -> bytes:
    header = {
        **header,
        "format": bundle.FORMAT,
        "signature": None,
        "encryption": None,
        "body": {
            "encoding": "zlib",
            "size": len(body),
            "compressed_size": len(compressed),
            "sha256": hashlib.sha256(body).hexdigest(),
        },
    }
    header["bundle_id"] = hashlib.sha256(canonical.dumps_bytes(header)).hexdigest()[:32]
    raw = canonical.dumps_bytes(header)
    data = bundle.MAGIC + bundle._PREFIX.pack(bundle.FORMAT, len(raw)) + raw + compressed
    return data + hashlib.sha256(data).digest()


BODY = canonical.dumps_bytes({"records": []})


def test_a_genuine_frame_reads() -> None:
    assert bundle.decode(_frame({"seq": 1}, zlib.compress(BODY), BODY)).body == {"records": []}


def test_bytes_after_the_compressed_stream_are_refused() -> None:
    junk = zlib.compress(BODY) + b"\x00" * 100_000
    with pytest.raises(bundle.BundleError) as refused:
        bundle.decode(_frame({"seq": 1}, junk, BODY))
    assert refused.value.kind == "broken" and "after" in refused.value.detail


def test_declared_counts_beyond_the_limit_refused_before_inflating() -> None:
    limits = bundle.Limits(max_records=10)
    for name, value, kind in (
        ("records", 11, "too_large"),
        ("versions", 10**15, "too_large"),
        ("records", -1, "broken"),
        ("records", [1], "broken"),
        ("versions", True, "broken"),
    ):
        # the body is not even zlib: the counts are refused before it is looked at
        data = _frame({"seq": 1, name: value}, b"not zlib", BODY)
        with pytest.raises(bundle.BundleError) as refused:
            bundle.decode(data, limits)
        assert refused.value.kind == kind, (name, value)
