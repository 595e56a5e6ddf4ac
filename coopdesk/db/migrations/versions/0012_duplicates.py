"""duplicates

Possible duplicates (issue 14, item 5): `duplicate_dismissals` holds the pairs an officer said
are not the same ("Không phải trùng"), `duplicate_merges` the merges of two records with what
each moved (so it can be undone); both are synced. Three indexes serve the duplicate keys of
`coopdesk.domain.duplicates` at national size: a person's folded name with her birth year, her
phone without separators ("+84" read as "0"), and a cooperative's tax code without separators.
The two expressions are written out as `coopdesk.db.models.duplicates` makes them.

Revision ID: 0012_duplicates
Revises: 0011_excel_imports
Create Date: 2026-12-02 07:20:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012_duplicates"
down_revision: str | Sequence[str] | None = "0011_excel_imports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PHONE_BARE = (
    "replace(replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '(', ''), "
    "')', '')"
)
PHONE_DIGITS = (
    f"CASE WHEN (substr({_PHONE_BARE}, 1, 3) = '+84') THEN '0' || substr({_PHONE_BARE}, 4) "
    f"ELSE {_PHONE_BARE} END"
)
TAX_CODE = (
    "upper(replace(replace(replace(replace(registration_no, ' ', ''), '.', ''), '-', ''), '/', ''))"
)


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("unit_code", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "duplicate_dismissals",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("first_id", sa.String(length=36), nullable=False),
        sa.Column("second_id", sa.String(length=36), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_duplicate_dismissals_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_dismissals")),
    )
    for column in ("first_id", "second_id", "unit_code"):
        op.create_index(f"ix_duplicate_dismissals_{column}", "duplicate_dismissals", [column])
    op.create_table(
        "duplicate_merges",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("kept_id", sa.String(length=36), nullable=False),
        sa.Column("merged_id", sa.String(length=36), nullable=False),
        sa.Column("merged_label", sa.String(length=300), nullable=False),
        sa.Column("moved", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_duplicate_merges_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_merges")),
    )
    for column in ("kept_id", "merged_id", "unit_code"):
        op.create_index(f"ix_duplicate_merges_{column}", "duplicate_merges", [column])
    op.create_index("ix_people_duplicate_name", "people", ["name_folded", "birth_year"])
    # PostgreSQL takes an expression in an index's column list only within parentheses
    wrap = "({})" if op.get_bind().dialect.name == "postgresql" else "{}"
    op.create_index("ix_people_duplicate_phone", "people", [sa.text(wrap.format(PHONE_DIGITS))])
    op.create_index(
        "ix_cooperatives_duplicate_mst", "cooperatives", [sa.text(wrap.format(TAX_CODE))]
    )


def downgrade() -> None:
    op.drop_index("ix_cooperatives_duplicate_mst", table_name="cooperatives")
    op.drop_index("ix_people_duplicate_phone", table_name="people")
    op.drop_index("ix_people_duplicate_name", table_name="people")
    op.drop_table("duplicate_merges")
    op.drop_table("duplicate_dismissals")
