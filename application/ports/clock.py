from abc import abstractmethod
from datetime import datetime
from typing import Protocol
from uuid import UUID


class Clock(Protocol):
    @abstractmethod
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""


class IdGenerator(Protocol):
    @abstractmethod
    def new_id(self) -> UUID:
        """A fresh identifier, unique across every aggregate and every process."""
