"""The relay's loop: one task per process, woken by commits, polling meanwhile."""

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable

from adapters.outbox.wakeup import PostgresListener, RelayWakeup

logger = logging.getLogger("folio.outbox")
STOP_GRACE_SECONDS = 5.0
Pass = Callable[[], Awaitable[int]]


def relay_name() -> str:
    """Who holds a lease: host, process and a random part (a restarted process is new)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class OutboxRelay:
    """Runs ``deliver`` (one pass, returning how many entries it claimed) again at once while
    passes come back full, else after a wake-up or ``poll_seconds``. A failing pass (the
    database is away) is logged and retried at the next poll. ``stop()`` lets the current
    pass finish for up to STOP_GRACE_SECONDS, then cancels it (its leases then expire)."""

    def __init__(
        self,
        deliver: Pass,
        wakeup: RelayWakeup,
        *,
        batch: int,
        poll_seconds: float = 1.0,
        listener: PostgresListener | None = None,
    ) -> None:
        self._deliver = deliver
        self._wakeup = wakeup
        self._batch = batch
        self._poll_seconds = poll_seconds
        self._listener = listener
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        if self.running:
            return
        self._stopping = False
        if self._listener is not None:
            await self._listener.start()
        self._task = asyncio.create_task(self.run(), name="folio-outbox-relay")

    async def stop(self) -> None:
        task, self._task = self._task, None
        self._stopping = True
        self._wakeup.notify()
        if task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(task), STOP_GRACE_SECONDS)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._listener is not None:
            await self._listener.stop()

    async def run(self) -> None:
        while not self._stopping:
            try:
                claimed = await self._deliver()
            except Exception:
                logger.exception("outbox relay pass failed; retrying after the poll interval")
                claimed = 0
            if claimed < self._batch and not self._stopping:
                await self._wakeup.wait(self._poll_seconds)
