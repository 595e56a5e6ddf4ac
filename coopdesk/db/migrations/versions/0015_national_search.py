"""national_search: the country above every province

Today's provinces get the country ("VN") as their parent unit, so that a national installation
is above them: provinces export to it and it lists, counts and reports the whole country.

Revision ID: 0015_national_search
Revises: 0014_unit_catalogue
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015_national_search"
down_revision: str | Sequence[str] | None = "0014_unit_catalogue"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE units SET parent_code = 'VN' WHERE level = 'province' AND legacy = 0 "
            "AND parent_code IS NULL AND EXISTS (SELECT 1 FROM units WHERE code = 'VN')"
        )
    )


def downgrade() -> None:
    op.execute(sa.text("UPDATE units SET parent_code = NULL WHERE parent_code = 'VN'"))
