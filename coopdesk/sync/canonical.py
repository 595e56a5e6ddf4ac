"""Canonical JSON: one spelling for one value, and a strict reader that refuses the rest.

Canonical: sorted keys, no spaces, UTF-8, strings in NFC, no floats (Decimals travel as
strings). The reader refuses duplicate keys, NaN/Infinity, floats, huge integers and deep
nesting, so a hostile or damaged bundle cannot smuggle in ambiguity or exhaust memory.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, Numeric, String, Text
from sqlalchemy.sql.schema import Column

from coopdesk.i18n import _

MAX_DEPTH = 16
MAX_INT_DIGITS = 19
INT_LIMIT = 2**31  # an Integer column holds -2^31 … 2^31-1 (PostgreSQL's integer)
BIG_LIMIT = 2**63  # a BigInteger column, and every counter, holds 64 bits


class CanonicalError(ValueError):
    """Input that is not strict, canonical-compatible JSON."""


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return _nfc_dict(value)
    if isinstance(value, list | tuple):
        return [_nfc_item(v) for v in value]
    if isinstance(value, float):
        raise CanonicalError(_("decimal numbers must be written as text"))
    return value


def _nfc_dict(value: dict[Any, Any]) -> dict[Any, Any]:
    """`_nfc` of a dict, with no call for ASCII keys and the common scalars (most of a bundle)."""
    out = {}
    for key, item in value.items():
        if type(key) is not str or not key.isascii():
            key = _nfc(key)
        kind = type(item)
        if kind is str:
            if not item.isascii():
                item = unicodedata.normalize("NFC", item)
        elif not (item is None or kind is int or kind is bool):
            item = _nfc(item)
        out[key] = item
    return out


def _nfc_item(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return value if value.isascii() else unicodedata.normalize("NFC", value)
    if value is None or kind is int or kind is bool:
        return value
    return _nfc(value)


def dumps(value: Any) -> str:
    """The canonical text of a JSON-able value (dict, list, str, int, bool, None)."""
    return json.dumps(_nfc(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps_fields(fields: dict[str, Any]) -> str:
    """`dumps` of a record's fields as `sync.records` makes them (one level of texts in NFC,
    whole numbers, booleans and nulls): the same text without walking the values again, for
    the audit event of every record an import writes."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps_bytes(value: Any) -> bytes:
    return dumps(value).encode("utf-8")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise CanonicalError(_("the field “{key}” appears twice").format(key=key[:40]))
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise CanonicalError(_("{name} is not a number").format(name=name))


def _no_float(text: str) -> Any:
    raise CanonicalError(
        _("a decimal number ({text}) must be written as text").format(text=text[:20])
    )


def _small_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise CanonicalError(_("the number {text}… is too large").format(text=text[:20]))
    return int(text)


def _check_text(text: str) -> None:
    """A lone surrogate (\\ud800 written in JSON) is not text: SQLite and UTF-8 refuse it."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise CanonicalError(_("a text holds a lone surrogate character")) from exc


def _check_depth(value: Any) -> None:
    """Nesting no deeper than MAX_DEPTH (containers only are visited)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise CanonicalError(_("the data is nested too deeply"))
        for child in item.values() if isinstance(item, dict) else item:
            if isinstance(child, dict | list):
                stack.append((child, depth + 1))


def _check_texts(value: Any) -> None:
    """Every text (keys too) encodable."""
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key in item:
                _check_text(key)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# Where JSON text can hold a lone surrogate: only in a \uD800–\uDFFF escape (UTF-8 decoding
# refuses surrogates written as bytes). A text without one needs no walk over its strings.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def loads(data: bytes | str) -> Any:
    """Parse strict JSON (see the module docstring); raises CanonicalError."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_no_float,
            parse_int=_small_int,
        )
    except CanonicalError:
        raise
    except RecursionError as exc:
        raise CanonicalError(_("the data is nested too deeply")) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CanonicalError(_("not valid JSON")) from exc
    if isinstance(value, dict | list):
        _check_depth(value)
    if _SURROGATE_ESCAPE.search(text):
        _check_texts(value)
    return value


# --- database values <-> JSON values --------------------------------------------------------
# Each column gets its two conversions once (`writer`, `reader`): a bundle of 50,000 records
# converts a million values, and the column's type decides which conversion applies.


def to_json_value(column: Column[Any], value: Any) -> Any:
    """A column value as it travels in a bundle."""
    return writer(column)(value)


def from_json_value(column: Column[Any], value: Any) -> Any:
    """A bundle value back to the column's Python type; raises ValueError when it does not fit."""
    return reader(column)(value)


