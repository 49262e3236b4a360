"""How a use case is told which post: by its id or by its slug."""

from dataclasses import dataclass
from uuid import UUID

from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from domain.ids import PostId, UserId
from domain.posts.post import Post


@dataclass(frozen=True, slots=True)
class BySlug:
    """The post whose slug is ``slug`` (no post has a malformed one: it is simply not found)."""

    slug: str


PostRef = PostId | BySlug


async def load_post(uow: UnitOfWork, ref: PostRef) -> Post | None:
    """The post aggregate ``ref`` names, tracked by ``uow``."""
    if isinstance(ref, UUID):
        return await uow.posts.get(ref)
    return await uow.posts.get_by_slug(ref.slug)


async def read_post(uow: UnitOfWork, ref: PostRef, viewer: UserId | None) -> PostView | None:
    """The view of the post ``ref`` names, draft or not."""
    if isinstance(ref, UUID):
        return await uow.read.post(ref, viewer)
    return await uow.read.post_by_slug(ref.slug, viewer)
