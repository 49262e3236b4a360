from application.errors import SessionNotFound
from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from domain.ids import SessionId
from domain.roles import Actor
from domain.sessions.session import EndReason


class EndSession:
    """End one of the caller's own live sessions (a lost laptop, say). Another user's session,
    an unknown one and one already ended are all SessionNotFound, so ids cannot be probed."""

    def __init__(self, uow: UnitOfWork, clock: Clock, audit: AuditTrail) -> None:
        self._uow = uow
        self._clock = clock
        self._audit = audit

    async def __call__(self, actor: Actor, session_id: SessionId) -> None:
        now = self._clock.now()
        async with self._uow as uow:
            session = await uow.sessions.get(session_id)
            if session is None or session.user_id != actor.id or not session.is_live(now):
                self._audit.record("session.end", user_id=actor.id, outcome="not-found")
                raise SessionNotFound()
            session.end(EndReason.ENDED_BY_USER, now)
            await uow.commit()
        self._audit.record("session.end", user_id=actor.id)
