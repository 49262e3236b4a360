"""Favourites and follows under concurrency, on the SQL backends: 20 users favouriting one post
at the same moment leave exactly 20, and racing duplicates count once."""

import asyncio

from adapters.system import SystemClock
from application.posts.views import PostView
from application.social.favorite_post import FavoritePost
from application.social.follow_user import FollowUser
from domain.roles import Actor
from tests.builders import make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store

USERS = 20


async def test_twenty_users_favouriting_at_once_leave_exactly_twenty(
    new_sql_uow: UowFactory,
) -> None:
    author = make_user()
    post = make_post(author_id=author.id)
    fans = [make_user() for _ in range(USERS)]
    await store(new_sql_uow, author, post, *fans)

    def favorite(fan_actor: Actor) -> asyncio.Future[PostView]:
        use_case = FavoritePost(new_sql_uow(), SystemClock())
        return asyncio.ensure_future(use_case(fan_actor, post.id))

    views = await asyncio.gather(*(favorite(fan.actor) for fan in fans))
    again = await asyncio.gather(*(favorite(fan.actor) for fan in fans[:5]))

    async with new_sql_uow() as uow:
        final = await uow.read.post(post.id, None)
    assert final is not None
    assert final.favorites_count == USERS
    assert all(view.favorited for view in [*views, *again])
    assert [e.name for e in new_sql_uow.publisher.recent].count("post_favorited") == USERS


async def test_racing_follows_of_one_user_count_once(new_sql_uow: UowFactory) -> None:
    fan, star = make_user(), make_user(username="Star")
    await store(new_sql_uow, fan, star)

    profiles = await asyncio.gather(
        *(FollowUser(new_sql_uow(), SystemClock())(fan.actor, "star") for _ in range(5))
    )

    assert {(p.following, p.followers_count) for p in profiles} == {(True, 1)}
    assert [e.name for e in new_sql_uow.publisher.recent].count("user_followed") == 1
