"""The sealed bundle: a format-1 bundle encrypted to its recipient and signed by its sender.

Layout (integers big-endian):

    MAGIC (16 bytes) | format 2 (u16) | routing length (u16) | routing (canonical JSON)
    | one key slot per recipient key: a random content key, HPKE-sealed to that key
      (X25519, HKDF-SHA256, ChaCha20-Poly1305; info = the routing bytes), 80 bytes each
    | the bundle, ChaCha20-Poly1305 under the content key (associated data: the routing)
    | Ed25519 signature over everything before (64 bytes)

A unit may work on more than one computer (a second laptop): the bundle for it is sealed to
every key the trust list holds for that unit, and any of them opens it. The clear routing
holds only what is needed before decryption: the sender's unit and public keys, the
recipient's unit and key ids, and the length of what follows (a file cut off while copying
is told apart from one whose signature does not match). No replica, install id or record count is readable
without the recipient's key. `open_sealed` checks, in order and before anything is
decompressed or parsed beyond the small routing: size, frame, recipient, the sender's key in
the trust list (revoked or, for a merge, unconfirmed keys are refused), the signature, then
decrypts. The plaintext is then read by `coopdesk.sync.bundle.decode` with its own limits.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from coopdesk.sync import bundle, canonical
from coopdesk.sync.identity import Identity, Link, PublicKeys, check_link

FORMAT = 2
_PREFIX = struct.Struct(">HH")
SIGNATURE_SIZE = 64
MAX_ROUTING = 4096
MAX_RECIPIENTS = 16
MAX_ANNOUNCEMENTS = 4  # the sender's last key changes, each signed by the key before
SLOT_SIZE = 32 + 32 + 16  # HPKE encapsulated key, content key, tag
_NONCE = bytes(12)  # each content key seals one bundle only
_TAG_SIZE = 16
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)

# The trust list's answer about a sender's keys for a unit: "trusted", "revoked" or "unknown".
TrustLookup = Callable[[str, PublicKeys], str]


class SealError(bundle.BundleError):
    """A sealed bundle refused before its content was read; `kind` says why: recipient,
    signature, revoked, unknown_sender, unsigned (a bundle of the old, unsigned format),
    announcement (a new key whose announcement is not signed by the key it claims to follow)."""


@dataclass(frozen=True)
class Opened:
    inner: bytes  # the format-1 bundle
    sender_unit: str
    sender: PublicKeys
    confirmed: bool  # the sender's keys are trusted here (False only when previewing)
    # the trusted keys the sender's new keys follow, through the announcements it carries
    follows: tuple[Link, ...] = ()


def seal(inner: bytes, *, sender: Identity, sender_unit: str, recipient_unit: str,
         recipient: PublicKeys | Sequence[PublicKeys],
         announce: Sequence[dict[str, str]] = ()) -> bytes:  # fmt: skip
    """Encrypt a format-1 bundle to `recipient` (one key, or each of a unit's keys) and sign
    it as `sender`; `announce`: the sender's key changes (oldest first, the last naming
    `sender`'s keys), so a recipient that trusts an older key takes the new one."""
    recipients = [recipient] if isinstance(recipient, PublicKeys) else list(recipient)
    if not 0 < len(recipients) <= MAX_RECIPIENTS:
        raise ValueError(f"{len(recipients)} recipient keys")
    keys = sender.public
    fields: dict[str, Any] = {
        "format": FORMAT,
        "sender": {"unit": sender_unit, "sign": _b64(keys.sign), "box": _b64(keys.box)},
        "recipient": {"unit": recipient_unit, "keys": [r.key_id for r in recipients]},
        "length": SLOT_SIZE * len(recipients) + len(inner) + _TAG_SIZE,
    }
    if announce:
        fields["announce"] = list(announce)[-MAX_ANNOUNCEMENTS:]
    routing = canonical.dumps_bytes(fields)
    content_key = ChaCha20Poly1305.generate_key()
    slots = b"".join(_SUITE.encrypt(content_key, r.box_key(), routing) for r in recipients)
    ciphertext = slots + ChaCha20Poly1305(content_key).encrypt(_NONCE, inner, routing)
    signed = bundle.MAGIC + _PREFIX.pack(FORMAT, len(routing)) + routing + ciphertext
    return signed + sender.signer.sign(signed)


def open_sealed(
    data: bytes,
    *,
    mine: dict[str, Identity],
    trust: TrustLookup,
    allow_unconfirmed: bool = False,
    limits: bundle.Limits = bundle.DEFAULT_LIMITS,
) -> Opened:
    """The plaintext bundle of `data`, sealed for one of `mine` (by key id); SealError."""
    routing_raw, routing, ciphertext = _frame(data, limits)
    recipient = routing["recipient"]
    slot = next((i for i, key in enumerate(recipient["keys"]) if key in mine), None)
    if slot is None:
        raise SealError("recipient", str(recipient["unit"]))
    me = mine[recipient["keys"][slot]]
    sender_unit = routing["sender"]["unit"]
    keys = PublicKeys(_unb64(routing["sender"]["sign"]), _unb64(routing["sender"]["box"]))
    status = trust(sender_unit, keys)
    follows: tuple[Link, ...] = ()
    if status == "unknown" and routing.get("announce"):
        status, follows = _announced(routing["announce"], sender_unit, keys, trust)
    if status == "revoked":
        raise SealError("revoked", sender_unit)
    if status != "trusted" and not allow_unconfirmed:
        raise SealError("unknown_sender", sender_unit)
    try:
        keys.verifier().verify(data[-SIGNATURE_SIZE:], data[:-SIGNATURE_SIZE])
    except (InvalidSignature, ValueError) as exc:
        raise SealError("signature", sender_unit) from exc
    content = ciphertext[SLOT_SIZE * len(recipient["keys"]) :]
    try:
        content_key = _SUITE.decrypt(
            ciphertext[SLOT_SIZE * slot :][:SLOT_SIZE], me.box, routing_raw
        )
        inner = ChaCha20Poly1305(content_key).decrypt(_NONCE, content, routing_raw)
    except (InvalidTag, ValueError) as exc:
        raise SealError("broken", "ciphertext") from exc
    return Opened(inner, sender_unit, keys, status == "trusted", follows)


def _announced(
    links: list[Any], unit: str, keys: PublicKeys, trust: TrustLookup
) -> tuple[str, tuple[Link, ...]]:
    """(status, the links from a key trusted here to `keys`), walking the announcements from
    the newest: "trusted" when they reach a trusted key, "revoked" when they reach a revoked
    one (a lost laptop's key cannot vouch for new keys), else "unknown"; SealError
    announcement when a link's signature or chaining does not hold."""
    path: list[Link] = []
    wanted = keys
    for raw in reversed(links):
        try:
            link = check_link(raw, unit)
        except ValueError as exc:
            raise SealError("announcement", unit) from exc
        if link.new != wanted:
            raise SealError("announcement", unit)
        path.insert(0, link)
        status = trust(unit, link.old)
        if status in ("trusted", "revoked"):
            return status, tuple(path)
        wanted = link.old
    return "unknown", ()


def open_bundle(
    data: bytes,
    *,
    mine: dict[str, Identity],
    trust: TrustLookup,
    allow_unconfirmed: bool = False,
    limits: bundle.Limits = bundle.DEFAULT_LIMITS,
) -> tuple[bundle.Bundle, Opened]:
    """The sealed bundle opened and read, its inner header naming the same sender unit and
    recipient as the signed routing (a trusted commune cannot seal a bundle claiming to be
    the province's); BundleError."""
    opened = open_sealed(
        data, mine=mine, trust=trust, allow_unconfirmed=allow_unconfirmed, limits=limits
    )
    b = bundle.decode(opened.inner, limits)
    sender, recipient = b.header.get("sender"), b.header.get("recipient")
    routing = routing_of(data, limits)
    if (
        not isinstance(sender, dict)
        or not isinstance(recipient, dict)
        or sender.get("unit") != opened.sender_unit
        or recipient.get("unit") != routing["recipient"]["unit"]
    ):
        raise SealError("signature", opened.sender_unit)
    return b, opened


def routing_of(data: bytes, limits: bundle.Limits = bundle.DEFAULT_LIMITS) -> dict[str, Any]:
    """The clear routing of a sealed bundle (who claims to send it, to whom); SealError."""
    return _frame(data, limits)[1]


def _frame(data: bytes, limits: bundle.Limits) -> tuple[bytes, dict[str, Any], bytes]:
    """(routing bytes, routing, ciphertext) after the size, magic and format checks."""
    if len(data) > limits.max_file:
        raise SealError("too_large", f"{len(data)} bytes")
    if not data.startswith(bundle.MAGIC[:8]):
        raise SealError("not_bundle")
    start = len(bundle.MAGIC) + _PREFIX.size
    if len(data) < start + SIGNATURE_SIZE or not data.startswith(bundle.MAGIC):
        raise SealError("broken", "too short")
    fmt, routing_len = _PREFIX.unpack_from(data, len(bundle.MAGIC))
    if fmt == bundle.FORMAT:
        raise SealError("unsigned")
    if fmt > FORMAT:
        raise SealError("newer", f"format {fmt}")
    if fmt != FORMAT or routing_len > MAX_ROUTING or start + routing_len > len(data) - 64:
        raise SealError("broken", "frame")
    routing_raw = data[start : start + routing_len]
    routing = _routing(routing_raw)
    ciphertext = data[start + routing_len : -SIGNATURE_SIZE]
    if len(ciphertext) != routing["length"]:  # cut off while copying, or bytes added
        raise SealError("broken", "length")
    return routing_raw, routing, ciphertext


def _routing(raw: bytes) -> dict[str, Any]:
    try:
        routing = canonical.loads(raw)
    except canonical.CanonicalError as exc:
        raise SealError("broken", "routing") from exc
    sender = routing.get("sender") if isinstance(routing, dict) else None
    recipient = routing.get("recipient") if isinstance(routing, dict) else None
    if (
        not isinstance(sender, dict)
        or not isinstance(recipient, dict)
        or routing.get("format") != FORMAT
        or not all(isinstance(sender.get(k), str) for k in ("unit", "sign", "box"))
        or not isinstance(recipient.get("unit"), str)
        or not isinstance(recipient.get("keys"), list)
        or not 0 < len(recipient["keys"]) <= MAX_RECIPIENTS
        or not all(isinstance(k, str) for k in recipient["keys"])
        or type(routing.get("length")) is not int
        or routing["length"] < SLOT_SIZE * len(recipient["keys"]) + _TAG_SIZE
        or not isinstance(routing.get("announce", []), list)
        or len(routing.get("announce", [])) > MAX_ANNOUNCEMENTS
    ):
        raise SealError("broken", "routing")
    _unb64(sender["sign"])
    _unb64(sender["box"])
    return routing


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise SealError("broken", "key") from exc
    if len(raw) != 32:
        raise SealError("broken", "key")
    return raw
