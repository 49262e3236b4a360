from application.errors import CommentNotFound, PostNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post
from domain.ids import CommentId
from domain.roles import Actor


class DeleteComment:
    """Delete a comment of a post named by id or by slug. The comment's author, the post's
    author and admins may (PermissionDenied for anyone else); a comment not on that post is
    CommentNotFound."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, post_ref: PostRef, comment_id: CommentId) -> None:
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not (post.is_visible_to(actor) or actor.is_admin):
                raise PostNotFound()
            comment = await uow.comments.get(comment_id)
            if comment is None or comment.post_id != post.id:
                raise CommentNotFound()
            comment.delete(by=actor, now=self._clock.now())
            await uow.comments.remove(comment)
            await uow.commit()
