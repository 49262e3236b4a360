"""Exchange a refresh token for a new pair: rotation with reuse detection."""

from application.errors import InvalidRefreshToken
from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.sessions.tokens import SessionIssuer, TokenPair
from domain.ids import SessionId
from domain.sessions.errors import RefreshTokenReused
from domain.sessions.session import EndReason


class RefreshSession:
    """A live session's current refresh token buys a new access token and a new refresh token;
    the presented one stops working. Presenting a refresh token that was already exchanged ends
    the whole session (RefreshTokenReused): one of its two holders is a thief. Any other token,
    or one of an ended or expired session or of a deactivated user, is InvalidRefreshToken.
    A reuse is an audit event (``refresh``, outcome ``reused``)."""

    def __init__(
        self, uow: UnitOfWork, sessions: SessionIssuer, clock: Clock, audit: AuditTrail
    ) -> None:
        self._uow = uow
        self._sessions = sessions
        self._clock = clock
        self._audit = audit

    async def __call__(
        self, refresh_token: str, *, session_id: SessionId | None = None
    ) -> TokenPair:
        """``session_id``, when given, must be the token's session (a browser's CSRF token
        names it), else InvalidRefreshToken and nothing changes."""
        try:
            return await self._rotate(refresh_token, session_id)
        except RefreshTokenReused:
            self._audit.record("refresh", outcome="reused")
            raise

    async def _rotate(self, refresh_token: str, session_id: SessionId | None) -> TokenPair:
        digest = self._sessions.digest(refresh_token)
        now = self._clock.now()
        async with self._uow as uow:
            session = await uow.sessions.get_by_refresh_hash(digest)
            if session is None:
                await self._end_if_reused(uow, digest)
                raise InvalidRefreshToken()
            user = await uow.users.get(session.user_id)
            if session_id is not None and session.id != session_id:
                raise InvalidRefreshToken()
            if user is None or not user.is_active or not session.is_live(now):
                raise InvalidRefreshToken()
            pair = self._sessions.rotate(uow, session, now)
            await uow.commit()
        return pair

    async def _end_if_reused(self, uow: UnitOfWork, digest: str) -> None:
        session_id = await uow.sessions.session_of_retired_hash(digest)
        if session_id is None:
            return
        session = await uow.sessions.get(session_id)
        if session is not None:
            session.end(EndReason.REFRESH_TOKEN_REUSED, self._clock.now())
            await uow.commit()
        raise RefreshTokenReused()
