"""The live connections of this process: the per-user cap and the close at shutdown."""

import asyncio
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from adapters.metrics import WEBSOCKETS_OPEN

logger = logging.getLogger("folio.websocket")


@dataclass(frozen=True, slots=True)
class Closing:
    """Why the server ends a connection: a WebSocket close code and a short reason."""

    code: int
    reason: str


GOING_AWAY = Closing(1001, "server shutting down")
POLICY_VIOLATION = 1008
TRY_AGAIN_LATER = 1013


class ShuttingDown(Exception):
    pass


@dataclass(eq=False)
class Connection:
    """One open connection; ``stopped`` resolves when the server wants it closed."""

    stopped: asyncio.Future[Closing] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    def stop(self, closing: Closing) -> None:
        if not self.stopped.done():
            self.stopped.set_result(closing)


class LiveConnections:
    """The open connections of this process; ``close_all`` ends every one."""

    def __init__(self) -> None:
        self._open: set[Connection] = set()
        self._closing = False

    def __len__(self) -> int:
        return len(self._open)

    @contextmanager
    def opened(self) -> Iterator[Connection]:
        """Track a new connection until the block ends; refused once shutdown has begun."""
        if self._closing:
            raise ShuttingDown()
        connection = Connection()
        self._open.add(connection)
        WEBSOCKETS_OPEN.inc()
        try:
            yield connection
        finally:
            WEBSOCKETS_OPEN.dec()
            self._open.discard(connection)
            connection.finished.set()

    async def close_all(self, closing: Closing = GOING_AWAY, within: float = 2.0) -> None:
        """Refuse new connections, ask every open one to close, and wait (up to ``within``
        seconds) until they have."""
        self._closing = True
        connections = list(self._open)
        for connection in connections:
            connection.stop(closing)
        if connections:
            waits = [asyncio.create_task(c.finished.wait()) for c in connections]
            _, pending = await asyncio.wait(waits, timeout=within)
            for wait in pending:
                wait.cancel()
            if pending:
                logger.warning("%d WebSocket(s) did not close in time", len(pending))
