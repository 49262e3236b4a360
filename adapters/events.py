"""The post-commit event publisher: logs events and wakes the outbox relay (which delivers them)."""

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import fields

from application.ports.events import EventPublisher
from domain.events import DomainEvent

logger = logging.getLogger("folio.events")


class LoggingEventPublisher(EventPublisher):
    """Logs each event and keeps the last ``keep`` of them for inspection in tests; calls
    ``on_publish`` (the outbox relay's wake-up) after each commit with events."""

    def __init__(self, keep: int = 1000, on_publish: Callable[[], None] | None = None) -> None:
        self.recent: deque[DomainEvent] = deque(maxlen=keep)
        self._on_publish = on_publish

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        for event in events:
            self.recent.append(event)
            logger.info("event %s %s", event.name, _identifiers(event))
        if self._on_publish is not None:
            self._on_publish()


def _identifiers(event: DomainEvent) -> str:
    """The event's ids only: e-mail addresses, names and text stay out of the logs."""
    return " ".join(
        f"{field.name}={getattr(event, field.name)}"
        for field in fields(event)
        if field.name.endswith("_id")
    )
