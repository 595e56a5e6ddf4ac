"""sealed_sensitive

Sensitive details sealed under the data key (issue 13 item 2).

Revision ID: 0019_sealed_sensitive
Revises: 0018_accounts
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0019_sealed_sensitive"
down_revision: str | Sequence[str] | None = "0018_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
