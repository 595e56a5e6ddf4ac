"""duplicate_dismissals: one row per pair, and the index that finds a record's pairs

The pairs an officer said are not the same (`duplicate_dismissals`, since 0012) are now written
by `services.duplicates.mark_not_duplicate`, each under its natural id (kind and the two ids in
order). `uq_duplicate_dismissals_pair` (first_id, second_id, kind) holds that a pair is stored
once and serves "the pairs of this record among these" (`services.duplicates.find.dismissed`)
from the first id; it takes the place of `ix_duplicate_dismissals_first_id`.

Revision ID: 0016_duplicate_dismissals
Revises: 0015_national_search
Create Date: 2026-12-02 15:55:00.000000

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0016_duplicate_dismissals"
down_revision: str | Sequence[str] | None = "0015_national_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_duplicate_dismissals_first_id", table_name="duplicate_dismissals")
    op.create_index(
        "uq_duplicate_dismissals_pair",
        "duplicate_dismissals",
        ["first_id", "second_id", "kind"],
        unique=True,
    )


def downgrade() -> None:
    op.drop_index("uq_duplicate_dismissals_pair", table_name="duplicate_dismissals")
    op.create_index(
        "ix_duplicate_dismissals_first_id", "duplicate_dismissals", ["first_id"], unique=False
    )
