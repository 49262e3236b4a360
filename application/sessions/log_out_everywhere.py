from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from domain.roles import Actor
from domain.sessions.session import EndReason


class LogOutEverywhere:
    """End every session of the caller, the current one included; returns how many ended."""

    def __init__(self, uow: UnitOfWork, clock: Clock, audit: AuditTrail) -> None:
        self._uow = uow
        self._clock = clock
        self._audit = audit

    async def __call__(self, actor: Actor) -> int:
        async with self._uow as uow:
            ended = await uow.sessions.end_all_of(actor.id, EndReason.LOGOUT_ALL, self._clock.now())
            await uow.commit()
        self._audit.record("logout.all", user_id=actor.id)
        return len(ended)
