from application.admin.trail import AdminTrail, reason_of, require_admin
from application.errors import UserNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditTarget
from domain.ids import UserId
from domain.roles import Actor
from domain.sessions.session import EndReason


class EndUserSessions:
    """An admin ends every live session of a user (a stolen laptop, say): their tokens stop
    working at once, and they must log in again. Returns how many sessions ended; recorded
    in the audit trail either way."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(self, actor: Actor, user_id: UserId, reason: str | None = None) -> int:
        require_admin(actor)
        why = reason_of(reason)
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            now = self._clock.now()
            ended = await uow.sessions.end_all_of(user.id, EndReason.ENDED_BY_ADMIN, now)
            target = (AuditTarget.USER, user.id)
            detail = f"sessions_ended={len(ended)}"
            self._trail.record(
                uow, actor, AuditAction.END_SESSIONS, target, reason=why, detail=detail
            )
            await uow.commit()
        return len(ended)
