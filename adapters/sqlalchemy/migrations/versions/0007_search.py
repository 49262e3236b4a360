"""Full-text search of posts: an FTS5 table on SQLite, a tsvector under a GIN index on
PostgreSQL, both named post_search and filled from the posts already written.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 19:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE post_search ("
            " post_id UUID PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,"
            " document TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_post_search_document ON post_search USING GIN (document)")
        op.execute(
            "INSERT INTO post_search (post_id, document) SELECT id,"
            " setweight(to_tsvector('english', title), 'A')"
            " || setweight(to_tsvector('english', coalesce((SELECT string_agg(tag, ' ')"
            " FROM post_tags WHERE post_tags.post_id = posts.id), '')), 'B')"
            " || setweight(to_tsvector('english', description), 'C')"
            " || setweight(to_tsvector('english', content), 'D') FROM posts"
        )
        return
    op.execute(
        "CREATE VIRTUAL TABLE post_search USING fts5("
        "post_id UNINDEXED, title, tags, description, content,"
        " tokenize = 'porter unicode61')"
    )
    # Deleting a post (directly or by cascade from its author) forgets its search entry.
    op.execute(
        "CREATE TRIGGER post_search_forget AFTER DELETE ON posts BEGIN"
        " DELETE FROM post_search WHERE post_id = old.id; END"
    )
    op.execute(
        "INSERT INTO post_search (post_id, title, tags, description, content)"
        " SELECT id, title, coalesce((SELECT group_concat(tag, ' ') FROM post_tags"
        " WHERE post_tags.post_id = posts.id), ''), description, content FROM posts"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS post_search_forget")
    op.execute("DROP TABLE post_search")
