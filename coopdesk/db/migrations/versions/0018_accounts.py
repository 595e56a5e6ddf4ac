"""accounts

Local accounts with roles and the wrapped data key (issue 13 item 1): `accounts` (login, role,
the data key wrapped under the password, disabled) and `account_recovery` (the data key wrapped
under the recovery code). Local to each database, never synced.

Revision ID: 0018_accounts
Revises: 0017_issued_files
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0018_accounts"
down_revision: str | Sequence[str] | None = "0017_issued_files"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("login", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("key_wrap", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("login", name=op.f("uq_accounts_login")),
    )
    op.create_table(
        "account_recovery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_wrap", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_recovery")),
    )


def downgrade() -> None:
    op.drop_table("account_recovery")
    op.drop_table("accounts")
