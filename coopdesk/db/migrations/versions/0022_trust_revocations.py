"""trust_revocations

Announced keys of trusted installations, the keys each replica speaks with, and the signed
receipts of bundles sent (issue 12).

Revision ID: 0022_trust_revocations
Revises: 0021_record_merges
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0022_trust_revocations"
down_revision: str | Sequence[str] | None = "0021_record_merges"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a new key's announcement, signed by the key it follows (sync.trust.rotate)
    op.add_column("trust_identities", sa.Column("announcement", sa.Text(), nullable=True))
    # the key announced to take a peer's key's place
    op.add_column("trust_peers", sa.Column("replaced_by", sa.String(length=40), nullable=True))
    # the key each sender's replica was first seen with: acknowledgements speak only for it
    op.create_table(
        "trust_replicas",
        sa.Column("replica_id", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("replica_id", name=op.f("pk_trust_replicas")),
    )
    # the recipients' receipts of the bundles sent from here, read in bundles they signed
    op.create_table(
        "trust_receipts",
        sa.Column("bundle_id", sa.String(length=64), nullable=False),
        sa.Column("recipient_unit", sa.String(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_trust_receipts")),
    )


def downgrade() -> None:
    op.drop_table("trust_receipts")
    op.drop_table("trust_replicas")
    with op.batch_alter_table("trust_peers") as batch:
        batch.drop_column("replaced_by")
    with op.batch_alter_table("trust_identities") as batch:
        batch.drop_column("announcement")
