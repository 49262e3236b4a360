"""Sessions over one AsyncSession; ``save_changes()`` writes only what differs from what was
loaded, and the retired refresh-token hashes staged meanwhile."""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.mappers import (
    Row,
    changed_columns,
    session_from_row,
    session_row,
    user_from_row,
)
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.tables import retired_refresh_tokens, sessions, users
from application.ports.sessions import Caller, SessionRepository
from domain.ids import SessionId, UserId
from domain.sessions.session import Session

_SESSION_PREFIX = "session_"
_CALLER = select(
    users, *(column.label(_SESSION_PREFIX + column.name) for column in sessions.c)
).select_from(sessions.join(users, users.c.id == sessions.c.user_id))
_CALLER_BY_ID = _CALLER.where(sessions.c.id == bindparam("id"))


class SqlAlchemySessionRepository(SessionRepository):
    def __init__(self, session: AsyncSession, reads: Reads) -> None:
        """``caller`` reads on ``reads`` (outside a transaction unless the block has one):
        it is the token check of every authenticated request and tracks nothing."""
        super().__init__()
        self._db = session
        self._reads = reads
        self._added: dict[SessionId, Session] = {}
        self._loaded: dict[SessionId, Row] = {}
        self._retired: list[Row] = []

    def _add(self, session: Session) -> None:
        self._added[session.id] = session

    async def _get(self, session_id: SessionId) -> Session | None:
        return await self._one(select(sessions).where(sessions.c.id == session_id))

    async def _get_by_refresh_hash(self, refresh_hash: str) -> Session | None:
        return await self._one(select(sessions).where(sessions.c.refresh_hash == refresh_hash))

    async def _list_live(self, user_id: UserId, now: datetime) -> list[Session]:
        query = (
            select(sessions)
            .where(
                sessions.c.user_id == user_id,
                sessions.c.ended_at.is_(None),
                sessions.c.refresh_expires_at > now,
            )
            .order_by(sessions.c.created_at.desc(), sessions.c.id.desc())
        )
        with translated_errors():
            rows = (await self._db.execute(query)).mappings().all()
        return [self._remember(row) for row in rows]

    def retire_refresh_hash(self, refresh_hash: str, session_id: SessionId) -> None:
        self._retired.append({"token_hash": refresh_hash, "session_id": session_id})

    async def session_of_retired_hash(self, refresh_hash: str) -> SessionId | None:
        query = select(retired_refresh_tokens.c.session_id).where(
            retired_refresh_tokens.c.token_hash == refresh_hash
        )
        with translated_errors():
            found = await self._db.scalar(query)
        return None if found is None else SessionId(found)

    async def caller(self, session_id: SessionId) -> Caller | None:
        rows = await self._reads.rows(_CALLER_BY_ID, {"id": session_id})
        if not rows:
            return None
        row = rows[0]
        session = {column.name: row[_SESSION_PREFIX + column.name] for column in sessions.c}
        return Caller(session=session_from_row(session), user=user_from_row(row))

    async def save_changes(self) -> None:
        """Insert the added sessions and retired hashes; update what changed in loaded ones."""
        if self._added:
            rows = [session_row(s) for s in self._added.values()]
            await self._db.execute(insert(sessions), rows)
        for session_id, before in self._loaded.items():
            current = self.seen.get(session_id)
            changes = {} if current is None else changed_columns(before, session_row(current))
            if changes:
                await self._db.execute(
                    update(sessions).where(sessions.c.id == session_id).values(changes)
                )
        if self._retired:
            await self._db.execute(insert(retired_refresh_tokens), self._retired)

    def mark_saved(self) -> None:
        self._added.clear()
        self._retired.clear()
        self._loaded = {s.id: session_row(s) for s in self.seen.values()}

    async def _one(self, query: Select[Any]) -> Session | None:
        with translated_errors():
            row = (await self._db.execute(query)).mappings().first()
        return None if row is None else self._remember(row)

    def _remember(self, row: RowMapping) -> Session:
        session = session_from_row(row)
        self._loaded.setdefault(session.id, session_row(session))
        return session
