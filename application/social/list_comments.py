from application.cursors import resolve, with_next_cursor
from application.errors import PostNotFound
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, read_post
from application.social.views import CommentView
from domain.roles import Actor


class ListComments:
    """A page of a post's comments, oldest first, as ``viewer`` sees them. The post is named
    by id or by slug; one the viewer cannot see is PostNotFound. Paged by skip or by the
    cursor of the page before (good for the same post only)."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(
        self, post_ref: PostRef, page: PageRequest, viewer: Actor | None
    ) -> Page[CommentView]:
        viewer_id = None if viewer is None else viewer.id
        async with self._uow as uow:
            post = await read_post(uow, post_ref, viewer_id)
            if post is None or not post.is_visible_to(viewer_id):
                raise PostNotFound()
            scope = f"comments:{post.id}"
            found = await uow.read.comments(post.id, resolve(self._cursors, scope, page), viewer_id)
        return with_next_cursor(self._cursors, scope, found)
