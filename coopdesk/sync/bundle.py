"""The `.coopdesk` bundle file: a small header, a compressed canonical-JSON body, a checksum.

Layout (all integers big-endian):

    MAGIC (16 bytes) | format (u16) | header length (u32) | header (canonical JSON)
    | body (zlib of canonical JSON) | SHA-256 of everything before (32 bytes)

The header names the bundle, its sender and recipient, the scope, the per-sender sequence
number, the record counts and the body's sizes and checksum, and has room for a signature
and an encrypted body (a later format). Reading checks sizes before parsing, bounds the
decompression to the declared size, and parses strictly (canonical.loads). Writing goes to a
temporary name, is flushed to disk, renamed, then read back and verified: a stick pulled out
mid-write leaves no file that looks like a valid bundle.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopdesk.sync import canonical

MAGIC = b"COOPDESK-BUNDLE\x00"
FORMAT = 1
SUFFIX = ".coopdesk"
_PREFIX = struct.Struct(">HI")
DIGEST_SIZE = 32
ZLIB_LEVEL = 6
_CHUNK = 1024 * 1024  # decompression step: memory grows only with real output


@dataclass(frozen=True)
class Limits:
    max_file: int = 256 * 1024 * 1024
    max_header: int = 64 * 1024
    max_body: int = 1024 * 1024 * 1024
    max_ratio: int = 200  # uncompressed / compressed, beyond which it is a bomb
    max_records: int = 5_000_000


DEFAULT_LIMITS = Limits()


class BundleError(Exception):
    """A file that is not a bundle this CoopDesk can read; `kind` says why."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind  # broken | newer | too_large | not_bundle
        self.detail = detail


@dataclass
class Bundle:
    header: dict[str, Any]
    body: dict[str, Any]
    size: int = 0
    raw_sha256: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def bundle_id(self) -> str:
        return str(self.header["bundle_id"])

    @property
    def records(self) -> list[dict[str, Any]]:
        return list(self.body.get("records", []))


def encode(header: dict[str, Any], body: dict[str, Any]) -> bytes:
    """The bytes of a bundle. The header's body fields and bundle_id are filled here, so the
    same header and body always give the same bytes."""
    body_bytes = canonical.dumps_bytes(body)
    compressed = zlib.compress(body_bytes, ZLIB_LEVEL)
    header = dict(header)
    header["format"] = FORMAT
    header["body"] = {
        "encoding": "zlib",
        "size": len(body_bytes),
        "compressed_size": len(compressed),
        "sha256": hashlib.sha256(body_bytes).hexdigest(),
    }
    header.setdefault("signature", None)
    header.setdefault("encryption", None)
    header.pop("bundle_id", None)
    header["bundle_id"] = hashlib.sha256(canonical.dumps_bytes(header)).hexdigest()[:32]
    header_bytes = canonical.dumps_bytes(header)
    data = MAGIC + _PREFIX.pack(FORMAT, len(header_bytes)) + header_bytes + compressed
    return data + hashlib.sha256(data).digest()


