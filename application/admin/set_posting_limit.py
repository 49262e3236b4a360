from application.admin.trail import AdminTrail, reason_of, require_admin
from application.errors import UserNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.users.views import UserView
from domain.admin.audit import AuditAction, AuditTarget
from domain.ids import UserId
from domain.roles import Actor
from domain.users.limits import PostingLimit


class SetPostingLimit:
    """An admin allows a user at most ``posts_per_day`` new posts in any 24 hours (0: none;
    None lifts the limit). CreatePost enforces it (PostingLimitReached). Recorded in the
    audit trail."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(
        self, actor: Actor, user_id: UserId, posts_per_day: int | None, reason: str | None = None
    ) -> UserView:
        require_admin(actor)
        limit = None if posts_per_day is None else PostingLimit(posts_per_day)
        why = reason_of(reason)
        async with self._uow as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFound()
            user.limit_posting(limit, now=self._clock.now())
            target = (AuditTarget.USER, user.id)
            detail = f"posts_per_day={'none' if posts_per_day is None else posts_per_day}"
            self._trail.record(
                uow, actor, AuditAction.SET_POSTING_LIMIT, target, reason=why, detail=detail
            )
            await uow.commit()
        return UserView.of(user, actor)
