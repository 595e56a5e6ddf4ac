"""Which column of an officer's sheet is which field: given by hand, checked, and remembered
per file layout.

A mapping by hand is {column header: field} (the GUI's choices, a `--mapping M.json` file,
or what `import-excel --preview --json` printed): the field by its key ("full_name") or its
title ("Họ và tên"), an empty text or null to leave the column out.

    chosen = resolve(headers, {"Tên hội viên": "full_name", "STT": ""}, columns, "Hội viên")
    remember(session, "people", headers, chosen)      # the next file with these headers
    remembered(session, "people", headers)            # → {"Tên hội viên": "full_name"}

A bad mapping is a MappingError naming the column or the field and what to do. Remembered
mappings are local settings (`services.settings`, one key per kind and layout signature:
`coopdesk.excel.columns.layout_key` of the folded header row); they never travel in bundles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from coopdesk.excel.columns import (
    HEADER_SEARCH_ROWS,
    Column,
    header_texts,
    layout_key,
    mapping_from_names,
)
from coopdesk.excel.reading import Cell
from coopdesk.i18n import _, fold, normalize
from coopdesk.services import settings

SETTING_PREFIX = "excel_import.mapping."


class MappingError(ValueError):
    """A mapping that cannot be used, naming the column or field."""


def _field_names(columns: Sequence[Column]) -> str:
    return ", ".join(f"{c.key} ({c.title()})" for c in columns)


def _field_key(column: str, field: str, columns: Sequence[Column]) -> str:
    for c in columns:
        if field == c.key or fold(field) == fold(c.title()):
            return c.key
    raise MappingError(
        _("The column “{column}” is given the field “{field}”, which is not one; use one of: {fields}.").format(
            column=column, field=field, fields=_field_names(columns)
        )
    )  # fmt: skip


def resolve(
    headers: Sequence[str],
    chosen: Mapping[str, str | None],
    columns: Sequence[Column],
    sheet: str,
) -> dict[int, str]:
    """A mapping by hand as sheet column index → field key; MappingError when it names a
    column the sheet does not have, a field that does not exist, or one field twice."""
    index: dict[str, int] = {}
    for i, header in enumerate(headers):
        if header.strip():
            index.setdefault(fold(header), i)
    out: dict[int, str] = {}
    given_to: dict[str, str] = {}
    for column, field in chosen.items():
        if fold(column) not in index:
            raise MappingError(
                _("The mapping names the column “{column}”, which the sheet “{sheet}” does not have; its columns are: {columns}.").format(
                    column=column, sheet=sheet, columns=", ".join(f"“{h}”" for h in headers if h.strip())
                )
            )  # fmt: skip
        if field is None or not str(field).strip():
            continue
        key = _field_key(column, str(field).strip(), columns)
        if key in given_to:
            raise MappingError(
                _("The field “{field}” is given to two columns, “{first}” and “{second}”: keep one.").format(
                    field=_title(key, columns), first=given_to[key], second=column
                )
            )  # fmt: skip
        given_to[key] = column
        out[index[fold(column)]] = key
    return out


def header_row(
    rows: Sequence[Sequence[Cell]], chosen: Mapping[str, str | None], default: int
) -> int:
    """The row among the first rows holding the most headers the mapping names; when none
    holds one, `default` if it is a row of headers, else the first row of two filled cells."""
    wanted = {fold(h) for h in chosen}
    texts = [[t for t in header_texts(row) if t] for row in rows[:HEADER_SEARCH_ROWS]]
    held = [len(wanted & {fold(t) for t in row}) for row in texts]
    if held and max(held) > 0:
        return held.index(max(held))
    if default < len(texts) and len(texts[default]) >= 2:
        return default
    return next((n for n, row in enumerate(texts) if len(row) >= 2), default)


def _title(key: str, columns: Sequence[Column]) -> str:
    return next((c.title() for c in columns if c.key == key), key)


def missing_required(mapping: Mapping[int, str], columns: Sequence[Column]) -> list[str]:
    """The titles of the required fields no column is given to."""
    given = set(mapping.values())
    return [c.title() for c in columns if c.required and c.key not in given]


def by_header(headers: Sequence[str], mapping: Mapping[int, str]) -> dict[str, str]:
    """{column header: field key} for every column of the sheet ("" for a column left out)."""
    return {
        normalize(h): mapping.get(i, "") for i, h in enumerate(headers) if h.strip()
    }  # fmt: skip


def _key(kind: str, headers: Sequence[str]) -> str:
    return f"{SETTING_PREFIX}{kind}.{layout_key(headers)}"


def remembered(session: Session, kind: str, headers: Sequence[str]) -> dict[str, str] | None:
    """The mapping last chosen for a file of this kind with these headers, if any."""
    found = settings.get_json(session, _key(kind, headers))
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else None


def remembered_layout(
    session: Session, kind: str, rows: Sequence[Sequence[Cell]], columns: Sequence[Column]
) -> tuple[int, dict[int, str]] | None:
    """The header row (0-based) among the first rows whose layout has a remembered mapping,
    and that mapping as column indexes (fields that no longer exist left out)."""
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        headers = header_texts(row)
        if sum(1 for h in headers if h) < 2:
            continue
        found = remembered(session, kind, headers)
        if found is not None:
            return number, mapping_from_names(
                headers, {h: k for h, k in found.items() if k}, columns
            )
    return None


def remember(
    session: Session, kind: str, headers: Sequence[str], mapping: Mapping[int, str]
) -> None:
    """Keep a mapping for the next file of this kind with the same headers."""
    settings.set_json(session, _key(kind, headers), by_header(headers, mapping))
