"""The index lists read: published_at, id, and what lists filter on (author_id, hidden_at), so
a list's total and a page's ids are read from the index alone.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26 04:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ["published_at", "id"]
AFTER = ["published_at", "id", "author_id", "hidden_at"]


def upgrade() -> None:
    op.create_index(op.f("ix_posts_published_at_id_author_id_hidden_at"), "posts", AFTER)
    op.drop_index(op.f("ix_posts_published_at_id"), table_name="posts")


def downgrade() -> None:
    op.create_index(op.f("ix_posts_published_at_id"), "posts", BEFORE)
    op.drop_index(op.f("ix_posts_published_at_id_author_id_hidden_at"), table_name="posts")
