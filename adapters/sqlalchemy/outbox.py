"""The outbox table as the relay and operators see it. Every method is one short transaction.

PostgreSQL: relays claim entries with ``FOR UPDATE SKIP LOCKED`` and a lease per entry, so
several can run at once. SQLite: one relay at a time holds the ``outbox`` lease in
``relay_leases`` (renewed on every claim, free once it expires) and delivers alone.
"""

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.outbox.codec import UnknownEvent, decode
from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.tables import outbox, processed_events, relay_leases
from application.ports.outbox import EntryState, Outbox, OutboxEntry

RELAY_LEASE = "outbox"
PENDING = EntryState.PENDING.value
DEAD = EntryState.DEAD.value


class SqlAlchemyOutbox(Outbox):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._postgres = engine.dialect.name == "postgresql"

    async def claim(
        self, owner: str, *, now: datetime, lease: timedelta, limit: int
    ) -> list[OutboxEntry]:
        with translated_errors():
            async with self._engine.begin() as connection:
                alone = self._postgres or await _hold_relay_lease(connection, owner, now, lease)
                if not alone:
                    return []
                positions = list(await connection.scalars(self._candidates(owner, now, limit)))
                if not positions:
                    return []
                await connection.execute(
                    update(outbox)
                    .where(outbox.c.position.in_(positions))
                    .values(lease_owner=owner, lease_until=now + lease)
                )
                rows = await connection.execute(
                    select(outbox).where(outbox.c.position.in_(positions)).order_by("position")
                )
                claimed = [entry_of(row) for row in rows.mappings()]
                done = await connection.execute(
                    select(processed_events.c.event_id, processed_events.c.handler).where(
                        processed_events.c.event_id.in_([entry.event_id for entry in claimed])
                    )
                )
                by_event: dict[UUID, set[str]] = {}
                for event_id, handler in done:
                    by_event.setdefault(event_id, set()).add(handler)
                return [
                    replace(entry, processed_by=frozenset(by_event.get(entry.event_id, ())))
                    for entry in claimed
                ]

    def _candidates(self, owner: str, now: datetime, limit: int) -> Any:
        earlier = outbox.alias("earlier")
        query = (
            select(outbox.c.position)
            .where(
                outbox.c.state == PENDING,
                outbox.c.available_at <= now,
                or_(
                    outbox.c.lease_until.is_(None),
                    outbox.c.lease_until <= now,
                    outbox.c.lease_owner == owner,
                ),
                ~exists().where(
                    earlier.c.aggregate_id == outbox.c.aggregate_id,
                    earlier.c.position < outbox.c.position,
                    earlier.c.state == PENDING,
                ),
            )
            .order_by(outbox.c.position)
            .limit(limit)
        )
        return query.with_for_update(skip_locked=True, of=outbox) if self._postgres else query

    async def mark_processed(self, event_id: UUID, handler: str, *, now: datetime) -> None:
        dialect_insert = postgresql.insert if self._postgres else sqlite.insert
        statement = dialect_insert(processed_events).on_conflict_do_nothing()
        with translated_errors():
            async with self._engine.begin() as connection:
                await connection.execute(
                    statement, {"event_id": event_id, "handler": handler, "processed_at": now}
                )

    async def complete(self, event_id: UUID, owner: str) -> None:
        with translated_errors():
            async with self._engine.begin() as connection:
                # Its processed records go with it (ON DELETE CASCADE).
                await connection.execute(delete(outbox).where(_held(event_id, owner)))

    async def reschedule(
        self, event_id: UUID, owner: str, *, attempts: int, available_at: datetime, error: str
    ) -> None:
        await self._release(
            event_id, owner, attempts=attempts, available_at=available_at, last_error=error
        )

    async def bury(self, event_id: UUID, owner: str, *, attempts: int, error: str) -> None:
        await self._release(event_id, owner, attempts=attempts, state=DEAD, last_error=error)

    async def _release(self, event_id: UUID, owner: str, **values: Any) -> None:
        statement = (
            update(outbox)
            .where(_held(event_id, owner))
            .values(lease_owner=None, lease_until=None, **values)
        )
        with translated_errors():
            async with self._engine.begin() as connection:
                await connection.execute(statement)

    async def entries(self, *, dead: bool, limit: int) -> list[OutboxEntry]:
        query = (
            select(outbox)
            .where(outbox.c.state == (DEAD if dead else PENDING))
            .order_by(outbox.c.position)
            .limit(limit)
        )
        with translated_errors():
            async with self._engine.connect() as connection:
                return [entry_of(row) for row in (await connection.execute(query)).mappings()]

    async def retry(self, event_id: UUID | None, *, now: datetime) -> int:
        which = outbox.c.state == DEAD
        if event_id is not None:
            which = and_(which, outbox.c.event_id == event_id)
        statement = (
            update(outbox)
            .where(which)
            .values(state=PENDING, attempts=0, available_at=now, lease_owner=None, lease_until=None)
        )
        with translated_errors():
            async with self._engine.begin() as connection:
                return int((await connection.execute(statement)).rowcount or 0)


def _held(event_id: UUID, owner: str) -> Any:
    return and_(outbox.c.event_id == event_id, outbox.c.lease_owner == owner)


async def _hold_relay_lease(
    connection: AsyncConnection, owner: str, now: datetime, lease: timedelta
) -> bool:
    """Take or renew the single relay lease; False while another live relay holds it."""
    values = {"owner": owner, "expires_at": now + lease}
    renewed = await connection.execute(
        update(relay_leases)
        .where(
            relay_leases.c.name == RELAY_LEASE,
            or_(relay_leases.c.owner == owner, relay_leases.c.expires_at <= now),
        )
        .values(**values)
    )
    if renewed.rowcount:
        return True
    taken = await connection.execute(
        sqlite.insert(relay_leases).on_conflict_do_nothing(), {"name": RELAY_LEASE, **values}
    )
    return bool(taken.rowcount)


def entry_of(row: RowMapping) -> OutboxEntry:
    try:
        event = decode(row["event_name"], row["payload"])
    except UnknownEvent:
        event = None
    return OutboxEntry(
        position=row["position"],
        event_id=row["event_id"],
        aggregate_id=row["aggregate_id"],
        event_name=row["event_name"],
        event=event,
        state=EntryState(row["state"]),
        attempts=row["attempts"],
        available_at=row["available_at"],
        created_at=row["created_at"],
        last_error=row["last_error"],
    )
