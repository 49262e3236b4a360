"""Post totals: how many posts are visible (published, not hidden), so a list of published
posts reads its total instead of counting every visible post on every page (ADR 024); filled
from the posts as they are.

Code before this revision does not keep the total: once every host runs this revision's code,
``folio db recount-tags`` makes it exact again (with the tag counts) if older hosts wrote posts
meanwhile.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-26 14:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
INSERT INTO post_totals (name, posts)
SELECT 'visible', count(*)
FROM posts
WHERE posts.published_at IS NOT NULL AND posts.hidden_at IS NULL
"""


def upgrade() -> None:
    op.create_table(
        "post_totals",
        sa.Column("name", sa.String(30), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_post_totals")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Writers of posts wait while the total is taken, so none is missed.
        op.execute("LOCK TABLE posts IN SHARE MODE")
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("post_totals")
