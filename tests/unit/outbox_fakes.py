"""Handlers that record what they were given, for the outbox tests."""

from dataclasses import dataclass, field

from application.ports.event_handlers import Delivery, EventHandler
from domain.events import DomainEvent


@dataclass(eq=False)
class RecordingHandler(EventHandler):
    """Wants events named in ``wants`` (all when empty); fails its next ``failures`` calls."""

    name: str = "recorder"
    wants: frozenset[str] = frozenset()
    failures: int = 0
    seen: list[Delivery] = field(default_factory=list)
    calls: int = 0

    def handles(self, event: DomainEvent) -> bool:
        return not self.wants or event.name in self.wants

    async def handle(self, delivery: Delivery) -> None:
        self.calls += 1
        if self.failures:
            self.failures -= 1
            raise ConnectionError("the mail server is away")
        self.seen.append(delivery)

    @property
    def names(self) -> list[str]:
        return [delivery.event.name for delivery in self.seen]
