"""indicator covering indexes

Covering indexes so that the indicators of a whole province or the country are counted from
indexes alone: management roles per cooperative, women among people, completed participations
and the trainings they belong to. `if_not_exists`: a large scratch database may already have
them (they were measured there first).

Revision ID: 0003_indicator_covering_indexes
Revises: 0002_sync_bookkeeping
Create Date: 2026-11-23 13:04:20.240913

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003_indicator_covering_indexes"
down_revision: str | Sequence[str] | None = "0002_sync_bookkeeping"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("participations", "ix_participations_person_cover",
     ["person_id", "completed", "deleted_at", "training_id"]),
    ("participations", "ix_participations_training_cover",
     ["training_id", "completed", "deleted_at", "person_id"]),
    ("people", "ix_people_gender_cover", ["id", "gender", "deleted_at", "unit_code"]),
    ("roles", "ix_roles_coop_cover",
     ["cooperative_id", "role", "person_id", "start_on", "end_on", "deleted_at"]),
    ("trainings", "ix_trainings_id_cover", ["id", "start_on", "deleted_at", "kind", "audience"]),
]  # fmt: skip


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, columns, unique=False, if_not_exists=True)


def downgrade() -> None:
    for table, name, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table, if_exists=True)
