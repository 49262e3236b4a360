from application.errors import PostNotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.posts.refs import PostRef, load_post, read_post
from application.posts.views import PostView
from domain.roles import Actor


class UnfavoritePost:
    """The caller takes back their favourite of a post named by id or by slug; not having
    favourited it is fine. A post the caller cannot see is PostNotFound. Returns the post as
    the caller now sees it."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, actor: Actor, post_ref: PostRef) -> PostView:
        async with self._uow as uow:
            post = await load_post(uow, post_ref)
            if post is None or not post.is_visible_to(actor):
                raise PostNotFound()
            favorite = await uow.favorites.get(actor.id, post.id)
            if favorite is not None:
                favorite.unmark(now=self._clock.now())
                await uow.favorites.remove(favorite)
                await uow.commit()
            view = await read_post(uow, post.id, actor.id)
        if view is None:
            raise PostNotFound()
        return view
