"""Two-factor records in memory, with the SQL repository's contract."""

import copy

from adapters.memory.store import MemoryStore
from application.ports.two_factor import TwoFactorRepository
from domain.ids import UserId
from domain.sessions.two_factor import TwoFactor


class MemoryTwoFactorRepository(TwoFactorRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.versions_read: dict[UserId, int] = {}

    def _add(self, record: TwoFactor) -> None:
        return None

    async def _get(self, user_id: UserId) -> TwoFactor | None:
        found = self._store.two_factor.get(user_id)
        if found is None:
            return None
        self.versions_read.setdefault(user_id, found.version)
        return copy.deepcopy(found)
