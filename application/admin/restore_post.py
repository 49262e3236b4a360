from application.admin.trail import AdminTrail, reason_of, require_admin
from application.admin.views import ModerationView
from application.errors import PostNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditTarget
from domain.ids import PostId
from domain.roles import Actor


class RestorePost:
    """An admin restores a hidden post: it is seen again as before. Recorded in the audit
    trail; restoring a post that is not hidden changes and records nothing."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._trail = AdminTrail(clock, ids)

    async def __call__(
        self, actor: Actor, post_id: PostId, reason: str | None = None
    ) -> ModerationView:
        require_admin(actor)
        why = reason_of(reason)
        async with self._uow as uow:
            post = await uow.posts.get(post_id)
            if post is None:
                raise PostNotFound()
            if post.hidden is not None:
                post.restore()
                target = (AuditTarget.POST, post.id)
                self._trail.record(uow, actor, AuditAction.RESTORE_POST, target, reason=why)
                await uow.commit()
        return ModerationView.of(AuditTarget.POST, post.id, None)
