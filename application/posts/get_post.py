from application.errors import PostNotFound
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, read_post
from application.posts.views import PostView
from domain.roles import Actor


class GetPost:
    """One post, named by id or by slug (``BySlug``), as ``viewer`` sees it. A draft exists
    only for its author: to anyone else it is PostNotFound."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, post_ref: PostRef, viewer: Actor | None) -> PostView:
        viewer_id = None if viewer is None else viewer.id
        async with self._uow as uow:
            view = await read_post(uow, post_ref, viewer_id)
        if view is None or not view.is_visible_to(viewer_id):
            raise PostNotFound()
        return view
