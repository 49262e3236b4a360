"""Connection seats counted in this process only (enough for a single worker)."""

import time
from uuid import UUID

from application.ports.connection_seats import ConnectionSeats
from domain.ids import UserId


class InProcessSeats(ConnectionSeats):
    def __init__(self) -> None:
        self._leases: dict[UserId, dict[UUID, float]] = {}

    async def take(self, user_id: UserId, seat: UUID, limit: int, lease: float) -> bool:
        now = time.monotonic()
        held = {s: until for s, until in self._leases.get(user_id, {}).items() if until > now}
        if len(held) >= limit:
            self._leases[user_id] = held
            return False
        held[seat] = now + lease
        self._leases[user_id] = held
        return True

    async def renew(self, user_id: UserId, seat: UUID, lease: float) -> None:
        held = self._leases.get(user_id, {})
        if seat in held:
            held[seat] = time.monotonic() + lease

    async def give_back(self, user_id: UserId, seat: UUID) -> None:
        held = self._leases.get(user_id, {})
        held.pop(seat, None)
        if not held:
            self._leases.pop(user_id, None)
