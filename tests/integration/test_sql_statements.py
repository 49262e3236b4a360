"""What the SQL unit of work sends: a fixed number of statements per list, and no write for
an aggregate that did not change."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from adapters.sqlalchemy.tables import post_tags
from application.pagination import PageRequest
from application.ports.repositories import PostFilter
from domain.posts.values import Tags
from domain.users.values import Age
from tests.builders import NOW, make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import recorded_statements, writes_in


@pytest.fixture
async def twenty_five_posts(new_sql_uow: UowFactory) -> None:
    author = make_user()
    async with new_sql_uow() as uow:
        uow.users.add(author)
        for n in range(25):
            uow.posts.add(make_post(author_id=author.id, tags=["a", f"t{n}", "b"]))
            uow.users.add(make_user(now=NOW + timedelta(seconds=n)))
        await uow.commit()


@pytest.mark.usefixtures("twenty_five_posts")
@pytest.mark.parametrize("where", [PostFilter(), PostFilter(tag="a")], ids=["all", "by-tag"])
async def test_a_post_list_takes_two_statements_whatever_the_page_size(
    new_sql_uow: UowFactory, where: PostFilter
) -> None:
    counts = {}
    for size in (1, 20):
        async with new_sql_uow() as uow:
            await uow.users.get(make_user().id)  # check the connection out first
            with recorded_statements(new_sql_uow.sql_engine) as statements:
                page = await uow.posts.list_published(where, PageRequest(limit=size))
        assert len(page.items) == size
        assert all(len(post.tags.values) == 3 for post in page.items)
        counts[size] = len(statements)

    assert counts == {1: 2, 20: 2}  # the count, and the page with its tags aggregated


@pytest.mark.usefixtures("twenty_five_posts")
async def test_a_post_is_read_with_its_tags_in_one_statement(new_sql_uow: UowFactory) -> None:
    async with new_sql_uow() as uow:
        (listed,) = (await uow.posts.list_published(PostFilter(), PageRequest(limit=1))).items
    async with new_sql_uow() as uow:
        await uow.users.get(make_user().id)  # check the connection out first
        with recorded_statements(new_sql_uow.sql_engine) as statements:
            post = await uow.posts.get(listed.id)
    assert post is not None
    assert post.tags == listed.tags
    assert [tag.value for tag in post.tags.values][::2] == ["a", "b"]  # in position order
    assert len(statements) == 1


@pytest.mark.usefixtures("twenty_five_posts")
async def test_a_user_list_takes_two_statements_whatever_the_page_size(
    new_sql_uow: UowFactory,
) -> None:
    counts = {}
    for size in (1, 20):
        async with new_sql_uow() as uow:
            await uow.users.get(make_user().id)
            with recorded_statements(new_sql_uow.sql_engine) as statements:
                page = await uow.users.list(PageRequest(limit=size), include_inactive=False)
        assert len(page.items) == size
        counts[size] = len(statements)

    assert counts == {1: 2, 20: 2}


async def test_unchanged_aggregates_are_not_written(new_sql_uow: UowFactory) -> None:
    user = make_user()
    post = make_post(author_id=user.id)
    async with new_sql_uow() as uow:
        uow.users.add(user)
        uow.posts.add(post)
        await uow.commit()

    with recorded_statements(new_sql_uow.sql_engine) as statements:
        async with new_sql_uow() as uow:
            await uow.users.get(user.id)
            await uow.users.list(PageRequest(), include_inactive=True)
            await uow.posts.get(post.id)
            await uow.posts.list_published(PostFilter(), PageRequest())
            await uow.commit()

    assert writes_in(statements) == []


async def test_only_what_changed_is_written(new_sql_uow: UowFactory) -> None:
    user, other = make_user(), make_user()
    post = make_post(author_id=user.id, tags=["a", "b"])
    async with new_sql_uow() as uow:
        uow.users.add(user)
        uow.users.add(other)
        uow.posts.add(post)
        await uow.commit()

    with recorded_statements(new_sql_uow.sql_engine) as statements:
        async with new_sql_uow() as uow:
            loaded = await uow.users.get(user.id)
            await uow.users.get(other.id)
            loaded_post = await uow.posts.get(post.id)
            assert loaded is not None
            assert loaded_post is not None
            loaded.update_profile(age=Age(33), now=NOW + timedelta(days=1))
            loaded_post.retag(Tags.of(["b", "c"]), now=NOW + timedelta(days=1))
            await uow.commit()

    writes = [" ".join(s.split()[:3]).upper() for s in writes_in(statements)]
    assert any("POST_SEARCH" in write for write in writes)  # retagged: searched anew
    writes = [write for write in writes if "POST_SEARCH" not in write]
    # On SQLite the retagged post is first locked by a write changing nothing (visible_counts.py).
    locked = ["UPDATE POSTS SET"] if new_sql_uow.name == "sqlite" else []
    assert writes == [
        "UPDATE USERS SET",
        *locked,
        "UPDATE POSTS SET",
        "DELETE FROM POST_TAGS",
        "INSERT INTO POST_TAGS",
        "INSERT INTO TAG_COUNTS",  # c counted once more, a once less
        "DELETE FROM TAG_COUNTS",  # a, used no more
    ]
    user_update = writes_in(statements)[0]
    assert "age" in user_update
    assert "email" not in user_update


async def test_removing_a_post_removes_its_tag_rows(new_sql_uow: UowFactory) -> None:
    user = make_user()
    post = make_post(author_id=user.id, tags=["a", "b", "c"])
    async with new_sql_uow() as uow:
        uow.users.add(user)
        uow.posts.add(post)
        await uow.commit()

    async with new_sql_uow() as uow:
        loaded = await uow.posts.get(post.id)
        assert loaded is not None
        await uow.posts.remove(loaded)
        await uow.commit()

    async with new_sql_uow.sql_engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(post_tags)) == 0
