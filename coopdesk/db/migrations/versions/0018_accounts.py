"""accounts

Local accounts with roles and the wrapped data key (issue 13 item 1).

Revision ID: 0018_accounts
Revises: 0017_issued_files
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0018_accounts"
down_revision: str | Sequence[str] | None = "0017_issued_files"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
