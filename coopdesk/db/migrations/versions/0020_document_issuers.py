"""document_issuers

Each document's issuer, signer and recipients, and plans as real plans are written (issue 15 items 1-2).

Revision ID: 0020_document_issuers
Revises: 0019_sealed_sensitive
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0020_document_issuers"
down_revision: str | Sequence[str] | None = "0019_sealed_sensitive"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
