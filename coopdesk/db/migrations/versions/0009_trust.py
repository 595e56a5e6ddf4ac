"""trust

Trust between installations (issue 12): `trust_identities` holds this installation's key
pairs (public keys in clear, private keys wrapped under the officer's password and a recovery
code), `trust_peers` the other installations' keys registered here with their status
(trusted, replaced, revoked), `quarantined_bundles` the bytes of refused bundles with why.

Revision ID: 0009_trust
Revises: 0008_audit_source
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009_trust"
down_revision: str | Sequence[str] | None = "0008_audit_source"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "trust_identities",
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("box_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_trust_identities")),
    )
    op.create_table(
        "trust_peers",
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("box_public", sa.LargeBinary(length=32), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_trust_peers")),
    )
    op.create_index(op.f("ix_trust_peers_unit_code"), "trust_peers", ["unit_code"])
    op.create_table(
        "quarantined_bundles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("sender_unit", sa.String(length=12), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retried_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantined_bundles")),
    )
    op.create_index(op.f("ix_quarantined_bundles_sha256"), "quarantined_bundles", ["sha256"])


def downgrade() -> None:
    op.drop_index(op.f("ix_quarantined_bundles_sha256"), table_name="quarantined_bundles")
    op.drop_table("quarantined_bundles")
    op.drop_index(op.f("ix_trust_peers_unit_code"), table_name="trust_peers")
    op.drop_table("trust_peers")
    op.drop_table("trust_identities")
