"""One pass of the outbox relay: claim due entries, hand each to the handlers that want it."""

import asyncio
import logging
from collections.abc import Sequence
from datetime import timedelta

from application.outbox.retry_policy import RetryPolicy
from application.ports.clock import Clock
from application.ports.event_handlers import EventHandler
from application.ports.outbox import Outbox, OutboxEntry

logger = logging.getLogger("folio.outbox")
ERROR_MAX_LEN = 1000


class DeliverEvents:
    """Delivers a batch of outbox entries, oldest first, to every handler whose ``handles()``
    is true, skipping the handlers that already processed an entry. An entry leaves the outbox
    once all of them succeeded; a failure is retried later by ``policy``, and after its last
    attempt the entry becomes a dead letter. A claim holds at most one entry per aggregate, so
    up to ``concurrency`` entries are delivered at once without breaking an aggregate's order.
    Returns how many entries were claimed."""

    def __init__(
        self,
        outbox: Outbox,
        handlers: Sequence[EventHandler],
        clock: Clock,
        policy: RetryPolicy,
        *,
        owner: str,
        lease: timedelta = timedelta(seconds=60),
        batch: int = 100,
        concurrency: int = 4,
    ) -> None:
        self._outbox = outbox
        self._handlers = handlers
        self._clock = clock
        self._policy = policy
        self.owner = owner
        self._lease = lease
        self.batch = batch
        self._slots = asyncio.Semaphore(concurrency)

    async def __call__(self) -> int:
        entries = await self._outbox.claim(
            self.owner, now=self._clock.now(), lease=self._lease, limit=self.batch
        )
        outcomes = await asyncio.gather(
            *(self._deliver_in_turn(entry) for entry in entries), return_exceptions=True
        )
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
        return len(entries)

    async def _deliver_in_turn(self, entry: OutboxEntry) -> None:
        async with self._slots:
            await self._deliver(entry)

    async def _deliver(self, entry: OutboxEntry) -> None:
        if entry.event is None:
            await self._fail(entry, f"event {entry.event_name!r} is unknown", final=True)
            return
        remaining = [
            handler
            for handler in self._handlers
            if handler.handles(entry.event) and handler.name not in entry.processed_by
        ]
        for number, handler in enumerate(remaining, start=1):
            try:
                await handler.handle(entry.delivery)
            except Exception as error:  # a handler's fault: retry the entry later
                await self._fail(entry, f"{handler.name}: {type(error).__name__}: {error}")
                return
            if number < len(remaining):  # the last one is recorded by complete() itself
                await self._outbox.mark_processed(
                    entry.event_id, handler.name, now=self._clock.now()
                )
        await self._outbox.complete(entry.event_id, self.owner)

    async def _fail(self, entry: OutboxEntry, error: str, *, final: bool = False) -> None:
        attempts = entry.attempts + 1
        error = error[:ERROR_MAX_LEN]
        if final or self._policy.gives_up_after(attempts):
            logger.error(
                "outbox entry %s dead after %d attempts: %s", entry.event_id, attempts, error
            )
            await self._outbox.bury(entry.event_id, self.owner, attempts=attempts, error=error)
            return
        retry_at = self._clock.now() + self._policy.delay(attempts)
        logger.warning(
            "outbox entry %s failed (attempt %d), retry at %s: %s",
            entry.event_id,
            attempts,
            retry_at.isoformat(),
            error,
        )
        await self._outbox.reschedule(
            entry.event_id, self.owner, attempts=attempts, available_at=retry_at, error=error
        )
