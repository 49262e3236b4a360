"""Single-use tokens of account e-mails (password reset, e-mail verification), as digests.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_tokens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(14), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_tokens")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_account_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("digest", name=op.f("uq_account_tokens_digest")),
    )
    op.create_index(
        op.f("ix_account_tokens_user_id_purpose"), "account_tokens", ["user_id", "purpose"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_account_tokens_user_id_purpose"), table_name="account_tokens")
    op.drop_table("account_tokens")
