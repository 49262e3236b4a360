from application.admin.trail import AdminTrail, require_admin
from application.admin.views import ModerationView
from application.errors import CommentNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditTarget
from domain.admin.reason import Reason
from domain.ids import CommentId
from domain.roles import Actor


class HideComment:
    """An admin hides a comment, saying why (``reason`` is required): it is gone from its
    post's comments for everyone but its author, who sees that it was hidden and why. Hiding
    it again replaces the reason. Recorded in the audit trail."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._trail = AdminTrail(clock, ids)

    async def __call__(self, actor: Actor, comment_id: CommentId, reason: str) -> ModerationView:
        require_admin(actor)
        why = Reason(reason)
        async with self._uow as uow:
            comment = await uow.comments.get(comment_id)
            if comment is None:
                raise CommentNotFound()
            by = None if actor.is_operator else actor.id
            comment.hide(why, by=by, now=self._clock.now())
            target = (AuditTarget.COMMENT, comment.id)
            self._trail.record(uow, actor, AuditAction.HIDE_COMMENT, target, reason=why)
            await uow.commit()
        return ModerationView.of(AuditTarget.COMMENT, comment.id, comment.hidden)
