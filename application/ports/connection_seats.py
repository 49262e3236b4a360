"""Seats: the live connections a user holds, counted across every worker and host."""

from abc import abstractmethod
from typing import Protocol
from uuid import UUID

from domain.ids import UserId


class ConnectionSeats(Protocol):
    """At most ``limit`` seats per user. A seat is held under a lease of ``lease`` seconds that
    its holder renews; the seat of a holder that dies without giving it back is free again
    when its lease runs out. Raises ServiceUnavailable when the count cannot be reached."""

    @abstractmethod
    async def take(self, user_id: UserId, seat: UUID, limit: int, lease: float) -> bool:
        """Take ``seat`` unless the user already holds ``limit`` seats; whether it was taken."""

    @abstractmethod
    async def renew(self, user_id: UserId, seat: UUID, lease: float) -> None:
        """Extend the lease of a seat taken earlier."""

    @abstractmethod
    async def give_back(self, user_id: UserId, seat: UUID) -> None:
        """Free the seat (nothing happens if it is not held)."""
