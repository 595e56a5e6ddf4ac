"""trust_revocations

Revoked and announced keys of trusted installations (issue 12).

Revision ID: 0022_trust_revocations
Revises: 0021_record_merges
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0022_trust_revocations"
down_revision: str | Sequence[str] | None = "0021_record_merges"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
