"""priority_counts

How many priority women a unit counts, per cooperative and group (issue 12 item 8): synced
upward instead of the sensitive details, for the indicators on priority women above the
commune.

Revision ID: 0024_priority_counts
Revises: 0023_account_key_pairs
Create Date: 2026-12-03 19:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0024_priority_counts"
down_revision: str | Sequence[str] | None = "0023_account_key_pairs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "priority_counts",
        sa.Column("cooperative_id", sa.String(length=36), nullable=True),
        sa.Column("group", sa.String(length=24), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("counted_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_priority_counts_cooperative_id_cooperatives"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_priority_counts_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_counts")),
    )
    for column in ("cooperative_id", "unit_code"):
        op.create_index(f"ix_priority_counts_{column}", "priority_counts", [column])


def downgrade() -> None:
    for column in ("unit_code", "cooperative_id"):
        op.drop_index(f"ix_priority_counts_{column}", table_name="priority_counts")
    op.drop_table("priority_counts")
