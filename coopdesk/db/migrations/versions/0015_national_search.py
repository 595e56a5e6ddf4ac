"""national_search: the country above every province; search that an index serves

- Today's provinces get the country ("VN") as their parent unit, so that a national
  installation is above them: provinces export to it and it lists, counts and reports the whole
  country.
- `people_search` (FTS5, contentless) holds the words of each person's folded name and the
  digits of the phone, kept by triggers on `people` (coopdesk/db/models/search.py), and is
  filled from the people already there: the People list's search reads it.
- `ix_people_page` loses `redacted`, which stood before `sort_key` and made SQLite sort a
  unit's people for every page; `ix_people_order` (tombstone, order, id) pages the country's
  list in order.

The SQL is written out as it was at this revision (migrations never import live code).

Revision ID: 0015_national_search
Revises: 0014_unit_catalogue
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015_national_search"
down_revision: str | Sequence[str] | None = "0014_unit_catalogue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE_SEARCH = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_search USING fts5(words, content='', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')",
    "CREATE TRIGGER IF NOT EXISTS people_search_insert AFTER INSERT ON people BEGIN INSERT INTO people_search(rowid, words) VALUES (NEW.rowid, coalesce(NEW.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(NEW.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), '')); END",
    "CREATE TRIGGER IF NOT EXISTS people_search_delete AFTER DELETE ON people BEGIN INSERT INTO people_search(people_search, rowid, words) VALUES ('delete', OLD.rowid, coalesce(OLD.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(OLD.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), '')); END",
    "CREATE TRIGGER IF NOT EXISTS people_search_update AFTER UPDATE OF name_folded, phone ON people BEGIN INSERT INTO people_search(people_search, rowid, words) VALUES ('delete', OLD.rowid, coalesce(OLD.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(OLD.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), '')); INSERT INTO people_search(rowid, words) VALUES (NEW.rowid, coalesce(NEW.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(NEW.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), '')); END",
]
FILL_SEARCH = "INSERT INTO people_search(rowid, words) SELECT rowid, coalesce(people.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(people.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), '') FROM people"
# a server indexes the same words with its own full-text search: no table, no triggers
PG_CREATE_SEARCH = "CREATE INDEX IF NOT EXISTS ix_people_search ON people USING gin ((to_tsvector('simple'::regconfig, coalesce(people.name_folded, '') || ' ' || coalesce(replace(replace(replace(replace(replace(replace(people.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '+', ''), ''))))"
PG_DROP_SEARCH = "DROP INDEX IF EXISTS ix_people_search"
DROP_SEARCH = [
    "DROP TRIGGER IF EXISTS people_search_insert",
    "DROP TRIGGER IF EXISTS people_search_delete",
    "DROP TRIGGER IF EXISTS people_search_update",
    "DROP TABLE IF EXISTS people_search",
]


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE units SET parent_code = 'VN' WHERE level = 'province' AND legacy = FALSE "
            "AND parent_code IS NULL AND EXISTS (SELECT 1 FROM units WHERE code = 'VN')"
        )
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(sa.text(PG_CREATE_SEARCH))
    else:
        for statement in CREATE_SEARCH:
            op.execute(sa.text(statement))
        op.execute(sa.text(FILL_SEARCH))
    op.drop_index("ix_people_page", table_name="people")
    op.create_index(
        "ix_people_page", "people", ["unit_code", "deleted_at", "sort_key", "id", "name_folded"]
    )
    op.create_index("ix_people_order", "people", ["deleted_at", "sort_key", "id"])


def downgrade() -> None:
    op.drop_index("ix_people_order", table_name="people")
    op.drop_index("ix_people_page", table_name="people")
    op.create_index(
        "ix_people_page",
        "people",
        ["unit_code", "deleted_at", "redacted", "sort_key", "id", "name_folded"],
    )
    for statement in (
        [PG_DROP_SEARCH] if op.get_bind().dialect.name == "postgresql" else DROP_SEARCH
    ):
        op.execute(sa.text(statement))
    op.execute(sa.text("UPDATE units SET parent_code = NULL WHERE parent_code = 'VN'"))
