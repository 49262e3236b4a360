"""The read side's contract, on every backend: the same views for the same data."""

from datetime import timedelta

from application.pagination import PageRequest
from application.ports.read_model import PostQuery, PostStatus
from domain.users.user import User
from domain.users.values import Bio, ImageUrl
from tests.builders import NOW, make_comment, make_favorite, make_follow, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store


async def test_a_profile_has_exact_counts_and_the_viewers_following(new_uow: UowFactory) -> None:
    jake = make_user(username="Jake", bio=Bio("Statefarm"), image=ImageUrl("https://i.example/j"))
    fans = [make_user() for _ in range(3)]
    await store(new_uow, jake, *fans, *(make_follow(fan, jake) for fan in fans))
    await store(new_uow, make_follow(jake, fans[0]))

    async with new_uow() as uow:
        seen_by_fan = await uow.read.profile("jake", fans[1].id)
        anonymous = await uow.read.profile("jake", None)
        missing = await uow.read.profile("nobody", None)

    assert seen_by_fan is not None
    assert anonymous is not None
    assert (seen_by_fan.username, seen_by_fan.bio, seen_by_fan.image) == (
        "Jake",
        "Statefarm",
        "https://i.example/j",
    )
    assert (seen_by_fan.following, seen_by_fan.followers_count, seen_by_fan.following_count) == (
        True,
        3,
        1,
    )
    assert anonymous.following is False
    assert missing is None


async def test_a_post_view_has_its_author_favourites_and_the_viewers_marks(
    new_uow: UowFactory, author: User
) -> None:
    fans = [make_user() for _ in range(3)]
    post = make_post(author_id=author.id, tags=["b", "a"], description="In short")
    await store(new_uow, *fans, post, *(make_favorite(fan, post) for fan in fans))
    await store(new_uow, make_follow(fans[0], author))

    async with new_uow() as uow:
        by_fan = await uow.read.post(post.id, fans[0].id)
        by_slug = await uow.read.post_by_slug(post.slug.value, author.id)
        anonymous = await uow.read.post(post.id, None)

    assert by_fan is not None
    assert by_slug is not None
    assert anonymous is not None
    assert (by_fan.title, by_fan.description, by_fan.tags) == (
        post.title.value,
        "In short",
        ["b", "a"],
    )
    assert (by_fan.favorited, by_fan.favorites_count, by_fan.author.following) == (True, 3, True)
    assert (by_slug.favorited, by_slug.author.following, by_slug.id) == (False, False, post.id)
    assert (anonymous.favorited, anonymous.favorites_count) == (False, 3)
    assert by_fan.author.username == author.username.value


async def test_lists_filter_by_tag_author_and_who_favourited(new_uow: UowFactory) -> None:
    ada, bob = make_user(username="Ada"), make_user(username="bob")
    ada_posts = [
        make_post(author_id=ada.id, tags=["x"], now=NOW + timedelta(minutes=n)) for n in range(3)
    ]
    bob_post = make_post(author_id=bob.id, tags=["y"])
    draft = make_post(author_id=ada.id, tags=["x"], publish=False)
    await store(new_uow, ada, bob, *ada_posts, bob_post, draft)
    await store(new_uow, make_favorite(bob, ada_posts[0]), make_favorite(bob, bob_post))

    async def ids(where: PostQuery, **page: int) -> tuple[list[object], int]:
        async with new_uow() as uow:
            found = await uow.read.posts(where, PageRequest(**page), bob.id)
        return [p.id for p in found.items], found.total

    newest_ada = [p.id for p in reversed(ada_posts)]
    assert await ids(PostQuery(tag="x")) == (newest_ada, 3)
    assert await ids(PostQuery(author="ada"), limit=2) == (newest_ada[:2], 3)
    assert await ids(PostQuery(favorited_by="bob", author="ada")) == ([ada_posts[0].id], 1)
    assert await ids(PostQuery(author="nobody")) == ([], 0)
    assert await ids(PostQuery(author_id=ada.id, status=PostStatus.DRAFT)) == ([draft.id], 1)
    assert (await ids(PostQuery(author_id=ada.id, status=PostStatus.ALL)))[1] == 4


async def test_every_page_knows_the_total_a_deep_one_and_one_past_the_end_too(
    new_uow: UowFactory, author: User
) -> None:
    posts = [make_post(author_id=author.id, now=NOW + timedelta(minutes=n)) for n in range(7)]
    await store(new_uow, *posts, make_post(author_id=author.id, publish=False))
    newest_first = [p.id for p in reversed(posts)]

    async def page(**request: int) -> tuple[list[object], int]:
        async with new_uow() as uow:
            found = await uow.read.posts(PostQuery(), PageRequest(**request), None)
        return [p.id for p in found.items], found.total

    assert await page(limit=3) == (newest_first[:3], 7)
    assert await page(skip=5, limit=3) == (newest_first[5:], 7)
    assert await page(skip=7, limit=3) == ([], 7)
    assert await page(skip=100, limit=3) == ([], 7)


async def test_the_feed_has_published_posts_of_followed_authors(new_uow: UowFactory) -> None:
    reader, followed, other = make_user(), make_user(), make_user()
    posts = [make_post(author_id=followed.id, now=NOW + timedelta(minutes=n)) for n in range(3)]
    await store(new_uow, reader, followed, other, *posts, make_follow(reader, followed))
    await store(
        new_uow, make_post(author_id=other.id), make_post(author_id=followed.id, publish=False)
    )

    async with new_uow() as uow:
        page = await uow.read.feed(reader.id, PageRequest(limit=2))
        nothing = await uow.read.feed(other.id, PageRequest())

    assert [p.id for p in page.items] == [posts[2].id, posts[1].id]
    assert page.total == 3
    assert all(p.author.following for p in page.items)
    assert (list(nothing.items), nothing.total) == ([], 0)


async def test_tags_are_those_of_published_posts_most_used_first(
    new_uow: UowFactory, author: User
) -> None:
    await store(
        new_uow,
        make_post(author_id=author.id, tags=["b", "a"]),
        make_post(author_id=author.id, tags=["a", "c"]),
        make_post(author_id=author.id, tags=["a", "b"]),
        make_post(author_id=author.id, tags=["hidden", "a"], publish=False),
    )

    async with new_uow() as uow:
        assert await uow.read.tags(10) == ["a", "b", "c"]
        assert await uow.read.tags(2) == ["a", "b"]


async def test_comments_are_oldest_first_with_their_authors(
    new_uow: UowFactory, author: User
) -> None:
    reader = make_user()
    post = make_post(author_id=author.id)
    comments = [
        make_comment(author, post, f"c{n}", now=NOW + timedelta(seconds=n)) for n in range(4)
    ]
    await store(new_uow, reader, post, *comments[::-1], make_follow(reader, author))

    async with new_uow() as uow:
        page = await uow.read.comments(post.id, PageRequest(skip=1, limit=2), reader.id)
        one = await uow.read.comment(comments[0].id, None)

    assert [c.body for c in page.items] == ["c1", "c2"]
    assert page.total == 4
    assert all(c.author.following for c in page.items)
    assert one is not None
    assert (one.body, one.author.following, one.author.id) == ("c0", False, author.id)