@functools.cache
def writer(column: Column[Any]) -> Callable[[Any], Any]:
    """`to_json_value` for one column."""
    ctype = column.type
    if isinstance(ctype, DateTime):
        convert: Callable[[Any], Any] = _write_datetime
    elif isinstance(ctype, Date):
        convert = _write_date
    elif isinstance(ctype, Numeric) and not isinstance(ctype, Integer | BigInteger):
        convert = _write_decimal
    elif isinstance(ctype, Boolean):
        convert = bool
    elif isinstance(ctype, Integer | BigInteger):
        convert = int
    else:
        convert = _write_other

    def write(value: Any) -> Any:
        return None if value is None else convert(value)

    return write


def _write_datetime(value: Any) -> str:
    assert isinstance(value, dt.datetime)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(sep="T")


def _write_date(value: Any) -> str:
    assert isinstance(value, dt.date)
    return value.isoformat()


def _write_decimal(value: Any) -> str:
    dec = Decimal(value)
    return format(dec.normalize(), "f") if dec else "0"


def _write_other(value: Any) -> Any:
    if isinstance(value, str) and not value.isascii():
        return unicodedata.normalize("NFC", value)
    return value


def writes_as_read(column: Column[Any]) -> bool:
    """Whether `writer` gives back unchanged what `reader` made (texts, whole numbers and
    booleans; not dates, times or decimals, whose spelling the writer chooses)."""
    ctype = column.type
    if isinstance(ctype, Integer | BigInteger | Boolean):
        return True
    return isinstance(ctype, String | Text) and not isinstance(ctype, DateTime | Date | Numeric)


@functools.cache
def reader(column: Column[Any]) -> Callable[[Any], Any]:
    """`from_json_value` for one column."""
    convert, nullable = _converter(column.type), column.nullable

    def read(value: Any) -> Any:
        if value is None:
            if not nullable:
                raise ValueError(_("a value is required"))
            return None
        return convert(value)

    return read


def _converter(ctype: Any) -> Callable[[Any], Any]:
    if isinstance(ctype, DateTime):
        return _read_datetime
    if isinstance(ctype, Date):
        return _read_date
    if isinstance(ctype, Boolean):
        return _read_bool
    if isinstance(ctype, Integer | BigInteger):
        limit = BIG_LIMIT if isinstance(ctype, BigInteger) else INT_LIMIT
        return functools.partial(_read_int, limit)
    if isinstance(ctype, Numeric):
        return functools.partial(_read_decimal, ctype)
    if isinstance(ctype, String | Text):
        return functools.partial(_read_text, getattr(ctype, "length", None))
    return functools.partial(_unsupported, ctype)


def _read_datetime(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError(_("expected a date and time"))
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(_("expected a date and time")) from exc
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _read_date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(_("expected a date YYYY-MM-DD"))
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(_("expected a date YYYY-MM-DD")) from exc


def _read_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(_("expected true or false"))
    return value


def _read_int(limit: int, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(_("expected a whole number"))
    if not -limit <= value < limit:
        raise ValueError(_("the number {value} is too large").format(value=value))
    return value


def _read_decimal(ctype: Numeric[Any], value: Any) -> Decimal:
    if not isinstance(value, str):
        raise ValueError(_("expected a number written as text"))
    try:
        dec = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(_("expected a number")) from exc
    if not dec.is_finite():
        raise ValueError(_("expected a finite number"))
    return _fitting_decimal(ctype, dec, value)


def _read_text(length: int | None, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(_("expected text"))
    if length is not None and len(value) > length:
        raise ValueError(_("text longer than {length} characters").format(length=length))
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _unsupported(ctype: Any, value: Any) -> Any:
    raise ValueError(f"unsupported column type {ctype!r}")


def _fitting_decimal(ctype: Numeric[Any], dec: Decimal, text: str) -> Decimal:
    """`dec` if its whole part fits the column's digits (Numeric(20, 4): under 10^16); a target
    of 1E+400 would be stored as infinity and break every sum over it."""
    precision, scale = ctype.precision or 38, ctype.scale or 0
    if dec and dec.adjusted() >= precision - scale:
        raise ValueError(_("the number {value} is too large").format(value=text[:30]))
    return dec
