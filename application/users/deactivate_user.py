from application.errors import UserNotFound
from application.ports.audit import AuditTrail
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.errors import PermissionDenied
from domain.ids import UserId
from domain.roles import Actor


class DeactivateUser:
    """An admin switches a user off: every session of theirs ends and they cannot log in."""

    def __init__(self, uow: UnitOfWork, clock: Clock, audit: AuditTrail) -> None:
        self._uow = uow
        self._clock = clock
        self._audit = audit

    async def __call__(self, actor: Actor, user_id: UserId) -> UserView:
        if not actor.is_admin:
            self._audit.record("user.deactivate", user_id=actor.id, outcome="denied")
            raise PermissionDenied("only an admin may deactivate users")
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            user.deactivate(now=self._clock.now())
            await uow.commit()
        self._audit.record("user.deactivate", user_id=user_id)
        return UserView.of(user, actor)
