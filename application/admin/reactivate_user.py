from application.admin.trail import AdminTrail, reason_of, require_admin
from application.errors import UserNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.admin.audit import AuditAction, AuditTarget
from domain.ids import UserId
from domain.roles import Actor


class ReactivateUser:
    """An admin lets a deactivated user log in again (the sessions that ended stay ended).
    Recorded in the audit trail; reactivating an active user changes and records nothing."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(self, actor: Actor, user_id: UserId, reason: str | None = None) -> UserView:
        require_admin(actor)
        why = reason_of(reason)
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            if not user.is_active:
                user.reactivate(now=self._clock.now())
                target = (AuditTarget.USER, user.id)
                self._trail.record(uow, actor, AuditAction.REACTIVATE_USER, target, reason=why)
                await uow.commit()
        return UserView.of(user, actor)
