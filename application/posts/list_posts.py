from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.repositories import PostFilter
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.errors import InvalidValue
from domain.posts.values import Tag


class ListPosts:
    """A page of published posts, newest first, optionally by tag and by author. A page is
    asked for by skip or by the cursor of the page before (bound to the same filter; another
    list's cursor is InvalidValue); it answers the next page's cursor while more posts follow."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(self, where: PostFilter, page: PageRequest) -> Page[PostView]:
        if where.tag is not None:
            where = PostFilter(tag=_filter_tag(where.tag), author_id=where.author_id)
        scope = f"posts:{where.tag or ''}:{where.author_id or ''}"
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            posts = await uow.posts.list_published(where, page)
        return with_next_cursor(self._cursors, scope, posts.map(PostView.of))


def _filter_tag(raw: str) -> str:
    """The tag to filter by, normalised as stored; a bad one is reported as the ``tag`` filter."""
    try:
        return Tag(raw).value
    except InvalidValue as error:
        raise InvalidValue("tag", error.message) from error
