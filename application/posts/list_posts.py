from dataclasses import dataclass

from application.cursors import resolve, with_next_cursor
from application.pagination import Page, PageRequest
from application.ports.cursors import CursorCodec
from application.ports.read_model import PostQuery
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.errors import InvalidValue
from domain.ids import UserId
from domain.posts.search import SearchQuery
from domain.posts.values import Tag
from domain.roles import Actor
from domain.users.values import Username

_NO_ONE = "\x00"  # no username key is this: a filter by an impossible name matches nothing


@dataclass(frozen=True, slots=True)
class PostListFilter:
    """Which published posts to list; every given filter applies. ``author`` and
    ``favorited_by`` are usernames, whatever their case; one that no user holds matches
    nothing."""

    tag: str | None = None
    author_id: UserId | None = None
    author: str | None = None
    favorited_by: str | None = None
    text: str | None = None


class ListPosts:
    """A page of published posts, newest first, as ``viewer`` sees them (``favorited``,
    ``author.following``). A malformed tag is InvalidValue on ``tag``. A page is asked for by
    skip or by the cursor of the page before (bound to the same filter; another list's cursor
    is InvalidValue); it answers the next page's cursor while more posts follow."""

    def __init__(self, uow: UnitOfWork, cursors: CursorCodec) -> None:
        self._uow = uow
        self._cursors = cursors

    async def __call__(
        self, where: PostListFilter, page: PageRequest, viewer: Actor | None = None
    ) -> Page[PostView]:
        query = PostQuery(
            tag=None if where.tag is None else _filter_tag(where.tag),
            author_id=where.author_id,
            author=_key(where.author),
            favorited_by=_key(where.favorited_by),
            text=None if where.text is None else SearchQuery(where.text),
        )
        if query.text is not None and page.cursor is not None:
            raise InvalidValue("cursor", "search results are paged by skip, not by cursor")
        filters = (query.tag, query.author_id, query.author, query.favorited_by)
        scope = ":".join(["posts", *(str(value or "") for value in filters)])
        page = resolve(self._cursors, scope, page)
        async with self._uow as uow:
            found = await uow.read.posts(query, page, None if viewer is None else viewer.id)
        return with_next_cursor(self._cursors, scope, found)


def _key(username: str | None) -> str | None:
    if username is None:
        return None
    return Username.key_of(username) or _NO_ONE


def _filter_tag(raw: str) -> str:
    """The tag to filter by, normalised as stored; a bad one is reported as the ``tag`` filter."""
    try:
        return Tag(raw).value
    except InvalidValue as error:
        raise InvalidValue("tag", error.message) from error
