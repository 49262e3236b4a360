"""The feed, the tags in use and an author's own posts."""

from datetime import timedelta

import pytest

from application.pagination import PageRequest
from application.ports.read_model import PostStatus
from application.posts.list_posts import PostListFilter
from tests.unit.harness import Folio, register, write_post
from tests.unit.social import Social


async def test_the_feed_shows_published_posts_of_followed_authors_newest_first(folio: Folio):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    cat = await register(folio, "cat")
    await Social(folio).follow_user(ada, "bob")
    await Social(folio).follow_user(ada, "cat")
    for author, title in [(bob, "Bob first"), (cat, "Cat second"), (bob, "Bob third")]:
        folio.clock.advance()
        await write_post(folio, author, title=title, published=True)
    await write_post(folio, bob, title="Bob's draft")
    await write_post(folio, ada, title="Ada's own", published=True)

    page = await Social(folio).get_feed(ada, PageRequest(limit=2))

    assert [p.title for p in page.items] == ["Bob third", "Cat second"]
    assert page.total == 3
    assert all(p.author.following for p in page.items)


async def test_the_feed_of_someone_who_follows_no_one_is_empty(folio: Folio):
    ada = await register(folio, "ada")
    await write_post(folio, ada, published=True)

    page = await Social(folio).get_feed(ada, PageRequest())

    assert (list(page.items), page.total) == ([], 0)


async def test_tags_in_use_on_published_posts_most_used_first(folio: Folio):
    ada = await register(folio, "ada")
    await write_post(folio, ada, published=True, tags=["b", "a"])
    await write_post(folio, ada, published=True, tags=["a", "c"], title="Second post")
    await write_post(folio, ada, tags=["draft-only", "c", "c2"], title="A draft")

    assert await Social(folio).list_tags() == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("status", "titles"),
    [
        (PostStatus.ALL, ["Newest draft", "Published", "Old draft"]),
        (PostStatus.DRAFT, ["Newest draft", "Old draft"]),
        (PostStatus.PUBLISHED, ["Published"]),
    ],
)
async def test_an_author_lists_their_own_posts_by_status(
    folio: Folio, status: PostStatus, titles: list[str]
):
    ada = await register(folio, "ada")
    bob = await register(folio, "bob")
    for title, published in [("Old draft", False), ("Published", True), ("Newest draft", False)]:
        folio.clock.advance(timedelta(seconds=1))
        await write_post(folio, ada, title=title, published=published)
    await write_post(folio, bob, title="Not Ada's", published=True)

    page = await Social(folio).list_my_posts(ada, status, PageRequest())

    assert [p.title for p in page.items] == titles


async def test_posts_are_listed_by_author_name_and_by_who_favourited_them(folio: Folio):
    ada = await register(folio, "ada", username="Ada")
    bob = await register(folio, "bob")
    liked = await write_post(folio, ada, published=True, title="Liked by Bob")
    await write_post(folio, ada, published=True, title="Not liked")
    await write_post(folio, bob, published=True, title="Bob's")
    await Social(folio).favorite_post(bob, liked.id)

    by_ada = await folio.list_posts(PostListFilter(author="ADA"), PageRequest(), bob)
    liked_by_bob = await folio.list_posts(PostListFilter(favorited_by="bob"), PageRequest(), bob)
    nobody = await folio.list_posts(PostListFilter(author="no such user!"), PageRequest())

    assert {p.title for p in by_ada.items} == {"Liked by Bob", "Not liked"}
    assert [(p.title, p.favorited) for p in liked_by_bob.items] == [("Liked by Bob", True)]
    assert (list(nobody.items), nobody.total) == ([], 0)
