"""Build bundle bytes by hand, to test what the reader refuses."""

from __future__ import annotations

import hashlib
import zlib
from typing import Any

from coopdesk.sync import bundle, canonical


def forge(
    header: dict[str, Any], body_bytes: bytes, *, fmt: int = bundle.FORMAT, size: int | None = None
) -> bytes:
    compressed = zlib.compress(body_bytes, 6)
    header = dict(header)
    header["format"] = fmt
    header["body"] = {
        "encoding": "zlib",
        "size": len(body_bytes) if size is None else size,
        "compressed_size": len(compressed),
        "sha256": hashlib.sha256(body_bytes).hexdigest(),
    }
    header.setdefault("signature", None)
    header.setdefault("encryption", None)
    header.pop("bundle_id", None)
    header["bundle_id"] = hashlib.sha256(canonical.dumps_bytes(header)).hexdigest()[:32]
    header_bytes = canonical.dumps_bytes(header)
    data = bundle.MAGIC + bundle._PREFIX.pack(fmt, len(header_bytes)) + header_bytes + compressed
    return data + hashlib.sha256(data).digest()


def reseal(data: bytes) -> bytes:
    """Recompute the trailing checksum after editing bytes (as a forger would)."""
    body = data[: -bundle.DIGEST_SIZE]
    return body + hashlib.sha256(body).digest()


def split(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    decoded = bundle.decode(data)
    return decoded.header, decoded.body
