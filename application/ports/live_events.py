"""Live events: messages pushed to connected clients, fanned out to every worker and host."""

from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self
from uuid import UUID

from domain.ids import UserId

JsonValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class LiveMessage:
    """One message for connected clients.

    ``id`` is the id of the event it comes from (the same on every redelivery, so clients can
    de-duplicate), ``time`` when the event happened. ``recipient_id`` None means everyone.
    """

    id: UUID
    type: str
    time: datetime
    payload: Mapping[str, JsonValue] = field(default_factory=dict)
    recipient_id: UserId | None = None

    def is_for(self, user_id: UserId | None) -> bool:
        return self.recipient_id is None or self.recipient_id == user_id


class LiveSubscription(Protocol):
    """The messages for one connected client, in a bounded queue of its own.

    It receives the messages for everyone from the moment it is entered, and those for one
    user once ``identify`` names that user. A subscriber that lets the queue fill up has fallen
    behind: it is dropped from the fan-out (``next`` raises FellBehind) rather than slowing
    anyone. Leaving the ``async with`` block unsubscribes.
    """

    @abstractmethod
    def identify(self, user_id: UserId) -> None:
        """From now on, also receive the messages for ``user_id``."""

    @abstractmethod
    async def next(self) -> LiveMessage:
        """The next message; raises FellBehind once the queue has overflowed."""

    @abstractmethod
    async def wait_fell_behind(self) -> None:
        """Return once the subscriber has fallen too far behind."""

    @abstractmethod
    async def __aenter__(self) -> Self: ...

    @abstractmethod
    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


class LiveEvents(Protocol):
    """The fan-out: a message published here reaches every subscriber it is for, on every
    worker and host that shares the adapter's medium. Delivery is best effort and at most once
    per subscriber; reliability comes from the outbox upstream."""

    @abstractmethod
    async def publish(self, message: LiveMessage) -> None:
        """Send ``message`` to everyone (no recipient) or to its recipient's connections.
        Raises if the medium cannot take it, so the caller may retry."""

    @abstractmethod
    def subscribe(self, capacity: int) -> LiveSubscription:
        """A subscription holding at most ``capacity`` undelivered messages."""

    @abstractmethod
    async def start(self) -> None:
        """Begin receiving from the medium (idempotent)."""

    @abstractmethod
    async def close(self) -> None:
        """Stop receiving and release what ``start`` opened."""


class FellBehind(Exception):
    """The subscriber did not keep up and was dropped from the fan-out."""

    def __init__(self, capacity: int) -> None:
        super().__init__(f"fell more than {capacity} messages behind")
        self.capacity = capacity
