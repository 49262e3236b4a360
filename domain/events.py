"""Domain events and the base class of aggregates that record them."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainEvent:
    """Something that happened to an aggregate; handed over by the unit of work after commit."""

    name: ClassVar[str] = "domain_event"
    occurred_at: datetime


@dataclass(eq=False, kw_only=True)
class Aggregate:
    """Root of a consistency boundary: records the events its methods raise."""

    events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    def record(self, event: DomainEvent) -> None:
        self.events.append(event)

    def pull_events(self) -> list[DomainEvent]:
        """Return the recorded events and forget them, so each is handed over once."""
        pulled, self.events = self.events, []
        return pulled
