"""Profiles (bio, image, case-blind usernames), post descriptions, follows, favourites and
comments.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("username_key", sa.String(32), nullable=True))
        batch.add_column(sa.Column("bio", sa.String(1000), nullable=True))
        batch.add_column(sa.Column("image", sa.String(2048), nullable=True))
    op.execute("UPDATE users SET username_key = lower(username)")
    with op.batch_alter_table("users") as batch:
        batch.alter_column("username_key", existing_type=sa.String(32), nullable=False)
        batch.drop_constraint("uq_users_username", type_="unique")
        batch.create_unique_constraint(op.f("uq_users_username_key"), ["username_key"])
    with op.batch_alter_table("posts") as batch:
        batch.add_column(
            sa.Column("description", sa.String(300), nullable=False, server_default="")
        )

    op.create_table(
        "follows",
        sa.Column("follower_id", sa.Uuid(), nullable=False),
        sa.Column("followee_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("follower_id", "followee_id", name=op.f("pk_follows")),
        sa.ForeignKeyConstraint(
            ["follower_id"],
            ["users.id"],
            name=op.f("fk_follows_follower_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["followee_id"],
            ["users.id"],
            name=op.f("fk_follows_followee_id_users"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(op.f("ix_follows_followee_id"), "follows", ["followee_id"])

    op.create_table(
        "favorites",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id", "post_id", name=op.f("pk_favorites")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_favorites_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_favorites_post_id_posts"), ondelete="CASCADE"
        ),
    )
    op.create_index(op.f("ix_favorites_post_id"), "favorites", ["post_id"])

    op.create_table(
        "comments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("post_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_comments_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        op.f("ix_comments_post_id_created_at_id"), "comments", ["post_id", "created_at", "id"]
    )
    op.create_index(op.f("ix_comments_author_id"), "comments", ["author_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_comments_author_id"), table_name="comments")
    op.drop_index(op.f("ix_comments_post_id_created_at_id"), table_name="comments")
    op.drop_table("comments")
    op.drop_index(op.f("ix_favorites_post_id"), table_name="favorites")
    op.drop_table("favorites")
    op.drop_index(op.f("ix_follows_followee_id"), table_name="follows")
    op.drop_table("follows")
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("description")
    # Revision 0001 kept handles lower-case; their keys are unique, so this cannot clash.
    op.execute("UPDATE users SET username = username_key")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_username_key", type_="unique")
        batch.create_unique_constraint(op.f("uq_users_username"), ["username"])
        batch.drop_column("image")
        batch.drop_column("bio")
        batch.drop_column("username_key")
