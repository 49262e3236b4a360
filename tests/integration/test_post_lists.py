"""Lists of published posts: order, pages, filters, on every backend."""

from datetime import timedelta
from typing import Any

from application.pagination import PageRequest
from application.ports.repositories import PostFilter
from domain.posts.post import Post
from domain.users.user import User
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import listed, state_of, store


async def test_published_posts_are_listed_newest_first_a_page_at_a_time(
    new_uow: UowFactory, author: User
) -> None:
    posts = [make_post(author_id=author.id, now=NOW + timedelta(hours=n)) for n in range(5)]
    twins = [make_post(author_id=author.id, now=NOW + timedelta(days=1)) for _ in range(2)]
    await store(new_uow, *posts, *twins)
    newest_first = sorted(twins, key=lambda p: p.id, reverse=True) + posts[::-1]

    async with new_uow() as uow:
        page = await uow.posts.list_published(PostFilter(), PageRequest(skip=1, limit=3))
        beyond = await uow.posts.list_published(PostFilter(), PageRequest(skip=10, limit=3))

    assert [p.id for p in page.items] == [p.id for p in newest_first[1:4]]
    assert (page.total, page.skip, page.limit) == (7, 1, 3)
    assert (list(beyond.items), beyond.total) == ([], 7)


async def test_listed_posts_have_all_their_fields(new_uow: UowFactory, author: User) -> None:
    posts = [make_post(author_id=author.id, tags=[f"t{n}", "common", f"u{n}"]) for n in range(3)]
    await store(new_uow, *posts)

    found = {post.id: post for post in await listed(new_uow)}

    assert {id_: state_of(post) for id_, post in found.items()} == {
        post.id: state_of(post) for post in posts
    }


async def test_drafts_are_never_listed(new_uow: UowFactory, author: User) -> None:
    published = make_post(author_id=author.id, tags=["news"])
    draft = make_post(author_id=author.id, tags=["news"], publish=False)
    await store(new_uow, published, draft)

    async with new_uow() as uow:
        page = await uow.posts.list_published(PostFilter(tag="news"), PageRequest())
        by_author = await uow.posts.list_published(PostFilter(author_id=author.id), PageRequest())

    assert ([p.id for p in page.items], page.total) == ([published.id], 1)
    assert ([p.id for p in by_author.items], by_author.total) == ([published.id], 1)


async def test_lists_filter_by_tag_and_by_author(new_uow: UowFactory, author: User) -> None:
    other = make_user()
    mine_python = make_post(author_id=author.id, tags=["python", "ddd"])
    mine_rust = make_post(author_id=author.id, tags=["rust"], now=NOW + timedelta(seconds=1))
    theirs_python = make_post(author_id=other.id, tags=["web", "python"])
    await store(new_uow, other, mine_python, mine_rust, theirs_python)

    def ids(posts: list[Post]) -> set[Any]:
        return {post.id for post in posts}

    assert ids(await listed(new_uow, PostFilter(tag="python"))) == {
        mine_python.id,
        theirs_python.id,
    }
    assert ids(await listed(new_uow, PostFilter(author_id=author.id))) == {
        mine_python.id,
        mine_rust.id,
    }
    assert ids(await listed(new_uow, PostFilter(tag="python", author_id=other.id))) == {
        theirs_python.id
    }
    assert await listed(new_uow, PostFilter(tag="nothing")) == []
    assert await listed(new_uow, PostFilter(author_id=make_user().id)) == []
