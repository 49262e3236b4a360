from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.read_model import PostQuery, PostStatus
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.roles import Actor


class ListMyPosts:
    """The caller's own posts, drafts included when ``status`` asks for them. Published
    posts come newest published first; with DRAFT or ALL, newest written first. Paged by skip
    or by the cursor of the page before (good for the same caller and status only)."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, actor: Actor, status: PostStatus, page: PageRequest) -> Page[PostView]:
        query = PostQuery(author_id=actor.id, status=status)
        scope = f"my-posts:{actor.id}:{status}"
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            found = await uow.read.posts(query, page, actor.id)
        return with_next_cursor(self._cursors, scope, found)
