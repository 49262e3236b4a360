from abc import abstractmethod
from collections.abc import Sequence
from typing import Protocol

from domain.events import DomainEvent


class EventPublisher(Protocol):
    @abstractmethod
    async def publish(self, events: Sequence[DomainEvent]) -> None:
        """Hand over events of a committed unit of work. Must not raise for a handler's fault."""
