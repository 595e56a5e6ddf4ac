"""The columns a kind of record has in a spreadsheet, and finding them in an officer's sheet.

A `Column` is a field as a spreadsheet shows it: its header (a msgid, shown translated), the
other headers officers write for it ("Ho ten", "Họ tên" for "Họ và tên"), how its cells are
read (`coopdesk.excel.values`) and, for a drop-down, its choices. Headers are compared folded
(`coopdesk.i18n.fold`: diacritics, case and spacing aside).

`find_header` finds the header row among the first rows of a sheet and maps its columns to
fields; `layout_key` names a layout (its folded header row) so a mapping chosen by hand can
be remembered for the next file of the same layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from coopdesk.excel.reading import Cell
from coopdesk.i18n import _, fold

HEADER_SEARCH_ROWS = 30
ID_KEY = "id"
VERSION_KEY = "version"


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # msgid; `title()` is what the sheet shows
    read: Callable[[Any], Any]
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # the labels a drop-down offers
    required: bool = False
    hidden: bool = False  # the id and version columns of a file exported from CoopDesk
    width: int = 18

    def title(self) -> str:
        return _(self.header)

    def names(self) -> set[str]:
        """Every folded header that means this column."""
        return {fold(self.key), fold(self.header), fold(self.title())} | {
            fold(a) for a in self.aliases
        }


def header_texts(row: Sequence[Cell]) -> list[str]:
    return [str(c.value).strip() if c.value is not None else "" for c in row]


def match(headers: Sequence[str], columns: Sequence[Column]) -> dict[int, str]:
    """Sheet column index → field key, for the headers that name a column (first wins)."""
    names = [(c.key, c.names()) for c in columns]
    mapping: dict[int, str] = {}
    for index, text in enumerate(headers):
        folded = fold(text).rstrip(" *:")
        for key, known in names:
            if folded and folded in known and key not in mapping.values():
                mapping[index] = key
                break
    return mapping


def find_header(
    rows: Sequence[Sequence[Cell]], columns: Sequence[Column]
) -> tuple[int, dict[int, str]]:
    """The header row (0-based) among the first rows, the one naming the most columns, and
    its mapping; (0, {}) when no row names two columns."""
    best: tuple[int, dict[int, str]] = (0, {})
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = match(header_texts(row), columns)
        if len(mapping) > len(best[1]):
            best = (number, mapping)
    return best if len(best[1]) >= 2 else (0, {})


def layout_key(headers: Sequence[str]) -> str:
    """A short name for a layout of headers: the same folded headers, the same key (empty
    headers after the last one aside: a stray cell further right makes no other layout)."""
    folded = "|".join(fold(h) for h in headers).rstrip("|")
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:20]


def mapping_from_names(
    headers: Sequence[str], chosen: dict[str, str], columns: Sequence[Column]
) -> dict[int, str]:
    """A mapping given as {header text: field key} (a --mapping file, a remembered layout)
    turned into column indexes; unknown keys and headers are left out."""
    keys = {c.key for c in columns}
    by_header = {fold(h): k for h, k in chosen.items() if k in keys}
    return {i: by_header[fold(h)] for i, h in enumerate(headers) if fold(h) in by_header}
