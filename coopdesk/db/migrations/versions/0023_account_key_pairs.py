"""account_key_pairs

Each account's key pair (issue 13 item 2): the data key is sealed to the accounts that may read
sensitive details only, so a viewer's password opens none. An account made before this keeps
its old wrap (the data key under its password) until its next login, which gives it a key pair
and seals the data key to it, or not, by its role (services.accounts.login).

Revision ID: 0023_account_key_pairs
Revises: 0022_trust_revocations
Create Date: 2026-12-03 18:45:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0023_account_key_pairs"
down_revision: str | Sequence[str] | None = "0022_trust_revocations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("accounts", sa.Column("public_key", sa.Text(), nullable=True))
    op.add_column("accounts", sa.Column("data_wrap", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("data_wrap")
        batch_op.drop_column("public_key")
