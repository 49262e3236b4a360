"""Sessions in memory, with the same contract as the SQL repository."""

import copy
from datetime import datetime

from adapters.memory.repositories import _ChangeTracker, _private_copy
from adapters.memory.store import MemoryStore
from application.ports.sessions import Caller, SessionRepository
from domain.ids import SessionId, UserId
from domain.sessions.session import Session


class MemorySessionRepository(SessionRepository):
    def __init__(self, store: MemoryStore) -> None:
        super().__init__()
        self._store = store
        self.added: list[Session] = []
        self.retired: dict[str, SessionId] = {}
        self.tracker = _ChangeTracker()

    def _add(self, session: Session) -> None:
        self.added.append(session)

    async def _get(self, session_id: SessionId) -> Session | None:
        return self.tracker.remember(_private_copy(self._store.sessions.get(session_id)))

    async def _get_by_refresh_hash(self, refresh_hash: str) -> Session | None:
        for session in self._store.sessions.values():
            if session.refresh_hash == refresh_hash:
                return self.tracker.remember(_private_copy(session))
        return None

    async def _list_live(self, user_id: UserId, now: datetime) -> list[Session]:
        found = [
            s for s in self._store.sessions.values() if s.user_id == user_id and s.is_live(now)
        ]
        found.sort(key=lambda s: (s.created_at, s.id), reverse=True)
        copies = [copy.deepcopy(s) for s in found]
        for session in copies:
            self.tracker.remember(session)
        return copies

    def retire_refresh_hash(self, refresh_hash: str, session_id: SessionId) -> None:
        self.retired[refresh_hash] = session_id

    async def session_of_retired_hash(self, refresh_hash: str) -> SessionId | None:
        return self._store.retired_refresh_hashes.get(refresh_hash)

    async def caller(self, session_id: SessionId) -> Caller | None:
        session = self._store.sessions.get(session_id)
        user = None if session is None else self._store.users.get(session.user_id)
        if session is None or user is None:
            return None
        return Caller(session=copy.deepcopy(session), user=copy.deepcopy(user))
