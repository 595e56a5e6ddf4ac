"""Write a document's tables to .xlsx: the same title block, real numbers with Vietnamese-style
formats (#,##0), a frozen header row, widths that fit, totals as SUM formulas that also hold
their value (a phone's previewer computes no formula), one page wide when printed, and the same
bytes for the same document (fixed dates in the workbook and in its zip).

openpyxl is imported here only, when a workbook is written (it is slow to import).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from decimal import Decimal
from typing import Any

from coopdesk.reports.layout import format_cell
from coopdesk.reports.model import CellValue, Document, Table, Typed

FORMATS = {
    "int": "#,##0",
    "year": "0",
    "money": "#,##0",
    "decimal": "#,##0.0",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
}
MAX_WIDTH = 60
TITLE_ROWS = 8  # rows above the table header


def _native(value: CellValue, kind: str) -> tuple[Any, str]:
    if isinstance(value, Typed):
        kind = value.kind
        value = value.value
    if isinstance(value, Decimal):
        value = (
            int(value) if value == value.to_integral_value() and kind != "percent" else float(value)
        )
    return value, kind


def _sheet_title(name: str, used: set[str]) -> str:
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:31] or "Sheet"
    title, n = clean, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def render_xlsx(doc: Document, tables: list[Table] | None = None) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    stamp = dt.datetime.combine(doc.header.date, dt.time(8, 0))
    wb.properties.creator = "CoopDesk"
    wb.properties.title = f"{doc.title} {doc.subject}".replace("\n", " ")
    wb.properties.created = stamp
    wb.properties.modified = stamp
    used: set[str] = set()
    cached: list[dict[str, Any]] = []  # per sheet: a total's cell → its value
    for table in tables if tables is not None else doc.tables():
        ws = wb.create_sheet(_sheet_title(table.sheet_name or doc.title, used))
        cached.append(_write_table(ws, doc, table))
    if not wb.worksheets:
        _write_title_block(wb.create_sheet(doc.title[:31]), doc, [10.0] * 6, "")
    buf = io.BytesIO()
    wb.save(buf)
    return _settled(buf.getvalue(), cached, stamp)


def _settled(data: bytes, cached: list[dict[str, Any]], stamp: dt.datetime) -> bytes:
    """The saved workbook with each total's value stored beside its formula, the document's
    date as the workbook's last change and as every zip member's date: same data, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            sheet = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            if sheet and int(sheet.group(1)) <= len(cached):
                body = _with_values(body, cached[int(sheet.group(1)) - 1])
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + when.encode(), body)
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, body)
    return out.getvalue()


def _with_values(xml: bytes, values: dict[str, Any]) -> bytes:
    def fill(match: re.Match[bytes]) -> bytes:
        value = values.get(match.group(1).decode())
        if value is None:
            return match.group(0)
        return match.group(0).replace(b"<v></v>", f"<v>{value}</v>".encode())

    return re.sub(rb'<c r="([A-Z]+\d+)"[^>]*><f>[^<]*</f><v></v>', fill, xml)


def _write_title_block(ws: Any, doc: Document, widths: list[float], note: str) -> None:
    """The header, title and subject in merged cells, each row as tall as its wrapped text
    needs (nothing clipped)."""
    from openpyxl.styles import Alignment, Font

    h = doc.header
    n_cols = len(widths)
    half = max(1, n_cols // 2)
    left_end, right_start = half, min(n_cols, half + 1)
    bold, italic = Font(bold=True), Font(italic=True)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    lines: dict[int, int] = {}

    def put(row: int, c1: int, c2: int, text: str, font: Any = None) -> None:
        ws.cell(row=row, column=c1, value=text)
        if c2 > c1:
            ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)
        cell = ws.cell(row=row, column=c1)
        cell.alignment = centre
        if font is not None:
            cell.font = font
        room = sum(widths[c1 - 1 : c2]) * 0.9 - 1  # characters a line holds, bold ones wider
        needed = sum(math.ceil(len(part) / max(room, 1.0)) or 1 for part in text.split("\n"))
        lines[row] = max(lines.get(row, 1), needed)

    put(1, 1, left_end, h.parent_body.upper())
    put(1, right_start, n_cols, h.national_title.upper(), bold)
    put(2, 1, left_end, h.issuer.upper(), bold)
    put(2, right_start, n_cols, h.motto, bold)
    put(3, 1, left_end, h.number_line())
    put(3, right_start, n_cols, h.place_date(), italic)
    put(5, 1, n_cols, doc.title.upper(), Font(bold=True, size=13))
    put(6, 1, n_cols, doc.subject, bold)
    if note:
        put(7, 1, n_cols, note, italic)
    for row, count in lines.items():
        ws.row_dimensions[row].height = 16.0 * count + (4 if row == 5 else 2)


def _write_table(ws: Any, doc: Document, table: Table) -> dict[str, Any]:
    """The table under its title block; returns the totals' values by cell ("F12": 1620)."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from coopdesk.reports.totals import column_total

    n_cols = len(table.columns)
    cached: dict[str, Any] = {}
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_row = TITLE_ROWS + 1
    widths = [min(MAX_WIDTH, max(8, len(w) + 2)) for w in (c.title for c in table.columns)]
    for j, col in enumerate(table.columns, start=1):
        cell = ws.cell(row=head_row, column=j, value=col.title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        widths[j - 1] = min(widths[j - 1], max(10, max(len(w) for w in col.title.split()) + 2))
    first = head_row + 1
    for i, row in enumerate(table.rows):
        r = first + i
        for j, (value, col) in enumerate(zip(row, table.columns, strict=True), start=1):
            native, kind = _native(value, col.kind)
            cell = ws.cell(row=r, column=j, value=native)
            cell.border = border
            if kind in FORMATS and native is not None and not isinstance(native, str):
                cell.number_format = FORMATS[kind]
            if kind == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            shown = len(format_cell(value, col.kind, doc.lang))
            widths[j - 1] = max(widths[j - 1], min(MAX_WIDTH, shown + 2))
    last = first + len(table.rows) - 1
    if table.total_label and (table.total_values or any(c.total for c in table.columns)):
        r = last + 1
        label_col = 2 if n_cols > 1 else 1
        ws.cell(row=r, column=label_col, value=table.total_label).font = Font(bold=True)
        for j, col in enumerate(table.columns, start=1):
            cell = ws.cell(row=r, column=j)
            cell.border = border
            if j - 1 in table.total_values:
                native, kind = _native(table.total_values[j - 1], col.kind)
                cell.value = native
                if kind in FORMATS:
                    cell.number_format = FORMATS[kind]
            elif col.total:
                letter = get_column_letter(j)
                cell.value = f"=SUM({letter}{first}:{letter}{max(last, first)})"
                cell.number_format = FORMATS.get(col.kind, "#,##0")
                cached[f"{letter}{r}"] = _native(column_total(table, j - 1), col.kind)[0]
            cell.font = Font(bold=True)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    note = (table.title.replace("\n", " ") + " " + table.note).strip()
    _write_title_block(ws, doc, [float(w) for w in widths], note)
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # without it Excel ignores fitToWidth
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    return cached
