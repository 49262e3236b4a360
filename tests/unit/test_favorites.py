"""Favouriting posts: idempotent, counted exactly, published posts only."""

import asyncio

import pytest

from application.errors import PostNotFound
from application.posts.refs import BySlug
from domain.errors import FavoritesClosed
from domain.social.events import PostFavorited, PostUnfavorited
from tests.unit.harness import Folio, register, write_post
from tests.unit.social import Social


async def test_favouriting_counts_and_shows_to_the_viewer(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    post = await write_post(folio, ada, published=True)

    view = await Social(folio).favorite_post(bob, post.id)

    assert (view.favorited, view.favorites_count) == (True, 1)
    assert (await folio.get_post(post.id, ada)).favorited is False
    assert (await folio.get_post(post.id, None)).favorites_count == 1
    assert (
        PostFavorited(
            occurred_at=folio.clock.now(), user_id=bob.id, post_id=post.id, author_id=ada.id
        )
        in folio.publisher.recent
    )


async def test_a_post_is_favourited_by_slug_too_and_twice_is_once(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)

    await Social(folio).favorite_post(ada, BySlug(post.slug))
    view = await Social(folio).favorite_post(ada, post.id)

    assert view.favorites_count == 1
    assert folio.event_names().count(PostFavorited.name) == 1


async def test_many_users_favouriting_at_once_are_each_counted_once(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    fans = [await register(folio, f"fan{n}") for n in range(20)]

    await asyncio.gather(*(Social(folio).favorite_post(fan, post.id) for fan in fans))
    await asyncio.gather(*(Social(folio).favorite_post(fan, post.id) for fan in fans[:5]))

    assert (await folio.get_post(post.id, None)).favorites_count == 20


async def test_a_draft_cannot_be_favourited(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    draft = await write_post(folio, ada)

    with pytest.raises(FavoritesClosed):  # its author sees it: no pretending it is not there
        await Social(folio).favorite_post(ada, draft.id)
    with pytest.raises(PostNotFound):
        await Social(folio).favorite_post(bob, draft.id)
    with pytest.raises(PostNotFound):
        await Social(folio).favorite_post(ada, BySlug("no-such-post"))


async def test_unfavouriting_takes_the_favourite_back_once(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    await Social(folio).favorite_post(ada, post.id)

    first = await Social(folio).unfavorite_post(ada, post.id)
    second = await Social(folio).unfavorite_post(ada, BySlug(post.slug))

    assert (first.favorited, first.favorites_count) == (False, 0)
    assert (second.favorited, second.favorites_count) == (False, 0)
    assert folio.event_names().count(PostUnfavorited.name) == 1


async def test_deleting_a_post_deletes_its_favourites(folio: Folio):
    ada = await register(folio, "ada")
    post = await write_post(folio, ada, published=True)
    await Social(folio).favorite_post(ada, post.id)

    await folio.delete_post(ada, post.id)

    assert folio.store.favorites == {}
