"""Event publishers until the notifications outbox exists: log, and keep the recent ones."""

import logging
from collections import deque
from collections.abc import Sequence

from application.ports.events import EventPublisher
from domain.events import DomainEvent

logger = logging.getLogger("folio.events")


class LoggingEventPublisher(EventPublisher):
    """Logs each event and keeps the last ``keep`` of them for inspection in tests."""

    def __init__(self, keep: int = 1000) -> None:
        self.recent: deque[DomainEvent] = deque(maxlen=keep)

    async def publish(self, events: Sequence[DomainEvent]) -> None:
        for event in events:
            self.recent.append(event)
            logger.info("event %s %r", event.name, event)
