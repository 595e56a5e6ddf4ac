"""Build bundle bytes by hand, to test what the reader refuses.

`forge` makes a format-1 bundle (what the seal holds); `seal_as` seals it as a site would,
so the inner checks can be reached; `split` opens a sealed bundle with the keys of the run.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

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


def rehash_tail(data: bytes) -> bytes:
    """A forger's 're-sealing' of a sealed bundle: the last 64 bytes (the signature) replaced
    by a hash of the rest, as for the old unsigned format."""
    signed = data[: -envelope.SIGNATURE_SIZE]
    return signed + hashlib.sha512(signed).digest()


def reencrypt(data: bytes, inner: bytes, recipient: Site) -> bytes:
    """A genuine bundle's routing and signature around another content, encrypted to the
    recipient's public keys (which anyone may have): what a forger with a text editor and the
    registration file can make."""
    start = len(bundle.MAGIC) + envelope._PREFIX.size
    _fmt, routing_len = envelope._PREFIX.unpack_from(data, len(bundle.MAGIC))
    routing = data[start : start + routing_len]
    key = ChaCha20Poly1305.generate_key()
    slot = envelope._SUITE.encrypt(key, recipient.keys.box_key(), routing)
    content = ChaCha20Poly1305(key).encrypt(envelope._NONCE, inner, routing)
    return data[: start + routing_len] + slot + content + data[-envelope.SIGNATURE_SIZE :]
