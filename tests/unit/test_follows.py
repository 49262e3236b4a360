"""Following users: idempotent, never yourself, counted exactly."""

import asyncio

import pytest

from application.errors import UserNotFound
from domain.errors import CannotFollowYourself
from domain.social.events import UserFollowed, UserUnfollowed
from tests.unit.harness import Folio, register
from tests.unit.social import Social


async def test_following_shows_on_both_profiles_and_records_an_event(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")

    profile = await Social(folio).follow_user(ada, "BOB")

    assert profile.id == bob.id
    assert (profile.following, profile.followers_count) == (True, 1)
    assert (await Social(folio).get_profile("ada", bob)).following_count == 1
    assert (await Social(folio).get_profile("bob", None)).following is False
    assert (
        UserFollowed(occurred_at=folio.clock.now(), follower_id=ada.id, followee_id=bob.id)
        in folio.publisher.recent
    )


async def test_following_twice_is_following_once(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")

    await Social(folio).follow_user(ada, "bob")
    profile = await Social(folio).follow_user(ada, "bob")

    assert profile.followers_count == 1
    assert folio.event_names().count("user_followed") == 1


async def test_concurrent_follows_count_once(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")

    await asyncio.gather(*(Social(folio).follow_user(ada, "bob") for _ in range(5)))

    assert (await Social(folio).get_profile("bob", None)).followers_count == 1
    assert len(folio.store.follows) == 1


async def test_nobody_follows_themself(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(CannotFollowYourself):
        await Social(folio).follow_user(ada, "Ada")
    assert folio.store.follows == {}


async def test_an_unknown_user_cannot_be_followed_or_unfollowed(folio: Folio):
    ada = await register(folio, "ada")

    with pytest.raises(UserNotFound):
        await Social(folio).follow_user(ada, "ghost")
    with pytest.raises(UserNotFound):
        await Social(folio).unfollow_user(ada, "ghost")


async def test_unfollowing_ends_the_follow_once(folio: Folio):
    ada = await register(folio, "ada")
    await register(folio, "bob")
    await Social(folio).follow_user(ada, "bob")

    first = await Social(folio).unfollow_user(ada, "bob")
    second = await Social(folio).unfollow_user(ada, "bob")

    assert (first.following, first.followers_count) == (False, 0)
    assert (second.following, second.followers_count) == (False, 0)
    assert folio.event_names().count(UserUnfollowed.name) == 1
