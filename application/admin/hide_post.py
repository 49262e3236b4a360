from application.admin.trail import AdminTrail, require_admin
from application.admin.views import ModerationView
from application.errors import PostNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditTarget
from domain.admin.reason import Reason
from domain.ids import PostId
from domain.roles import Actor


class HidePost:
    """An admin hides a post, saying why (``reason`` is required): it is gone for everyone
    but its author (lists, feed, search, tag counts, by id and by slug, on both APIs), who
    sees that it was hidden and why. Hiding it again replaces the reason. Recorded in the
    audit trail."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(self, actor: Actor, post_id: PostId, reason: str) -> ModerationView:
        require_admin(actor)
        why = Reason(reason)
        async with self._uow as uow:
            post = await uow.posts.get(post_id)
            if post is None:
                raise PostNotFound()
            by = None if actor.is_operator else actor.id
            post.hide(why, by=by, now=self._clock.now())
            target = (AuditTarget.POST, post.id)
            self._trail.record(uow, actor, AuditAction.HIDE_POST, target, reason=why)
            await uow.commit()
        return ModerationView.of(AuditTarget.POST, post.id, post.hidden)
