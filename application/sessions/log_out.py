from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor
from domain.sessions.session import EndReason


class LogOut:
    """End the session the caller authenticated through; its access and refresh tokens stop
    working at once. A caller outside any session has nothing to end."""

    def __init__(self, uow: UnitOfWork, clock: Clock, audit: AuditTrail) -> None:
        self._uow = uow
        self._clock = clock
        self._audit = audit

    async def __call__(self, actor: Actor) -> None:
        if actor.session_id is None:
            return
        async with self._uow as uow:
            session = await uow.sessions.get(actor.session_id)
            if session is not None and session.user_id == actor.id:
                session.end(EndReason.LOGOUT, self._clock.now())
                await uow.commit()
                self._audit.record("logout", user_id=actor.id)
