"""Linked external identities in memory, with the SQL repository's contract."""

from adapters.memory.store import MemoryStore
from application.ports.identities import IdentityRepository
from domain.users.identities import IdentityAlreadyLinked, IdentityKey, LinkedIdentity


class MemoryIdentityRepository(IdentityRepository):
    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self.added: dict[IdentityKey, LinkedIdentity] = {}

    async def get(self, key: IdentityKey) -> LinkedIdentity | None:
        if key in self.added:
            return self.added[key]
        link = self._store.identities.get(key)
        # A deleted account takes its links with it, as ON DELETE CASCADE does.
        return link if link is not None and link.user_id in self._store.users else None

    def add(self, link: LinkedIdentity) -> None:
        self.added[link.key] = link

    def check_unique(self) -> None:
        for key in self.added:
            stored = self._store.identities.get(key)
            if stored is not None and stored.user_id in self._store.users:
                raise IdentityAlreadyLinked()

    def write(self) -> None:
        self._store.identities.update(self.added)
        self.added.clear()
