from dataclasses import dataclass

from application.errors import PostNotFound
from application.ports.clock import Clock, IdGenerator
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post
from application.social.views import CommentView
from domain.ids import CommentId
from domain.roles import Actor
from domain.social.comment import Comment, CommentBody
from domain.users.verification import ContributionPolicy


@dataclass(frozen=True, slots=True)
class AddCommentCommand:
    body: str


class AddComment:
    """The caller comments on a published post named by id or by slug. A post the caller
    cannot see is PostNotFound; their own draft is CommentsClosed; a blank or too long body
    is InvalidValue on ``body``; EmailNotVerified when the contribution policy keeps the
    caller from commenting. Returns the comment as the caller sees it."""

    def __init__(
        self,
        uow: UnitOfWork,
        clock: Clock,
        ids: IdGenerator,
        contribution: ContributionPolicy = ContributionPolicy(),
    ) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids
        self._contribution = contribution

    async def __call__(
        self, actor: Actor, post_ref: PostRef, command: AddCommentCommand
    ) -> CommentView:
        self._contribution.ensure_may_contribute(actor)
        body = CommentBody(command.body)
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not post.is_visible_to(actor):
                raise PostNotFound()
            comment = Comment.write(
                id=CommentId(self._ids.new_id()),
                post=post,
                author_id=actor.id,
                body=body,
                now=self._clock.now(),
            )
            uow.comments.add(comment)
            await uow.commit()
            view = await uow.read.comment(comment.id, actor.id)
        if view is None:  # deleted between the commit and the read
            raise PostNotFound()
        return view
