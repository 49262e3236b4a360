"""The hidden posts' index: a list's total counts its posts less the hidden ones, which this
small partial index holds with what lists filter on.

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HIDDEN = sa.text("hidden_at IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_posts_hidden",
        "posts",
        ["hidden_at", "published_at", "author_id", "id"],
        sqlite_where=HIDDEN,
        postgresql_where=HIDDEN,
    )


def downgrade() -> None:
    op.drop_index("ix_posts_hidden", table_name="posts")
