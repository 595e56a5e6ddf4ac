"""Export the rows of a list to .xlsx (openpyxl, imported only when used)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path


def write_xlsx(
    path: Path,
    title: str,
    rows: Sequence[Sequence[str]],
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Header row first; text as shown in the list. Writes to a temp file, then renames."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31] or "CoopDesk")
    total = max(len(rows) - 1, 0)  # data rows, the header not counted
    bold = Font(bold=True)
    for n, row in enumerate(rows):
        if n == 0:
            from openpyxl.cell import WriteOnlyCell

            cells = []
            for value in row:
                cell = WriteOnlyCell(ws, value=value)
                cell.font = bold
                cells.append(cell)
            ws.append(cells)
        else:
            ws.append(list(row))
        if progress is not None and n and n % 1000 == 0:
            progress(n, total)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    if progress is not None:
        progress(total, total)
    return path
