"""Synced rows as they travel: field dicts in canonical JSON values, and back."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from sqlalchemy import Column, Table

from coopdesk.i18n import _
from coopdesk.sync import canonical

META_COLUMNS = ("id", "version")


def row_data(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's fields (all columns but id and version) as JSON values."""
    return {f.name: f.write(row[f.name]) for f in _fields(table)}


class _Field(NamedTuple):
    """A synced column's name, its two conversions and what it holds when a bundle lacks it."""

    name: str
    write: Callable[[Any], Any]
    read: Callable[[Any], Any]
    default: tuple[Any, ...]  # (value,) or () when a value is required
    same: bool  # what `read` makes, `write` gives back unchanged


@functools.cache
def _fields(table: Table) -> tuple[_Field, ...]:
    return tuple(
        _Field(
            c.name,
            canonical.writer(c),
            canonical.reader(c),
            _default(c),
            canonical.writes_as_read(c),
        )
        for c in table.columns
        if c.name not in META_COLUMNS
    )


@functools.cache
def _names(table: Table) -> frozenset[str]:
    return frozenset(f.name for f in _fields(table))


def _default(column: Column[Any]) -> tuple[Any, ...]:
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return (default.arg,)  # type: ignore[attr-defined]
    return (None,) if column.nullable else ()


class FieldProblem(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def data_to_values(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """Column values for a row from bundle fields; raises FieldProblem for a bad or unknown
    field. Fields a bundle from an older CoopDesk lacks get the column default."""
    if not _names(table).issuperset(data):
        unknown = next(name for name in data if name not in _names(table))
        raise FieldProblem(unknown, _("unknown field"))
    values: dict[str, Any] = {}
    for name, _write, read, default, _same in _fields(table):
        if name in data:
            try:
                values[name] = read(data[name])
            except ValueError as exc:
                raise FieldProblem(name, str(exc)) from exc
        elif default:
            values[name] = default[0]
        else:
            raise FieldProblem(name, _("a value is required"))
    return values


def values_data(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values (from `data_to_values`) as bundle fields, in the exact canonical spelling
    this database would produce."""
    return {
        f.name: values[f.name] if f.same else f.write(values[f.name])
        for f in _fields(table)
        if f.name in values
    }
