"""The search index of the lists: whole-word prefixes of folded names and numbers (SQLite FTS5,
PostgreSQL full-text search).

`people_search` holds, per person (by the row's rowid), the words of `name_folded` (already
folded when stored: no diacritics, đ → d, lower case) and the digits of the phone number. It is
contentless: triggers on `people` add, replace and remove a person's words on every write,
whichever path makes it (an editor, a bundle import, an undo, a merge, plain SQL), so the index
never needs the code that wrote the row. Rowids are stable because CoopDesk never runs VACUUM
(backups copy pages with the SQLite backup API); `rebuild_statements()` fills the index again.

A search "nguyen thi h" is `"nguyen"* "thi"* "h"*`: every word typed begins a word of the name
(in any order); "0912" begins the phone's digits.

On PostgreSQL the same words are indexed without a table or triggers: a GIN index on the
expression `to_tsvector('simple', words)` over `people` (PG_INDEX), searched with the prefix
query `nguyen:* & thi:* & h:*`; the 'simple' configuration only splits and lower-cases, so a
word is what FTS5's unicode61 makes of the (already folded) text. Rows are named by `people.id`
there, by rowid in SQLite: the functions below take the session's dialect name.

A database made by `create_all` gets the table and its triggers here; one made or upgraded by
the migrations gets the SQL migration 0015 wrote out (tests/db/test_schema.py compares them).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Integer, String, column, event, literal_column, text
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


# the words of a person as PostgreSQL indexes them; a query repeats this text so that the
# planner recognises the index's expression
PG_WORDS = "to_tsvector('simple'::regconfig, " + _words("people") + ")"
PG_INDEX = f"CREATE INDEX IF NOT EXISTS ix_people_search ON people USING gin (({PG_WORDS}))"


def create_statements(dialect: str = "sqlite") -> list[str]:
    """The index and the triggers that keep it (idempotent)."""
    if dialect == "postgresql":
        return [PG_INDEX]
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


def match_text(folded: str, dialect: str = "sqlite") -> str | None:
    """The FTS5 (or PostgreSQL tsquery) query for folded text typed: each word a prefix (None:
    nothing to search). Digits typed with separators ("0912 345") are one number."""
    if re.fullmatch(r"[\d\s.\-+()]+", folded):
        digits = re.sub(r"\D", "", folded)
        words = [digits] if digits else []
    else:
        words = re.findall(r"\w+", folded)
    if dialect == "postgresql":  # tsquery splits at "_" as unicode61 does
        words = [p for w in words for p in w.split("_") if p]
        return " & ".join(f"{w}:*" for w in words) or None
    return " ".join(f'"{w}"*' for w in words) or None


def _key(dialect: str) -> str:
    """How a person's row is named by the index."""
    return "people.id" if dialect == "postgresql" else "people.rowid"


def _matches(dialect: str, key: str = "rowid") -> str:
    if dialect == "postgresql":
        return f"SELECT id AS {key} FROM people WHERE {PG_WORDS} @@ to_tsquery('simple', :q)"
    return f"SELECT rowid AS {key} FROM {PEOPLE_SEARCH} WHERE {PEOPLE_SEARCH} MATCH :q"


def people_matching(folded: str, dialect: str = "sqlite") -> ColumnElement[bool] | None:
    """People whose name words (or phone digits) begin with the words typed (`fold`ed)."""
    query = match_text(folded, dialect)
    if query is None:
        return None
    if dialect == "postgresql":  # said of the row itself: the planner weighs index and order
        return text(f"{PG_WORDS} @@ to_tsquery('simple', :q)").bindparams(q=query)  # type: ignore[return-value]
    return literal_column(_key(dialect)).in_(text(_matches(dialect)).bindparams(q=query))


def people_match_ids(folded: str, cap: int, dialect: str = "sqlite") -> TextClause | None:
    """The keys of the first `cap` people the index matches: from the index alone."""
    query = match_text(folded, dialect)
    if query is None:
        return None
    return text(f"{_matches(dialect)} LIMIT :cap").bindparams(q=query, cap=cap)


def people_among(keys: list[Any], dialect: str = "sqlite") -> ColumnElement[bool]:
    """People with these keys (those `people_match_ids` gave)."""
    return literal_column(_key(dialect)).in_(keys)


def people_match_join(
    folded: str, dialect: str = "sqlite"
) -> tuple[Any, ColumnElement[bool]] | None:
    """(the index's matches as a subquery, its join to `people`): joined so, SQLite walks the
    matches and reads each person by rowid, and a LIMIT stops it early however many match."""
    query = match_text(folded, dialect)
    if query is None:
        return None
    key_type = String if dialect == "postgresql" else Integer
    found = text(_matches(dialect, "match_rowid")).bindparams(q=query)
    matches = found.columns(column("match_rowid", key_type)).subquery("matches")
    return matches, literal_column(_key(dialect)) == matches.c.match_rowid


@event.listens_for(Base.metadata, "after_create")
def _create_search_index(_target: object, connection: Any, **_kw: Any) -> None:
    """A database made with `create_all` gets the index a migrated one has."""
    for statement in create_statements(connection.dialect.name):
        connection.execute(text(statement))
