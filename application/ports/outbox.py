"""The outbox: events written by the unit of work in the transaction of their change, and the
stored entries as the relay and operators see them."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from application.ports.event_handlers import Delivery
from domain.events import DomainEvent


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event of a commit on its way into the outbox: its own id, and the aggregate that
    recorded it (the relay keeps commit order per aggregate)."""

    event_id: UUID
    aggregate_id: UUID
    event: DomainEvent


class EntryState(StrEnum):
    PENDING = "pending"
    DEAD = "dead"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A stored event not yet delivered to every handler that wants it. ``event`` is None
    when the stored payload names an event this release does not know; ``processed_by``
    names the handlers that already processed it (filled in by ``claim``)."""

    position: int
    event_id: UUID
    aggregate_id: UUID
    event_name: str
    event: DomainEvent | None
    state: EntryState
    attempts: int
    available_at: datetime
    created_at: datetime
    last_error: str | None = None
    processed_by: frozenset[str] = frozenset()

    @property
    def delivery(self) -> Delivery:
        if self.event is None:
            raise ValueError(f"event {self.event_name!r} is unknown to this release")
        return Delivery(event_id=self.event_id, event=self.event)


class Outbox(ABC):
    """The stored outbox. Each method is one short transaction of its own, so the relay never
    holds a connection while handlers run."""

    @abstractmethod
    async def claim(
        self, owner: str, *, now: datetime, lease: timedelta, limit: int
    ) -> list[OutboxEntry]:
        """Lease to ``owner`` until ``now + lease`` up to ``limit`` pending entries that are
        due and not leased by a live relay, in commit order, leaving out any entry whose
        aggregate has an earlier pending entry, each with the handlers that processed it. Two
        relays never get the same entry while its lease runs."""

    @abstractmethod
    async def mark_processed(self, event_id: UUID, handler: str, *, now: datetime) -> None:
        """Record that ``handler`` processed the event (idempotent)."""

    @abstractmethod
    async def complete(self, event_id: UUID, owner: str) -> None:
        """Every handler is done: forget the entry and its processed records."""

    @abstractmethod
    async def reschedule(
        self, event_id: UUID, owner: str, *, attempts: int, available_at: datetime, error: str
    ) -> None:
        """A handler failed: try again at ``available_at``; the lease ends."""

    @abstractmethod
    async def bury(self, event_id: UUID, owner: str, *, attempts: int, error: str) -> None:
        """Give up: the entry becomes a dead letter until an operator retries it."""

    @abstractmethod
    async def entries(self, *, dead: bool, limit: int) -> list[OutboxEntry]:
        """Pending (or, with ``dead``, dead) entries in commit order."""

    @abstractmethod
    async def retry(self, event_id: UUID | None, *, now: datetime) -> int:
        """Make a dead entry (or, with None, every dead entry) pending and due at ``now``,
        its attempts reset. Returns how many entries changed."""
