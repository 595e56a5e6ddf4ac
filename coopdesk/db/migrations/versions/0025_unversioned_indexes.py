"""unversioned_indexes

A partial index per synced table over the rows with no version yet, so that an import's
question "are any rows unstamped?" reads nothing when there are none (it scanned every table:
0.6 s of a commune bundle's 1 s import into the national demo; issue 16 item 3).

Revision ID: 0025_unversioned_indexes
Revises: 0024_priority_counts
Create Date: 2026-12-04 20:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0025_unversioned_indexes"
down_revision: str | Sequence[str] | None = "0024_priority_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# the synced tables at this revision (a migration does not import the live models)
SYNCED = (
    "activities", "budgets", "cooperatives", "duplicate_dismissals", "duplicate_merges",
    "people", "plans", "reports", "trainings", "unit_changes", "activity_cooperatives",
    "assignments", "consents", "cooperative_years", "officers", "participations",
    "person_sensitive", "priority_counts", "roles", "support", "targets",
)  # fmt: skip


def upgrade() -> None:
    unversioned = sa.text("version IS NULL")
    for table in SYNCED:
        op.create_index(f"ix_{table}_unversioned", table, ["id"],
                        sqlite_where=unversioned, postgresql_where=unversioned)  # fmt: skip


def downgrade() -> None:
    for table in SYNCED:
        op.drop_index(f"ix_{table}_unversioned", table_name=table)