def decode(data: bytes, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """Check and parse a bundle's bytes; raises BundleError."""
    fmt, header_start, body_start = _check_frame(data, limits)
    header, info = _read_header(data[header_start:body_start], fmt)
    _check_declared_counts(header, limits)
    body_bytes = _inflate(data[body_start:-DIGEST_SIZE], info, limits)
    _check_bundle_id(header)
    body = _read_body(body_bytes, limits)
    return Bundle(header, body, len(data), hashlib.sha256(data).hexdigest())


def _check_frame(data: bytes, limits: Limits) -> tuple[int, int, int]:
    """The file's size, magic, format and checksum; (format, header start, body start)."""
    if len(data) > limits.max_file:
        raise BundleError("too_large", f"{len(data)} bytes")
    if not data.startswith(MAGIC[:8]):
        raise BundleError("not_bundle")
    if len(data) < len(MAGIC) + _PREFIX.size + DIGEST_SIZE or not data.startswith(MAGIC):
        raise BundleError("broken", "too short")
    fmt, header_len = _PREFIX.unpack_from(data, len(MAGIC))
    if fmt > FORMAT:
        raise BundleError("newer", f"format {fmt}")
    if fmt < 1:
        raise BundleError("broken", f"format {fmt}")
    if hashlib.sha256(data[:-DIGEST_SIZE]).digest() != data[-DIGEST_SIZE:]:
        raise BundleError("broken", "checksum")
    if header_len > limits.max_header:
        raise BundleError("too_large", "header")
    start = len(MAGIC) + _PREFIX.size
    body_start = start + header_len
    if body_start > len(data) - DIGEST_SIZE:
        raise BundleError("broken", "header length")
    return fmt, start, body_start


def _read_header(raw: bytes, fmt: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The parsed header and its description of the body."""
    try:
        header = canonical.loads(raw)
    except canonical.CanonicalError as exc:
        raise BundleError("broken", f"header: {exc}") from exc
    if not isinstance(header, dict):
        raise BundleError("broken", "header")
    if header.get("format") != fmt:
        raise BundleError("broken", "format mismatch")
    if header.get("encryption") is not None:
        raise BundleError("newer", "encrypted body")
    info = header.get("body")
    if not isinstance(info, dict) or info.get("encoding") != "zlib":
        raise BundleError("broken", "body description")
    return header, info


def _inflate(compressed: bytes, info: dict[str, Any], limits: Limits) -> bytes:
    """The body's bytes, decompressed in bounded steps no further than its declared size;
    anything after the end of the compressed stream is refused, checksum checked."""
    size = info.get("size")
    if not isinstance(size, int) or size < 0 or info.get("compressed_size") != len(compressed):
        raise BundleError("broken", "body size")
    if size > limits.max_body or size > max(len(compressed), 1024) * limits.max_ratio:
        raise BundleError("too_large", "body")
    inflater = zlib.decompressobj()
    out = bytearray()
    pending = compressed
    try:
        while pending and not inflater.eof and len(out) <= size:
            out += inflater.decompress(pending, min(_CHUNK, size + 1 - len(out)))
            pending = inflater.unconsumed_tail
    except zlib.error as exc:
        raise BundleError("broken", f"body: {exc}") from exc
    if inflater.unused_data or pending:
        raise BundleError("broken", "bytes after the compressed body")
    if len(out) != size or not inflater.eof:
        raise BundleError("broken", "body size")
    body_bytes = bytes(out)
    if hashlib.sha256(body_bytes).hexdigest() != info.get("sha256"):
        raise BundleError("broken", "body checksum")
    return body_bytes


def _check_declared_counts(header: dict[str, Any], limits: Limits) -> None:
    """The header's record counts within the limits, before anything is decompressed."""
    for name in ("records", "versions"):
        count = header.get(name, 0)
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise BundleError("broken", f"header {name}")
        if count > limits.max_records:
            raise BundleError("too_large", name)


def _check_bundle_id(header: dict[str, Any]) -> None:
    """The bundle id is the hash of the rest of the header."""
    expected_id = dict(header)
    expected_id.pop("bundle_id", None)
    if (
        header.get("bundle_id")
        != hashlib.sha256(canonical.dumps_bytes(expected_id)).hexdigest()[:32]
    ):
        raise BundleError("broken", "bundle id")


def _read_body(body_bytes: bytes, limits: Limits) -> dict[str, Any]:
    try:
        body = canonical.loads(body_bytes)
    except canonical.CanonicalError as exc:
        raise BundleError("broken", f"body: {exc}") from exc
    if not isinstance(body, dict) or not isinstance(body.get("records"), list):
        raise BundleError("broken", "body")
    if len(body["records"]) > limits.max_records:
        raise BundleError("too_large", "records")
    return body


def read(path: Path, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """Read and check a bundle file, refusing an oversized one before reading it."""
    try:
        size = path.stat().st_size
        if size > limits.max_file:
            raise BundleError("too_large", f"{size} bytes")
        with path.open("rb") as fh:
            data = fh.read(limits.max_file + 1)
    except OSError as exc:
        raise BundleError("unreadable", str(exc)) from exc
    return decode(data, limits)


def write(path: Path, data: bytes) -> Path:
    """Write bundle bytes safely: temp name, fsync, rename, fsync the folder, read back (the
    bytes compared; a sealed bundle's content was checked before it was sealed)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        dir_fd = -1
    if dir_fd >= 0:
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)
    if path.read_bytes() != data:
        path.unlink(missing_ok=True)
        raise BundleError("broken", "the file read back differs from what was written")
    return path
