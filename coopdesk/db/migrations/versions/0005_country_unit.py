"""The whole country as a unit ("VN"), so national targets have a unit to belong to.

Revision ID: 0005_country_unit
Revises: 0004_list_order_indexes
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_country_unit"
down_revision: str | Sequence[str] | None = "0004_list_order_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# coopdesk.i18n.collation_key("Việt Nam") at this revision, written out so that a later change
# to the collation cannot change what this migration writes
SORT_KEY = ']MIZ"RAQ 50 1000100'


def upgrade() -> None:
    # Only a database whose catalogue is loaded gets the row; a new one gets it with the rest.
    op.execute(
        sa.text(
            "INSERT INTO units (code, name, name_folded, division_type, level, parent_code, "
            "province_code, legacy, sort_key) "
            "SELECT 'VN', 'Việt Nam', 'viet nam toan quoc', 'quốc gia', 'country', NULL, NULL, "
            "FALSE, :sort_key WHERE EXISTS (SELECT 1 FROM units) "
            "AND NOT EXISTS (SELECT 1 FROM units WHERE code = 'VN')"
        ).bindparams(sort_key=SORT_KEY)
    )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM units WHERE code = 'VN'"))
