"""audit source

Audit events say where a change came from when it was not typed here: `source` holds JSON
such as {"bundle": 3, "sender": "03408", "import": 12} for a record received in a bundle and
for undoing that import, so a record's History can say "imported from bundle 3 of Phường Tân
Phong".

Revision ID: 0008_audit_source
Revises: 0007_summary_triggers_recreated
Create Date: 2026-12-02 05:10:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008_audit_source"
down_revision: str | Sequence[str] | None = "0007_summary_triggers_recreated"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_column("source")
