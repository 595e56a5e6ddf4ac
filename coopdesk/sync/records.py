"""Synced rows as they travel: field dicts in canonical JSON values, and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table

from coopdesk.i18n import _
from coopdesk.sync import canonical

META_COLUMNS = ("id", "version")


def row_data(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's fields (all columns but id and version) as JSON values."""
    return {
        c.name: canonical.to_json_value(c, row[c.name])
        for c in table.columns
        if c.name not in META_COLUMNS
    }


class FieldProblem(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def data_to_values(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """Column values for a row from bundle fields; raises FieldProblem for a bad or unknown
    field. Fields a bundle from an older CoopDesk lacks get the column default."""
    columns = {c.name: c for c in table.columns if c.name not in META_COLUMNS}
    for name in data:
        if name not in columns:
            raise FieldProblem(name, _("unknown field"))
    values: dict[str, Any] = {}
    for name, column in columns.items():
        if name in data:
            try:
                values[name] = canonical.from_json_value(column, data[name])
            except ValueError as exc:
                raise FieldProblem(name, str(exc)) from exc
        else:
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                values[name] = default.arg  # type: ignore[attr-defined]
            elif column.nullable:
                values[name] = None
            else:
                raise FieldProblem(name, _("a value is required"))
    return values


def values_data(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values (from `data_to_values`) as bundle fields, in the exact canonical spelling
    this database would produce."""
    return {
        name: canonical.to_json_value(table.c[name], value)
        for name, value in values.items()
        if name not in META_COLUMNS
    }
