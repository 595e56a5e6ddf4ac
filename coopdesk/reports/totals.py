"""The totals row of a table, as values: what the PDF prints, the .docx writes and the .xlsx
stores beside its SUM formula, so the three agree on every total."""

from __future__ import annotations

from typing import Any

from coopdesk.reports.model import CellValue, Table


def has_totals(table: Table) -> bool:
    return bool(table.total_label) and bool(
        table.total_values or any(c.total for c in table.columns)
    )


def column_total(table: Table, index: int) -> Any:
    total: Any = 0
    for row in table.rows:
        value = row[index]
        if isinstance(value, int | float) or hasattr(value, "as_tuple"):
            total += value
    return total


def total_row(table: Table) -> list[CellValue]:
    """The label in the second column (the first when there is one), then per column the
    unit's own value where given (ratios), the sum where the column is summed, else None."""
    label_col = 1 if len(table.columns) > 1 else 0
    cells: list[CellValue] = []
    for i, col in enumerate(table.columns):
        if i == label_col:
            cells.append(table.total_label)
        elif i in table.total_values:
            cells.append(table.total_values[i])
        elif col.total:
            cells.append(column_total(table, i))
        else:
            cells.append(None)
    return cells
