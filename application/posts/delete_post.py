from application.errors import PostNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post
from domain.roles import Actor


class DeletePost:
    """The author, or an admin, deletes a post named by id or by slug (PermissionDenied for
    anyone else); with ``expected_versions``, only if it is still at one of them (StaleVersion
    otherwise). Its comments and favourites go with it."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(
        self, actor: Actor, post_ref: PostRef, expected_versions: frozenset[int] | None = None
    ) -> None:
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not (post.is_visible_to(actor) or actor.is_admin):
                raise PostNotFound()
            post.ensure_deletable_by(actor)
            post.expect_version(expected_versions)
            post.delete(now=self._clock.now(), by=actor.id)
            await uow.posts.remove(post)
            await uow.commit()
