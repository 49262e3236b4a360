"""Sessions and the hashes of their retired refresh tokens.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 18:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("refresh_hash", sa.String(64), nullable=False),
        sa.Column("auth_method", sa.String(22), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("refresh_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_address", sa.String(64), nullable=True),
        sa.Column("user_agent", sa.String(512), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("refresh_hash", name=op.f("uq_sessions_refresh_hash")),
    )
    op.create_index(op.f("ix_sessions_user_id_created_at"), "sessions", ["user_id", "created_at"])
    op.create_table(
        "retired_refresh_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_retired_refresh_tokens")),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_retired_refresh_tokens_session_id_sessions"),
            ondelete="CASCADE",
        ),
    )
    op.create_index(
        op.f("ix_retired_refresh_tokens_session_id"), "retired_refresh_tokens", ["session_id"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_retired_refresh_tokens_session_id"), table_name="retired_refresh_tokens")
    op.drop_table("retired_refresh_tokens")
    op.drop_index(op.f("ix_sessions_user_id_created_at"), table_name="sessions")
    op.drop_table("sessions")
