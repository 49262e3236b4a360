"""Writing events to the outbox table inside the unit of work's transaction."""

from collections.abc import Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.outbox.codec import encode
from adapters.sqlalchemy.tables import outbox
from application.ports.outbox import EntryState, NewEvent

NOTIFY_CHANNEL = "folio_outbox"


async def write_outbox(session: AsyncSession, events: Sequence[NewEvent]) -> None:
    """Append ``events`` in order; on PostgreSQL, listening relays are woken at commit."""
    if not events:
        return
    await session.execute(insert(outbox), [_row(new) for new in events])
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(select(func.pg_notify(NOTIFY_CHANNEL, "")))


def _row(new: NewEvent) -> dict[str, object]:
    return {
        "event_id": new.event_id,
        "aggregate_id": new.aggregate_id,
        "event_name": new.event.name,
        "payload": encode(new.event),
        "created_at": new.event.occurred_at,
        "state": EntryState.PENDING.value,
        "attempts": 0,
        "available_at": new.event.occurred_at,
    }
