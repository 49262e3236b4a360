"""Domain events and the base class of aggregates that record them."""

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar
from uuid import UUID

from domain.errors import StaleVersion


@dataclass(frozen=True, slots=True, kw_only=True)
class DomainEvent:
    """Something that happened to an aggregate; handed over by the unit of work after commit."""

    name: ClassVar[str] = "domain_event"
    occurred_at: datetime


@dataclass(eq=False, kw_only=True)
class Aggregate:
    """Root of a consistency boundary: records the events its methods raise. Two aggregates
    are equal when they are of one type and have one id, whatever their other fields.

    ``version`` counts the committed changes (1 when created; storage raises it by one per
    committed change). ``expect_version`` makes a change conditional on the version the caller
    saw: storage then writes only if the stored version is still that one."""

    id: UUID
    version: int = field(default=1, compare=False)
    events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)
    guarded_version: int | None = field(default=None, repr=False, compare=False)

    def expect_version(self, versions: Collection[int] | None) -> None:
        """Raise StaleVersion unless the version is one of ``versions`` (None: no condition)."""
        if versions is None:
            return
        if self.version not in versions:
            raise StaleVersion()
        self.guarded_version = self.version

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and isinstance(other, Aggregate) and other.id == self.id

    def __hash__(self) -> int:
        return hash((type(self), self.id))

    def record(self, event: DomainEvent) -> None:
        self.events.append(event)

    def pull_events(self) -> list[DomainEvent]:
        """Return the recorded events and forget them, so each is handed over once."""
        pulled, self.events = self.events, []
        return pulled
