from application.pagination import Page, PageRequest
from application.ports.repositories import PostFilter
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.posts.values import Tag


class ListPosts:
    """A page of published posts, newest first, optionally by tag and by author."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, where: PostFilter, page: PageRequest) -> Page[PostView]:
        if where.tag is not None:
            where = PostFilter(tag=Tag(where.tag).value, author_id=where.author_id)
        async with self._uow as uow:
            posts = await uow.posts.list_published(where, page)
        return posts.map(PostView.of)
