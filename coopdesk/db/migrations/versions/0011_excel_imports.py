"""excel_imports

The spreadsheets imported here (issue 14): file name and sha256, the kind of record and the
sheet, when and by whom, the counts by outcome (JSON), the transaction counter after it (an
import can be undone while nothing changed since) and when it was undone.

Revision ID: 0011_excel_imports
Revises: 0009_trust
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0011_excel_imports"
down_revision: str | Sequence[str] | None = "0009_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "excel_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("file_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sheet", sa.String(length=120), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("counter_after", sa.BigInteger(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_excel_imports")),
    )
    with op.batch_alter_table("excel_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_excel_imports_file_hash"), ["file_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("excel_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_excel_imports_file_hash"))
    op.drop_table("excel_imports")
