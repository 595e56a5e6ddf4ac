"""list order indexes

The GUI lists read only the rows on screen, by offset in the list's order within the unit
(DESIGN.md §9). Without an index on (unit_code, order, id) SQLite sorts every row of the unit
for each page read: ~1.5 s per page at 1 M people instead of milliseconds.

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
    ("activities", "ix_activities_list", ["unit_code", "held_on", "id"]),
    ("cooperatives", "ix_cooperatives_list", ["unit_code", "sort_key", "id"]),
    ("people", "ix_people_list", ["unit_code", "sort_key", "id"]),
    ("support", "ix_support_list", ["unit_code", "given_on", "id"]),
    ("trainings", "ix_trainings_list", ["unit_code", "start_on", "id"]),
]


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False, if_not_exists=True)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table, if_exists=True)
