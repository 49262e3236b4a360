"""Where committed events go: the outbox relay hands each stored event to the handlers."""

from abc import abstractmethod
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID, uuid5

from domain.events import DomainEvent


@dataclass(frozen=True, slots=True)
class Delivery:
    """One committed event as the outbox delivers it.

    ``event_id`` is unique per event and the same on every redelivery of it: handlers
    de-duplicate on it, and live messages carry it as their ``id`` so clients can too.
    """

    event_id: UUID
    event: DomainEvent

    def key(self, handler: str) -> UUID:
        """A stable id for what ``handler`` makes of this event: the same on every redelivery,
        different for each handler (the inbox's notification id, an e-mail's Message-ID)."""
        return uuid5(self.event_id, handler)


class EventHandler(Protocol):
    """Reacts to committed events.

    Delivery is at least once: given the same ``event_id`` again, a handler must have no
    second effect. ``name`` is stable across releases: it keys the processed-events record.
    """

    name: str

    @abstractmethod
    def handles(self, event: DomainEvent) -> bool:
        """Whether this handler wants ``event`` at all."""

    @abstractmethod
    async def handle(self, delivery: Delivery) -> None:
        """Act on the event; raise to have it retried later."""
