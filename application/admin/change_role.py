from application.admin.trail import AdminTrail, reason_of, require_admin
from application.errors import UserNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.admin.audit import AuditAction, AuditTarget
from domain.admin.rules import ensure_an_admin_remains
from domain.errors import InvalidValue
from domain.ids import UserId
from domain.roles import Actor, Role


def role_of(name: str) -> Role:
    try:
        return Role(name)
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise InvalidValue("role", f"must be one of {choices}") from None


class ChangeRole:
    """An admin gives a user another role; every session of the user ends (RoleChanged), so
    no token carries the old role. The last active admin cannot be demoted, not even by
    themself (LastAdmin), also when two admins demote each other at once. Recorded in the
    audit trail; giving the role the user has changes and records nothing."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(
        self, actor: Actor, user_id: UserId, role: str, reason: str | None = None
    ) -> UserView:
        require_admin(actor)
        new_role = role_of(role)
        why = reason_of(reason)
        async with self._uow as uow:
            admins = await uow.users.count_active_admins()
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            if user.role != new_role:
                if new_role != Role.ADMIN:
                    ensure_an_admin_remains(user, admins)
                user.change_role(new_role, now=self._clock.now())
                target = (AuditTarget.USER, user.id)
                detail = f"role={new_role.value}"
                self._trail.record(
                    uow, actor, AuditAction.CHANGE_ROLE, target, reason=why, detail=detail
                )
                await uow.commit()
        return UserView.of(user, actor)
