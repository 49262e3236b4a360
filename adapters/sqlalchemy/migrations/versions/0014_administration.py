"""Administration: the audit trail of admin actions and a per-user posting limit.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("posts_per_day", sa.Integer(), nullable=True))
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(17), nullable=False),
        sa.Column("target_type", sa.String(7), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("detail", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index(op.f("ix_audit_entries_at_id"), "audit_entries", ["at", "id"])
    op.create_index(op.f("ix_audit_entries_actor_id"), "audit_entries", ["actor_id"])
    op.create_index(op.f("ix_audit_entries_target_id"), "audit_entries", ["target_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_entries_target_id"), table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_actor_id"), table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_at_id"), table_name="audit_entries")
    op.drop_table("audit_entries")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("posts_per_day")
