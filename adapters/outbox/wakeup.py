"""How a relay learns that a commit wrote new entries: an in-process signal, and on
PostgreSQL a LISTEN on the channel every SQL unit of work NOTIFYs at commit."""

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.engine import make_url

from adapters.sqlalchemy.outbox_rows import NOTIFY_CHANNEL
from application.ports.events import EventPublisher
from domain.events import DomainEvent

logger = logging.getLogger("folio.outbox")


class RelayWakeup(EventPublisher):
    """Set by a commit in this process (it is an EventPublisher) or by a NOTIFY; the relay
    waits on it between passes."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        self.notify()

    async def wait(self, seconds: float) -> None:
        """Return once notified (at once if notified meanwhile) or after ``seconds``."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), seconds)
        self._event.clear()


class PostgresListener:
    """A connection of its own (outside the pool, so it never takes a request's slot)
    that LISTENs and wakes the relay. Without it the relay still polls."""

    def __init__(self, database_url: str, wakeup: RelayWakeup) -> None:
        self._dsn = make_url(database_url).set(drivername="postgresql")
        self._wakeup = wakeup
        self._connection: Any = None

    async def start(self) -> None:
        try:
            dsn = self._dsn.render_as_string(hide_password=False)
            self._connection = await asyncpg.connect(dsn, timeout=10)
            await self._connection.add_listener(NOTIFY_CHANNEL, self._on_notify)
        except (OSError, asyncpg.PostgresError, TimeoutError) as error:
            logger.warning("outbox relay cannot LISTEN (%s); it polls instead", error)
            self._connection = None

    def _on_notify(self, *_args: object) -> None:
        self._wakeup.notify()

    async def stop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(OSError, asyncpg.PostgresError, TimeoutError):
                await asyncio.wait_for(connection.close(), 5)
