"""record_merges

Merged duplicate records, kept so a merge can be undone (issue 14 item 5). The merges table
(`duplicate_merges`, synced, since 0012) gains `kept_before`: the kept record's values the
officer replaced by the merged record's (JSON), restored when the merge is undone; and an index
on (merged_id, kind) for "is this record merged, and into which" (the bundle import asks it of
every merge, `coopdesk.sync.merges`), in place of the one on merged_id alone.

Revision ID: 0021_record_merges
Revises: 0020_document_issuers
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0021_record_merges"
down_revision: str | Sequence[str] | None = "0020_document_issuers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("duplicate_merges", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kept_before", sa.Text(), nullable=False, server_default="{}")
        )
        batch_op.drop_index("ix_duplicate_merges_merged_id")
        batch_op.create_index("ix_duplicate_merges_merged", ["merged_id", "kind"])


def downgrade() -> None:
    with op.batch_alter_table("duplicate_merges", schema=None) as batch_op:
        batch_op.drop_index("ix_duplicate_merges_merged")
        batch_op.create_index("ix_duplicate_merges_merged_id", ["merged_id"])
        batch_op.drop_column("kept_before")
