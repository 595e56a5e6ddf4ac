"""unit_catalogue

RESERVED for the work in progress on this part of the schema (replace this docstring with
what the migration does, and fill in upgrade/downgrade; an unused one is removed before the
session ends and the chain relinked).

Revision ID: 0014_unit_catalogue
Revises: 0013_documents
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

# revision identifiers, used by Alembic.
revision: str = "0014_unit_catalogue"
down_revision: str | Sequence[str] | None = "0013_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
