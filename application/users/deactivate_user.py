from application.admin.trail import AdminTrail, reason_of
from application.errors import UserNotFound
from application.ports.audit import AuditTrail
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.admin.audit import AuditAction, AuditTarget
from domain.admin.rules import ensure_an_admin_remains
from domain.errors import PermissionDenied
from domain.ids import UserId
from domain.roles import Actor


class DeactivateUser:
    """An admin switches a user off: every session of theirs ends and they cannot log in.
    The last active admin cannot be deactivated, not even by themself (LastAdmin). Recorded
    in the admin audit trail with the optional ``reason`` (deactivating an inactive user
    changes and records nothing there), and as a security event (``user.deactivate``)."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator, audit: AuditTrail) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)
        self._audit = audit

    async def __call__(self, actor: Actor, user_id: UserId, reason: str | None = None) -> UserView:
        if not actor.is_admin:
            self._audit.record("user.deactivate", user_id=actor.id, outcome="denied")
            raise PermissionDenied("only an admin may deactivate users")
        why = reason_of(reason)
        async with self._uow as uow:
            admins = await uow.users.count_active_admins()
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            if user.is_active:
                ensure_an_admin_remains(user, admins)
                user.deactivate(now=self._clock.now())
                target = (AuditTarget.USER, user.id)
                self._trail.record(uow, actor, AuditAction.DEACTIVATE_USER, target, reason=why)
                await uow.commit()
        self._audit.record("user.deactivate", user_id=user_id)
        return UserView.of(user, actor)
