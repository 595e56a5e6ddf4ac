"""indicator summaries

Each unit's partial indicator values per period, and their sums per province and for the
country, so that the overview of a province or the whole country reads a few hundred rows
instead of millions of records. Triggers on every table the indicators read delete what a
change makes stale (see coopdesk.db.summary_triggers). Nothing is stored yet: the first
overview after the upgrade computes and keeps its numbers.

Revision ID: 0006_indicator_summaries
Revises: 0005_country_unit
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_indicator_summaries"
down_revision: str | Sequence[str] | None = "0005_country_unit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from coopdesk.db.summary_triggers import create_statements

    op.create_table(
        "indicator_summaries",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=48), nullable=False),
        sa.Column("formula", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "period", name=op.f("pk_indicator_summaries")),
    )
    for statement in create_statements():
        op.execute(sa.text(statement))


def downgrade() -> None:
    from coopdesk.db.summary_triggers import drop_statements

    for statement in drop_statements():
        op.execute(sa.text(statement))
    op.drop_table("indicator_summaries")
