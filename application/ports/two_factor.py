"""Two-factor records: one per user at most, read and written in the unit of work."""

from abc import ABC, abstractmethod

from domain.ids import UserId
from domain.sessions.two_factor import TwoFactor


class TwoFactorRepository(ABC):
    """Saves on commit what changed in the records it handed out. A record changed by another
    transaction since it was read makes the commit fail (TwoFactorChanged), so a one-time code
    or a recovery code is accepted once even when two logins race with it."""

    def __init__(self) -> None:
        self.seen: dict[UserId, TwoFactor] = {}
        self.removed: set[UserId] = set()

    def add(self, record: TwoFactor) -> None:
        self._add(record)
        self.seen[record.id] = record

    async def get(self, user_id: UserId) -> TwoFactor | None:
        found = await self._get(user_id)
        return None if found is None else self.seen.setdefault(found.id, found)

    def remove(self, record: TwoFactor) -> None:
        self.removed.add(record.id)

    @abstractmethod
    def _add(self, record: TwoFactor) -> None: ...

    @abstractmethod
    async def _get(self, user_id: UserId) -> TwoFactor | None: ...
