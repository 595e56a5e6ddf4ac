"""issued_files

The files of issued documents (issue 15 item 8): the official PDF and its .docx as issued,
keyed by report and kind, with their SHA-256 and size, so the register reprints them byte for
byte. Local bookkeeping, never synced.

Revision ID: 0017_issued_files
Revises: 0016_duplicate_dismissals
Create Date: 2026-12-02 16:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0017_issued_files"
down_revision: str | Sequence[str] | None = "0016_duplicate_dismissals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "issued_files",
        sa.Column("report_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_issued_files_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("report_id", "kind", name=op.f("pk_issued_files")),
    )


def downgrade() -> None:
    op.drop_table("issued_files")
