"""The search index of the lists: whole-word prefixes of folded names and numbers (SQLite FTS5).

`people_search` holds, per person (by the row's rowid), the words of `name_folded` (already
folded when stored: no diacritics, đ → d, lower case) and the digits of the phone number. It is
contentless: triggers on `people` add, replace and remove a person's words on every write,
whichever path makes it (an editor, a bundle import, an undo, a merge, plain SQL), so the index
never needs the code that wrote the row. Rowids are stable because CoopDesk never runs VACUUM
(backups copy pages with the SQLite backup API); `rebuild_statements()` fills the index again.

A search "nguyen thi h" is `"nguyen"* "thi"* "h"*`: every word typed begins a word of the name
(in any order); "0912" begins the phone's digits.

A database made by `create_all` gets the table and its triggers here; one made or upgraded by
the migrations gets the SQL migration 0015 wrote out (tests/db/test_schema.py compares them).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Integer, column, event, literal_column, text
from sqlalchemy.sql.elements import ColumnElement, TextClause

from coopdesk.db.models.base import Base

PEOPLE_SEARCH = "people_search"

# the phone's digits: "0912.345 678" → "0912345678"
_DIGITS = (
    "replace(replace(replace(replace(replace(replace({row}.phone, ' ', ''), '.', ''), "
    "'-', ''), '(', ''), ')', ''), '+', '')"
)
_WORDS = "coalesce({row}.name_folded, '') || ' ' || coalesce(" + _DIGITS + ", '')"


def _words(row: str) -> str:
    return _WORDS.format(row=row)


def create_statements() -> list[str]:
    """The index and the triggers that keep it (idempotent)."""
    add = f"INSERT INTO {PEOPLE_SEARCH}(rowid, words) VALUES (NEW.rowid, {_words('NEW')});"
    remove = (
        f"INSERT INTO {PEOPLE_SEARCH}({PEOPLE_SEARCH}, rowid, words) "
        f"VALUES ('delete', OLD.rowid, {_words('OLD')});"
    )
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {PEOPLE_SEARCH} USING fts5(words, content='', "
        "tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')",
        f"CREATE TRIGGER IF NOT EXISTS people_search_insert AFTER INSERT ON people BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS people_search_delete AFTER DELETE ON people "
        f"BEGIN {remove} END",
        "CREATE TRIGGER IF NOT EXISTS people_search_update AFTER UPDATE OF name_folded, phone "
        f"ON people BEGIN {remove} {add} END",
    ]


def rebuild_statements() -> list[str]:
    """Empty the index and fill it from every person."""
    return [
        f"INSERT INTO {PEOPLE_SEARCH}({PEOPLE_SEARCH}) VALUES ('delete-all')",
        f"INSERT INTO {PEOPLE_SEARCH}(rowid, words) SELECT rowid, {_words('people')} FROM people",
    ]


def match_text(folded: str) -> str | None:
    """The FTS5 query for folded text typed: each word a prefix (None: nothing to search).
    Digits typed with separators ("0912 345") are one number."""
    if re.fullmatch(r"[\d\s.\-+()]+", folded):
        digits = re.sub(r"\D", "", folded)
        return f'"{digits}"*' if digits else None
    words = re.findall(r"\w+", folded)
    return " ".join(f'"{w}"*' for w in words) or None


def people_matching(folded: str) -> ColumnElement[bool] | None:
    """People whose name words (or phone digits) begin with the words typed (`fold`ed)."""
    query = match_text(folded)
    if query is None:
        return None
    found = text(f"SELECT rowid FROM {PEOPLE_SEARCH} WHERE {PEOPLE_SEARCH} MATCH :q")
    return literal_column("people.rowid").in_(found.bindparams(q=query))


def people_match_ids(folded: str, cap: int) -> TextClause | None:
    """The rowids of the first `cap` people the index matches: from the index alone."""
    query = match_text(folded)
    if query is None:
        return None
    return text(
        f"SELECT rowid FROM {PEOPLE_SEARCH} WHERE {PEOPLE_SEARCH} MATCH :q LIMIT :cap"
    ).bindparams(q=query, cap=cap)


def people_among(rowids: list[int]) -> ColumnElement[bool]:
    """People with these rowids (those `people_match_ids` gave)."""
    return literal_column("people.rowid").in_(rowids)


def people_match_join(folded: str) -> tuple[Any, ColumnElement[bool]] | None:
    """(the index's matches as a subquery, its join to `people`): joined so, SQLite walks the
    matches and reads each person by rowid, and a LIMIT stops it early however many match."""
    query = match_text(folded)
    if query is None:
        return None
    found = text(f"SELECT rowid AS match_rowid FROM {PEOPLE_SEARCH} WHERE {PEOPLE_SEARCH} MATCH :q")
    matches = found.bindparams(q=query).columns(column("match_rowid", Integer)).subquery("matches")
    return matches, literal_column("people.rowid") == matches.c.match_rowid


@event.listens_for(Base.metadata, "after_create")
def _create_search_index(_target: object, connection: Any, **_kw: Any) -> None:
    """A database made with `create_all` gets the index a migrated one has."""
    for statement in create_statements():
        connection.execute(text(statement))
