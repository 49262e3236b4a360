from application.pagination import Page, PageRequest
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.roles import Actor


class GetFeed:
    """The caller's feed: published posts by the authors they follow, newest first (empty
    when they follow no one)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, actor: Actor, page: PageRequest) -> Page[PostView]:
        async with self._uow as uow:
            return await uow.read.feed(actor.id, page)
