"""list order indexes

The GUI lists read only the rows on screen, by offset in the list's order within the unit
(DESIGN.md §9). These indexes hold the unit, the tombstone, the order, the id and the folded
search text, so counting, skipping to a page and searching read the index alone; without them
SQLite sorted every row of the unit for each page read (~1.5 s per page at 1 M people).

Revision ID: 0004_list_order_indexes
Revises: 0003_indicator_covering_indexes
Create Date: 2026-11-23 13:06:53.967724

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004_list_order_indexes"
down_revision: str | Sequence[str] | None = "0003_indicator_covering_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("activities", "ix_activities_page",
     ["unit_code", "deleted_at", "held_on", "id", "title_folded"]),
    ("cooperatives", "ix_cooperatives_page",
     ["unit_code", "deleted_at", "sort_key", "id", "name_folded"]),
    ("people", "ix_people_page",
     ["unit_code", "deleted_at", "redacted", "sort_key", "id", "name_folded"]),
    ("support", "ix_support_page", ["unit_code", "deleted_at", "given_on", "id"]),
    ("trainings", "ix_trainings_page",
     ["unit_code", "deleted_at", "start_on", "id", "title_folded"]),
]  # fmt: skip


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False, if_not_exists=True)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table, if_exists=True)
