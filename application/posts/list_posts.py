from application.pagination import Page, PageRequest
from application.ports.repositories import PostFilter
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.errors import InvalidValue
from domain.posts.values import Tag


class ListPosts:
    """A page of published posts, newest first, optionally by tag and by author."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, where: PostFilter, page: PageRequest) -> Page[PostView]:
        if where.tag is not None:
            where = PostFilter(tag=_filter_tag(where.tag), author_id=where.author_id)
        async with self._uow as uow:
            posts = await uow.posts.list_published(where, page)
        return posts.map(PostView.of)


def _filter_tag(raw: str) -> str:
    """The tag to filter by, normalised as stored; a bad one is reported as the ``tag`` filter."""
    try:
        return Tag(raw).value
    except InvalidValue as error:
        raise InvalidValue("tag", error.message) from error
