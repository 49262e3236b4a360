from application.pagination import Page, PageRequest
from application.ports.read_model import PostQuery, PostStatus
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.roles import Actor


class ListMyPosts:
    """The caller's own posts, drafts included when ``status`` asks for them. Published
    posts come newest published first; with DRAFT or ALL, newest written first."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, actor: Actor, status: PostStatus, page: PageRequest) -> Page[PostView]:
        query = PostQuery(author_id=actor.id, status=status)
        async with self._uow as uow:
            return await uow.read.posts(query, page, actor.id)
