"""The read side sends a fixed number of SQL statements whatever the page size: tags,
favourites, follows and counts are computed in the query, never per row. A view is one
statement, and so is a page of posts with its total; a page of search hits or of comments is
two (its total, then its rows)."""

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest

from application.pagination import Page, PageRequest
from application.ports.read_model import PostQuery, PostStatus
from application.ports.unit_of_work import UnitOfWork
from application.posts.views import PostView
from application.social.views import CommentView
from domain.ids import PostId, UserId
from domain.posts.search import SearchQuery
from domain.users.user import User
from tests.builders import NOW, make_comment, make_favorite, make_follow, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import recorded_statements

Reader = Callable[[UnitOfWork, PageRequest, User], Awaitable[Page[Any]]]
READER = make_user(username="reader")
AUTHOR = make_user(username="Author")
COMMENTED = PostId(UUID(int=1))


@pytest.fixture
async def busy_blog(new_sql_uow: UowFactory) -> None:
    """25 published posts by one author, each with 3 tags and 2 favourites; the reader
    follows the author and favourited every post; the author's 50 comments on COMMENTED."""
    other = make_user()
    async with new_sql_uow() as uow:
        for user in (READER, AUTHOR, other):
            uow.users.add(user)
        uow.follows.add(make_follow(READER, AUTHOR))
        posts = []
        for n in range(25):
            post = make_post(
                id=COMMENTED if n == 0 else None,
                author_id=AUTHOR.id,
                tags=["a", f"t{n}", "b"],
                now=NOW + timedelta(n),
            )
            uow.posts.add(post)
            posts.append(post)
            for fan in (READER, other):
                uow.favorites.add(make_favorite(fan, post))
        for n in range(50):
            at = NOW + timedelta(seconds=n)
            uow.comments.add(make_comment(AUTHOR, posts[0], f"c{n}", now=at))
        await uow.commit()


def posts_where(where: PostQuery) -> Reader:
    return lambda uow, page, viewer: uow.read.posts(where, page, viewer.id)


READERS = [
    pytest.param(posts_where(PostQuery()), 1, id="all-posts"),
    pytest.param(posts_where(PostQuery(tag="a")), 1, id="by-tag"),
    pytest.param(posts_where(PostQuery(author="author")), 1, id="by-author"),
    pytest.param(posts_where(PostQuery(favorited_by="reader")), 1, id="favorited-by"),
    pytest.param(
        posts_where(PostQuery(author_id=AUTHOR.id, status=PostStatus.ALL)), 1, id="own-posts"
    ),
    pytest.param(posts_where(PostQuery(text=SearchQuery("hexagons"))), 2, id="search"),
    pytest.param(lambda uow, page, viewer: uow.read.feed(viewer.id, page), 1, id="feed"),
    pytest.param(
        lambda uow, page, viewer: uow.read.comments(COMMENTED, page, viewer.id), 2, id="comments"
    ),
]


@pytest.mark.usefixtures("busy_blog")
@pytest.mark.parametrize(("read", "expected"), READERS)
async def test_a_list_takes_the_same_statements_whatever_the_page_size(
    new_sql_uow: UowFactory, read: Reader, expected: int
) -> None:
    counts = {}
    for size in (1, 20):
        async with new_sql_uow() as uow:
            await uow.users.get(READER.id)  # check the connection out first
            with recorded_statements(new_sql_uow.sql_engine) as statements:
                page = await read(uow, PageRequest(limit=size), READER)
        assert len(page.items) == size
        assert all(item.author.following for item in page.items)
        counts[size] = len(statements)

    assert counts == {1: expected, 20: expected}


@pytest.mark.usefixtures("busy_blog")
async def test_post_views_carry_the_counts_and_marks_of_the_query(
    new_sql_uow: UowFactory,
) -> None:
    async with new_sql_uow() as uow:
        page = await uow.read.posts(PostQuery(tag="a"), PageRequest(limit=20), READER.id)

    assert {(p.favorited, p.favorites_count, len(p.tags)) for p in page.items} == {(True, 2, 3)}


View = Callable[[UnitOfWork, PostView, CommentView, UserId | None], Awaitable[Any]]
VIEWS = [
    pytest.param(lambda uow, post, _, viewer: uow.read.post(post.id, viewer), id="post"),
    pytest.param(lambda uow, post, _, viewer: uow.read.post_by_slug(post.slug, viewer), id="slug"),
    pytest.param(lambda uow, _, __, viewer: uow.read.profile("author", viewer), id="profile"),
    pytest.param(lambda uow, _, __, viewer: uow.read.tags(100), id="tags"),
    pytest.param(lambda uow, _, note, viewer: uow.read.comment(note.id, viewer), id="comment"),
]


@pytest.mark.usefixtures("busy_blog")
@pytest.mark.parametrize("viewer", [None, READER.id], ids=["anonymous", "reader"])
@pytest.mark.parametrize("view", VIEWS)
async def test_a_view_is_one_statement(
    new_sql_uow: UowFactory, view: View, viewer: UserId | None
) -> None:
    async with new_sql_uow() as uow:
        newest = (await uow.read.posts(PostQuery(), PageRequest(limit=1), None)).items[0]
        note = (await uow.read.comments(COMMENTED, PageRequest(limit=1), None)).items[0]
        with recorded_statements(new_sql_uow.sql_engine) as statements:
            found = await view(uow, newest, note, viewer)

    assert found
    assert len(statements) == 1
