"""sealed_sensitive

Sensitive details sealed under the data key (issue 13 item 2): `person_sensitive.sealed` and
`consents.sealed` hold the sensitive values as sealed JSON (`coopdesk.security.vault`) once the
installation has accounts; the clear columns are then NULL, so a consent's category and purpose
become nullable. An installation without accounts keeps them in clear, as before.

Revision ID: 0019_sealed_sensitive
Revises: 0018_accounts
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0019_sealed_sensitive"
down_revision: str | Sequence[str] | None = "0018_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person_sensitive", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed", sa.Text(), nullable=True))
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sealed", sa.Text(), nullable=True))
        batch_op.alter_column("category", existing_type=sa.String(length=40), nullable=True)
        batch_op.alter_column("purpose", existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.alter_column("purpose", existing_type=sa.Text(), nullable=False)
        batch_op.alter_column("category", existing_type=sa.String(length=40), nullable=False)
        batch_op.drop_column("sealed")
    with op.batch_alter_table("person_sensitive", schema=None) as batch_op:
        batch_op.drop_column("sealed")
