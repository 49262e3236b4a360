"""Moderation: posts and comments an admin hid (when, why, by whom).

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26 01:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("posts", "comments")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(sa.Column("hidden_reason", sa.String(500), nullable=True))
            batch.add_column(sa.Column("hidden_by", sa.Uuid(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hidden_by")
            batch.drop_column("hidden_reason")
            batch.drop_column("hidden_at")
