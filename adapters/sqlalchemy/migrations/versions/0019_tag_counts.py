"""Tag counts: how many visible posts (published, not hidden) carry each tag, so the tags view
reads a small table instead of grouping every published post's tags (ADR 019); filled from the
posts as they are.

Code before this revision does not keep the counts: once every host runs this revision's code,
``folio db recount-tags`` makes them exact again if older hosts wrote posts meanwhile.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-26 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
INSERT INTO tag_counts (tag, uses)
SELECT post_tags.tag, count(*)
FROM post_tags JOIN posts ON posts.id = post_tags.post_id
WHERE posts.published_at IS NOT NULL AND posts.hidden_at IS NULL
GROUP BY post_tags.tag
"""


def upgrade() -> None:
    op.create_table(
        "tag_counts",
        sa.Column("tag", sa.String(30), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("tag", name=op.f("pk_tag_counts")),
    )
    op.create_index(op.f("ix_tag_counts_uses_tag"), "tag_counts", ["uses", "tag"])
    if op.get_bind().dialect.name == "postgresql":
        # Writers of posts wait while the counts are taken, so none is missed (SQLite's one
        # writer at a time already does this).
        op.execute("LOCK TABLE posts, post_tags IN SHARE MODE")
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_index(op.f("ix_tag_counts_uses_tag"), table_name="tag_counts")
    op.drop_table("tag_counts")
