"""Build bundle bytes by hand, to test what the reader refuses.

`forge` makes a format-1 bundle (what the seal holds); `seal_as` seals it as a site would,
so the inner checks can be reached; `split` opens a sealed bundle with the keys of the run.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import TYPE_CHECKING, Any

from coopdesk.sync import bundle, canonical, envelope, trust

if TYPE_CHECKING:
    from tests.sync.helpers import Site


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


def unseal(data: bytes) -> bytes:
    """The format-1 bundle inside a sealed one, opened with any key unlocked in this run."""
    opened = envelope.open_sealed(
        data, mine=dict(trust._UNLOCKED), trust=lambda _unit, _keys: "trusted"
    )
    return opened.inner


def seal_as(sender: Site, recipient: Site, inner: bytes, *, sender_unit: str = "") -> bytes:
    """`inner` sealed with `sender`'s keys for `recipient` (as `sender_unit`, by default the
    sender's own unit)."""
    with sender.session() as s:
        me, _mine = trust.unlocked(s)
    return envelope.seal(
        inner, sender=me, sender_unit=sender_unit or sender.unit,
        recipient_unit=recipient.unit, recipient=recipient.keys,
    )  # fmt: skip


def split(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and body of a sealed bundle."""
    decoded = bundle.decode(unseal(data))
    return decoded.header, decoded.body
