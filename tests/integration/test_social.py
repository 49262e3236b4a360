"""The social repositories' contract, on every backend: follows, favourites and comments are
stored, found, removed, unique per pair, and their events collected by the unit of work."""

from datetime import timedelta

import pytest

from domain.errors import AlreadyFavorited, AlreadyFollowing
from domain.users.user import User
from tests.builders import NOW, make_comment, make_favorite, make_follow, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import state_of, store


async def test_a_follow_is_stored_found_by_its_pair_and_removed(
    new_uow: UowFactory, author: User
) -> None:
    fan = make_user()
    follow = make_follow(fan, author)
    await store(new_uow, fan, follow)

    async with new_uow() as uow:
        found = await uow.follows.get(fan.id, author.id)
        backwards = await uow.follows.get(author.id, fan.id)
        assert found is not None
        assert state_of(found) == state_of(follow)
        assert backwards is None
        found.end(now=NOW)
        await uow.follows.remove(found)
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.follows.get(fan.id, author.id) is None
    assert [e.name for e in new_uow.publisher.recent][-2:] == ["user_followed", "user_unfollowed"]


async def test_the_same_follow_twice_is_a_conflict(new_uow: UowFactory, author: User) -> None:
    fan = make_user()
    await store(new_uow, fan, make_follow(fan, author))

    with pytest.raises(AlreadyFollowing):
        await store(new_uow, make_follow(fan, author))


async def test_a_favourite_is_stored_with_its_post_author_and_removed(
    new_uow: UowFactory, author: User
) -> None:
    fan = make_user()
    post = make_post(author_id=author.id)
    favorite = make_favorite(fan, post)
    await store(new_uow, fan, post, favorite)

    async with new_uow() as uow:
        found = await uow.favorites.get(fan.id, post.id)
        assert found is not None
        assert state_of(found) == state_of(favorite)
        found.unmark(now=NOW)
        await uow.favorites.remove(found)
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.favorites.get(fan.id, post.id) is None
    assert "post_unfavorited" in [e.name for e in new_uow.publisher.recent]


async def test_the_same_favourite_twice_is_a_conflict(new_uow: UowFactory, author: User) -> None:
    post = make_post(author_id=author.id)
    await store(new_uow, post, make_favorite(author, post))

    with pytest.raises(AlreadyFavorited):
        await store(new_uow, make_favorite(author, post))


async def test_a_comment_is_stored_found_and_removed(new_uow: UowFactory, author: User) -> None:
    post = make_post(author_id=author.id)
    comment = make_comment(author, post, "  Stored as written, stripped.  ")
    await store(new_uow, post, comment)

    async with new_uow() as uow:
        found = await uow.comments.get(comment.id)
        assert found is not None
        assert state_of(found) == state_of(comment)
        found.delete(by=author.actor, now=NOW)
        await uow.comments.remove(found)
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.comments.get(comment.id) is None
    names = [e.name for e in new_uow.publisher.recent]
    assert names[-2:] == ["comment_added", "comment_deleted"]


async def test_deleting_a_post_deletes_its_comments_and_favourites(
    new_uow: UowFactory, author: User
) -> None:
    post = make_post(author_id=author.id)
    comment = make_comment(author, post)
    await store(new_uow, post, comment, make_favorite(author, post))

    async with new_uow() as uow:
        loaded = await uow.posts.get(post.id)
        assert loaded is not None
        await uow.posts.remove(loaded)
        await uow.commit()

    async with new_uow() as uow:
        assert await uow.comments.get(comment.id) is None
        assert await uow.favorites.get(author.id, post.id) is None


async def test_a_rolled_back_follow_leaves_nothing(new_uow: UowFactory, author: User) -> None:
    fan = make_user(now=NOW + timedelta(seconds=1))
    await store(new_uow, fan)

    async with new_uow() as uow:
        uow.follows.add(make_follow(fan, author))

    async with new_uow() as uow:
        assert await uow.follows.get(fan.id, author.id) is None
