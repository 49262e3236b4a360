from application.errors import PostNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post, read_post
from application.posts.views import PostView
from domain.errors import AlreadyFavorited
from domain.roles import Actor
from domain.social.favorite import Favorite


class FavoritePost:
    """The caller favourites a published post, named by id or by slug. Twice is the same as
    once, also when two requests race; each user counts once in ``favorites_count``, exactly,
    however many favourite at the same moment. An unknown post, or one the caller cannot see
    (another's draft, a hidden one but to its author), is PostNotFound; the caller's own draft
    is FavoritesClosed. Returns the post as the caller now sees it."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, post_ref: PostRef) -> PostView:
        try:
            return await self._favorite(actor, post_ref)
        except AlreadyFavorited:  # a concurrent request committed the same favourite first
            return await self._favorite(actor, post_ref)

    async def _favorite(self, actor: Actor, post_ref: PostRef) -> PostView:
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not post.is_visible_to(actor):
                raise PostNotFound()
            post.ensure_open_to_favorites()
            if await uow.favorites.get(actor.id, post.id) is None:
                uow.favorites.add(Favorite.mark(user_id=actor.id, post=post, now=self._clock.now()))
                await uow.commit()
            view = await read_post(uow, post.id, actor.id)
        if view is None:
            raise PostNotFound()
        return view
