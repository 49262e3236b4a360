"""The local fan-out every live-events adapter ends in: one bounded queue per subscriber."""

import asyncio
from types import TracebackType
from typing import Self

from application.ports.live_events import FellBehind, LiveMessage, LiveSubscription
from domain.ids import UserId


class LocalSubscription(LiveSubscription):
    """A subscriber's queue. Offering a message never waits: a full queue marks the
    subscriber as fallen behind and drops it from the fan-out."""

    def __init__(self, fan_out: "LocalFanOut", capacity: int) -> None:
        self.user_id: UserId | None = None
        self.capacity = capacity
        self._fan_out = fan_out
        self._queue: asyncio.Queue[LiveMessage] = asyncio.Queue(maxsize=capacity)
        self._fell_behind = asyncio.Event()

    @property
    def fell_behind(self) -> bool:
        return self._fell_behind.is_set()

    def identify(self, user_id: UserId) -> None:
        self.user_id = user_id

    def offer(self, message: LiveMessage) -> None:
        if self.fell_behind:
            return
        try:
            self._queue.put_nowait(message)
        except asyncio.QueueFull:
            self._fell_behind.set()
            self._fan_out.remove(self)

    async def next(self) -> LiveMessage:
        if self.fell_behind:
            raise FellBehind(self.capacity)
        return await self._queue.get()

    async def wait_fell_behind(self) -> None:
        await self._fell_behind.wait()

    async def __aenter__(self) -> Self:
        self._fan_out.add(self)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._fan_out.remove(self)


class LocalFanOut:
    """The subscribers of this process; ``deliver`` hands a message to each it is for."""

    def __init__(self) -> None:
        self._subscribers: set[LocalSubscription] = set()

    def subscription(self, capacity: int) -> LocalSubscription:
        if capacity < 1:
            raise ValueError("a subscription holds at least one message")
        return LocalSubscription(self, capacity)

    def add(self, subscription: LocalSubscription) -> None:
        self._subscribers.add(subscription)

    def remove(self, subscription: LocalSubscription) -> None:
        self._subscribers.discard(subscription)

    def deliver(self, message: LiveMessage) -> None:
        for subscription in list(self._subscribers):
            if message.is_for(subscription.user_id):
                subscription.offer(message)

    def __len__(self) -> int:
        return len(self._subscribers)
