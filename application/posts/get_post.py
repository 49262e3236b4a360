from application.errors import PostNotFound
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.ids import PostId
from domain.roles import Actor


class GetPost:
    """One post. A draft exists only for its author: to anyone else it is PostNotFound."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, post_id: PostId, viewer: Actor | None) -> PostView:
        async with self._uow as uow:
            post = await uow.posts.get(post_id)
        if post is None or not post.is_visible_to(viewer):
            raise PostNotFound()
        return PostView.of(post)
