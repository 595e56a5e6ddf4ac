"""document_issuers

A plan carries its own issuer and signature (the header's body, parent body, symbol, place,
signing lines, signer and recipients; empty means the defaults of its kind of body), its Căn cứ
lines as data (JSON: kind, number, date, issuer, title), and the parts real plans have: the
opening sentence, specific goals in the plan's words, timing and phases, the closing paragraph
and the headings a plan words its own way; an assignment may be an activity the issuer holds
at its own level ("Các hoạt động cấp tỉnh", printed in a part of their own), and assignments
keep their order in the plan (`position`), which the printed plan follows (issue 15 items
1-2). Plans and assignments sync: the new columns travel with their rows.

Revision ID: 0020_document_issuers
Revises: 0019_sealed_sensitive
Create Date: 2026-12-03 13:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0020_document_issuers"
down_revision: str | Sequence[str] | None = "0019_sealed_sensitive"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    "bases",
    "opening",
    "specific_goals",
    "timing",
    "closing",
    "heading_groups",
    "heading_tasks",
    "heading_own",
    "issuer_header",
    "parent_body",
    "symbol",
    "place",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
)


def upgrade() -> None:
    with op.batch_alter_table("plans", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("own_level", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_column("position")
        batch_op.drop_column("own_level")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
