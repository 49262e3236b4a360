from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.roles import Actor


class GetFeed:
    """The caller's feed: published posts by the authors they follow, newest first (empty
    when they follow no one). Paged by skip or by the cursor of the page before (good for
    the caller's feed only); answers the next page's cursor."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[PostView]:
        scope = f"feed:{actor.id}"
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            found = await uow.read.feed(actor.id, page)
        return with_next_cursor(self._cursors, scope, found)
