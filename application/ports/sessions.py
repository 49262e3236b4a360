"""The session repository: sessions, their retired refresh tokens, and the caller lookup that
authenticates a request in one read."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime

from domain.ids import SessionId, UserId
from domain.sessions.session import EndReason, Session
from domain.users.user import User


@dataclass(frozen=True, slots=True)
class Caller:
    """A session and its user, read together."""

    session: Session
    user: User


class SessionRepository(ABC):
    """Remembers the sessions it hands out so the unit of work saves their changes on commit."""

    def __init__(self) -> None:
        self.seen: dict[SessionId, Session] = {}

    def add(self, session: Session) -> None:
        """Stage a new session; it is written when the unit of work commits."""
        self._add(session)
        self.seen[session.id] = session

    async def get(self, session_id: SessionId) -> Session | None:
        return self._track(await self._get(session_id))

    async def get_by_refresh_hash(self, refresh_hash: str) -> Session | None:
        """The session whose current refresh token has this hash."""
        return self._track(await self._get_by_refresh_hash(refresh_hash))

    async def list_live(self, user_id: UserId, now: datetime) -> list[Session]:
        """The user's sessions that have neither ended nor expired, newest first."""
        return [self.seen.setdefault(s.id, s) for s in await self._list_live(user_id, now)]

    async def end_all_of(
        self, user_id: UserId, reason: EndReason, now: datetime, *, keep: SessionId | None = None
    ) -> list[SessionId]:
        """End every live session of the user but ``keep``; returns the ids ended."""
        ended = []
        for session in await self.list_live(user_id, now):
            if session.id != keep:
                session.end(reason, now)
                ended.append(session.id)
        return ended

    def _track(self, session: Session | None) -> Session | None:
        return None if session is None else self.seen.setdefault(session.id, session)

    @abstractmethod
    def _add(self, session: Session) -> None: ...

    @abstractmethod
    async def _get(self, session_id: SessionId) -> Session | None: ...

    @abstractmethod
    async def _get_by_refresh_hash(self, refresh_hash: str) -> Session | None: ...

    @abstractmethod
    async def _list_live(self, user_id: UserId, now: datetime) -> list[Session]: ...

    @abstractmethod
    def retire_refresh_hash(self, refresh_hash: str, session_id: SessionId) -> None:
        """Stage a rotated-out refresh token's hash, so its reuse can be recognised."""

    @abstractmethod
    async def session_of_retired_hash(self, refresh_hash: str) -> SessionId | None:
        """The session a retired refresh token belonged to, if this hash is one."""

    @abstractmethod
    async def caller(self, session_id: SessionId) -> Caller | None:
        """The session and its user in one read (one query on SQL): what authenticating a
        request costs. Neither is tracked: callers do not change them."""
