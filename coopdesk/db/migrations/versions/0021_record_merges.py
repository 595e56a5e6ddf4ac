"""record_merges

Merged duplicate records, kept so a merge can be undone (issue 14 item 5).

Revision ID: 0021_record_merges
Revises: 0020_document_issuers
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0021_record_merges"
down_revision: str | Sequence[str] | None = "0020_document_issuers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
