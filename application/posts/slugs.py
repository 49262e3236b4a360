"""Which slug a post gets from a title: the title's, or that with a short suffix from the
post's id when another post holds it or it is reserved."""

from application.ports.unit_of_work import UnitOfWork
from domain.posts.post import Post
from domain.posts.values import Slug, Title


async def free_slug_for(uow: UnitOfWork, post: Post, title: Title) -> Slug:
    """The slug ``post`` would get if it were written now with ``title``: its current one
    when the title leads there anyway."""
    preferred = Slug.from_title(title)
    suffixed = preferred.with_suffix(post.id.hex[:8])
    if post.slug in (preferred, suffixed):
        return post.slug
    if preferred.reserved or await uow.posts.slug_taken(preferred):
        return suffixed
    return preferred
