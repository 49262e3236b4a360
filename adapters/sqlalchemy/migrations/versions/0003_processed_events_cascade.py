"""Processed-event records go with their outbox entry (one DELETE completes an entry).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM processed_events WHERE event_id NOT IN (SELECT event_id FROM outbox)")
    with op.batch_alter_table("processed_events") as batch:
        batch.create_foreign_key(
            op.f("fk_processed_events_event_id_outbox"),
            "outbox",
            ["event_id"],
            ["event_id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("processed_events") as batch:
        batch.drop_constraint(op.f("fk_processed_events_event_id_outbox"), type_="foreignkey")
