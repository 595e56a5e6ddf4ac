"""Checking a bundle's bookkeeping before anything uses it: numbers, knowledge, receipts.

The header's bundle number and the body's knowledge, base, receipts, replicas and retired
replicas are read by the import, by later exports and by `sync-status`; each is checked for
type and range here (64-bit counters, bounded bundle numbers, objects where objects are
expected, short ids), so a malformed bundle is refused with a message naming the field,
never stored and never a crash later. Preview and import run the same checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coopdesk.i18n import _
from coopdesk.sync import bundle
from coopdesk.sync.import_report import Refused
from coopdesk.sync.versions import MAX_COUNTER

MAX_SEQ = 1_000_000  # bundles per sender and recipient: one a day for 2,700 years
MAX_RECEIPTS = 1_000
MAX_REPLICAS = 100_000
ID_LENGTH = 36
UNIT_LENGTH = 12
BUNDLE_ID_LENGTH = 64


class _Bad(ValueError):
    """A bookkeeping field that does not have the expected shape; the message names it."""


def _text(value: Any, where: str, length: int) -> str:
    if not isinstance(value, str) or not value or len(value) > length:
        raise _Bad(_("{field}: expected a short text").format(field=where))
    return value


def _number(value: Any, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(_("{field}: expected a whole number").format(field=where))
    if not low <= value <= high:
        raise _Bad(
            _("{field}: the number {value} is out of range ({low}–{high})").format(
                field=where, value=value, low=low, high=high
            )
        )
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(_("{field}: expected an object").format(field=where))
    return value


def _list(value: Any, where: str, most: int) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad(_("{field}: expected a list").format(field=where))
    if len(value) > most:
        raise _Bad(_("{field}: more than {n} entries").format(field=where, n=most))
    return value


def check_seq(value: Any) -> int:
    """A bundle number: a whole number from 1 to MAX_SEQ."""
    return _number(value, "seq", 1, MAX_SEQ)


def _knowledge(value: Any, where: str) -> None:
    """{replica: {unit: counter}}, counters 0 … 2^63-1."""
    entries = _object(value, where)
    if len(entries) > MAX_REPLICAS:
        raise _Bad(_("{field}: more than {n} entries").format(field=where, n=MAX_REPLICAS))
    for replica, per_unit in entries.items():
        _text(replica, where, ID_LENGTH)
        for unit, counter in _object(per_unit, f"{where}.{replica[:8]}").items():
            _text(unit, f"{where}.{replica[:8]}", UNIT_LENGTH)
            _number(counter, f"{where}.{replica[:8]}.{unit}", 0, MAX_COUNTER)


def _receipts(value: Any) -> None:
    for n, receipt in enumerate(_list(value, "receipts", MAX_RECEIPTS)):
        where = f"receipts[{n + 1}]"
        item = _object(receipt, where)
        if set(item) != {"bundle_id", "seq", "sender_replica", "imported_at"}:
            raise _Bad(_("{field}: unexpected fields").format(field=where))
        _text(item["bundle_id"], f"{where}.bundle_id", BUNDLE_ID_LENGTH)
        check_seq(item["seq"])
        _text(item["sender_replica"], f"{where}.sender_replica", ID_LENGTH)
        try:
            dt.datetime.fromisoformat(_text(item["imported_at"], f"{where}.imported_at", 32))
        except ValueError as exc:
            raise _Bad(_("{field}: expected a date and time").format(field=where)) from exc


def _replicas(value: Any) -> None:
    entries = _object(value, "replicas")
    if len(entries) > MAX_REPLICAS:
        raise _Bad(_("{field}: more than {n} entries").format(field="replicas", n=MAX_REPLICAS))
    for replica, info in entries.items():
        where = f"replicas.{str(replica)[:8]}"
        _text(replica, "replicas", ID_LENGTH)
        item = _object(info, where)
        if set(item) - {"install", "unit"}:
            raise _Bad(_("{field}: unexpected fields").format(field=where))
        if item.get("install", "") != "":
            _text(item["install"], f"{where}.install", ID_LENGTH)
        _text(item.get("unit"), f"{where}.unit", UNIT_LENGTH)


def _retired(value: Any) -> None:
    for n, replica in enumerate(_list(value, "retired", MAX_REPLICAS)):
        _text(replica, f"retired[{n + 1}]", ID_LENGTH)


def _header(header: dict[str, Any]) -> None:
    check_seq(header.get("seq"))
    sender = _object(header.get("sender"), "sender")
    _text(sender.get("replica"), "sender.replica", ID_LENGTH)
    _text(sender.get("unit"), "sender.unit", UNIT_LENGTH)
    if sender.get("install", "") != "":
        _text(sender.get("install"), "sender.install", ID_LENGTH)
    _text(_object(header.get("recipient"), "recipient").get("unit"), "recipient.unit", 12)


def check_bookkeeping(b: bundle.Bundle) -> None:
    """Refused ("broken", naming the field) unless every bookkeeping field has its shape."""
    body = b.body
    try:
        _header(b.header)
        for name in ("knowledge", "base"):
            if body.get(name) is not None:
                _knowledge(body[name], name)
        if body.get("receipts") is not None:
            _receipts(body["receipts"])
        if body.get("replicas") is not None:
            _replicas(body["replicas"])
        if body.get("retired") is not None:
            _retired(body["retired"])
    except _Bad as exc:
        raise Refused(
            "broken",
            _(
                "This bundle's bookkeeping is malformed, so it was refused and nothing was "
                "changed. Ask the sender to export it again.\n• {problem}"
            ).format(problem=exc),
        ) from exc
