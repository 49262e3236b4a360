from application.admin.trail import AdminTrail, reason_of, require_admin
from application.admin.views import ModerationView
from application.errors import CommentNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from domain.admin.audit import AuditAction, AuditTarget
from domain.ids import CommentId
from domain.roles import Actor


class RestoreComment:
    """An admin restores a hidden comment: it is seen again as before. Recorded in the audit
    trail; restoring a comment that is not hidden changes and records nothing."""

    def __init__(self, uow: UnitOfWork, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._trail = AdminTrail(clock, ids)

    async def __call__(
        self, actor: Actor, comment_id: CommentId, reason: str | None = None
    ) -> ModerationView:
        require_admin(actor)
        why = reason_of(reason)
        async with self._uow as uow:
            comment = await uow.comments.get(comment_id)
            if comment is None:
                raise CommentNotFound()
            if comment.hidden is not None:
                comment.restore()
                target = (AuditTarget.COMMENT, comment.id)
                self._trail.record(uow, actor, AuditAction.RESTORE_COMMENT, target, reason=why)
                await uow.commit()
        return ModerationView.of(AuditTarget.COMMENT, comment.id, None)
