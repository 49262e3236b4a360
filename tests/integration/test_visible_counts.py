"""The tags view (most used first) and the totals of the published posts' lists (all of them,
and by tag) follow every change that makes a post or its tags visible or not (publish,
unpublish, retag, hide, restore, delete, an account deleted with its posts or handed over), on
every backend; on the SQL ones the maintained ``tag_counts`` and ``post_totals`` also equal a
count from scratch after each change."""

import asyncio
import random
from collections import Counter
from collections.abc import Awaitable, Callable
from contextlib import suppress
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from adapters.sqlalchemy.tables import post_tags, post_totals, posts, tag_counts
from application.pagination import PageRequest
from application.ports.read_model import PostQuery
from application.ports.unit_of_work import UnitOfWork
from domain.admin.reason import Reason
from domain.errors import AlreadyFollowing, StaleVersion
from domain.posts.post import Post
from domain.posts.values import Tags
from domain.users.deleted_user import DELETED_USER_ID, deleted_user_placeholder
from tests.builders import NOW, make_follow, make_post, make_user
from tests.databases import empty_sqlite
from tests.integration.backends import Database, UowFactory, open_backend
from tests.integration.helpers import store

Change = Callable[[UnitOfWork, Post], Awaitable[None]]


async def stored_counts(new_uow: UowFactory) -> dict[str, int]:
    """The maintained counts (SQL backends)."""
    async with new_uow.sql_engine.connect() as connection:
        rows = await connection.execute(select(tag_counts.c.tag, tag_counts.c.uses))
        return dict(rows.all())


async def stored_total(new_uow: UowFactory) -> dict[str, int]:
    """The maintained total of visible posts (SQL backends); no row reads as 0 (a test database
    is emptied between tests, the migration's row with it)."""
    async with new_uow.sql_engine.connect() as connection:
        rows = await connection.execute(select(post_totals.c.name, post_totals.c.posts))
        return {"visible": 0} | {name: posts for name, posts in rows}


async def recounted_total(new_uow: UowFactory) -> dict[str, int]:
    query = select(func.count()).where(
        posts.c.published_at.is_not(None), posts.c.hidden_at.is_(None)
    )
    async with new_uow.sql_engine.connect() as connection:
        return {"visible": int(await connection.scalar(query) or 0)}


async def recounted(new_uow: UowFactory) -> dict[str, int]:
    """The counts as the tags view computed them before the table: every visible post's tags,
    grouped."""
    query = (
        select(post_tags.c.tag, func.count())
        .join(posts, posts.c.id == post_tags.c.post_id)
        .where(posts.c.published_at.is_not(None), posts.c.hidden_at.is_(None))
        .group_by(post_tags.c.tag)
    )
    async with new_uow.sql_engine.connect() as connection:
        return dict((await connection.execute(query)).all())


async def assert_exact(new_uow: UowFactory, expected: Counter[str], visible: int) -> None:
    """The tags view gives ``expected``'s tags most used first, ties by name; the list of
    published posts counts ``visible`` of them, and the list by each tag its ``expected`` uses
    (anonymously); on SQL the maintained counts are those and what a count from scratch gives."""
    first = PageRequest(limit=1)
    async with new_uow() as uow:
        shown = await uow.read.tags(100)
        total = (await uow.read.posts(PostQuery(), first, None)).total
        by_tag = {
            tag: (await uow.read.posts(PostQuery(tag=tag), first, None)).total for tag in "abc"
        }
    assert shown == sorted(expected, key=lambda tag: (-expected[tag], tag))
    assert total == visible
    assert by_tag == {tag: expected[tag] for tag in "abc"}
    if new_uow.engine is not None:
        assert await stored_counts(new_uow) == dict(expected)
        assert await recounted(new_uow) == dict(expected)
        assert await stored_total(new_uow) == {"visible": visible}
        assert await recounted_total(new_uow) == {"visible": visible}


async def change(new_uow: UowFactory, post: Post, how: Change) -> None:
    async with new_uow() as uow:
        stored = await uow.posts.get(post.id)
        assert stored is not None
        await how(uow, stored)
        await uow.commit()


async def publish(_uow: UnitOfWork, post: Post) -> None:
    post.publish(now=NOW)


async def unpublish(_uow: UnitOfWork, post: Post) -> None:
    post.unpublish(now=NOW)


async def hide(_uow: UnitOfWork, post: Post) -> None:
    post.hide(Reason("spam"), by=None, now=NOW)


async def restore(_uow: UnitOfWork, post: Post) -> None:
    post.restore()


async def retag(_uow: UnitOfWork, post: Post) -> None:
    post.retag(Tags.of(["b", "c"]), now=NOW)


async def remove(uow: UnitOfWork, post: Post) -> None:
    post.delete(now=NOW)
    await uow.posts.remove(post)


@pytest.mark.parametrize(
    ("publish_first", "how", "expected", "visible"),
    [
        pytest.param(False, publish, {"a": 2, "b": 2}, 2, id="publish"),
        pytest.param(True, unpublish, {"a": 1, "b": 1}, 1, id="unpublish"),
        pytest.param(True, retag, {"a": 1, "b": 2, "c": 1}, 2, id="retag-published"),
        pytest.param(False, retag, {"a": 1, "b": 1}, 1, id="retag-draft"),
        pytest.param(True, hide, {"a": 1, "b": 1}, 1, id="hide"),
        pytest.param(False, hide, {"a": 1, "b": 1}, 1, id="hide-draft"),
        pytest.param(True, remove, {"a": 1, "b": 1}, 1, id="delete-published"),
        pytest.param(False, remove, {"a": 1, "b": 1}, 1, id="delete-draft"),
    ],
)
async def test_a_change_of_one_post_moves_its_counts(
    new_uow: UowFactory, publish_first: bool, how: Change, expected: dict[str, int], visible: int
) -> None:
    author = make_user()
    other = make_post(author_id=author.id, tags=["b", "a"])
    post = make_post(author_id=author.id, tags=["a", "b"], publish=publish_first)
    await store(new_uow, author, other, post)

    await change(new_uow, post, how)

    await assert_exact(new_uow, Counter(expected), visible)


async def test_a_hidden_post_restored_counts_again(new_uow: UowFactory) -> None:
    author = make_user()
    post = make_post(author_id=author.id, tags=["a"])
    await store(new_uow, author, post)

    await change(new_uow, post, hide)
    await assert_exact(new_uow, Counter(), 0)
    await change(new_uow, post, restore)

    await assert_exact(new_uow, Counter({"a": 1}), 1)


async def test_tags_tie_by_name_and_the_last_use_removes_a_tag(new_uow: UowFactory) -> None:
    author = make_user()
    first = make_post(author_id=author.id, tags=["z", "m", "a"])
    second = make_post(author_id=author.id, tags=["m"])
    await store(new_uow, author, first, second)
    await assert_exact(new_uow, Counter({"m": 2, "a": 1, "z": 1}), 2)

    await change(new_uow, first, remove)

    await assert_exact(new_uow, Counter({"m": 1}), 1)


async def test_posts_added_published_in_one_unit_of_work_count_once_each(
    new_uow: UowFactory,
) -> None:
    author = make_user()
    added = [make_post(author_id=author.id, tags=["a", f"t{n % 2}"]) for n in range(5)]
    draft = make_post(author_id=author.id, tags=["a"], publish=False)
    hidden = make_post(author_id=author.id, tags=["a"])
    hidden.hide(Reason("spam"), by=None, now=NOW)

    await store(new_uow, author, *added, draft, hidden)

    await assert_exact(new_uow, Counter({"a": 5, "t0": 3, "t1": 2}), 5)


async def test_a_deleted_account_takes_its_posts_tags_with_it(new_uow: UowFactory) -> None:
    leaving, staying = make_user(), make_user()
    theirs = [make_post(author_id=leaving.id, tags=["a", "b"]) for _ in range(3)]
    hidden = make_post(author_id=leaving.id, tags=["a"])
    hidden.hide(Reason("spam"), by=None, now=NOW)
    draft = make_post(author_id=leaving.id, tags=["a"], publish=False)
    kept = make_post(author_id=staying.id, tags=["b"])
    await store(new_uow, leaving, staying, *theirs, hidden, draft, kept)

    async with new_uow() as uow:
        user = await uow.users.get(leaving.id)
        assert user is not None
        user.delete(now=NOW)
        await uow.users.remove(user)
        await uow.commit()

    await assert_exact(new_uow, Counter({"b": 1}), 1)


async def test_an_account_deleted_keeping_its_posts_keeps_their_tags(
    new_uow: UowFactory,
) -> None:
    leaving = make_user()
    post = make_post(author_id=leaving.id, tags=["a", "b"])
    await store(new_uow, leaving, post)

    async with new_uow() as uow:
        uow.users.add(deleted_user_placeholder(NOW, make_user().username))
        user = await uow.users.get(leaving.id)
        assert user is not None
        uow.users.hand_over_content(user.id, DELETED_USER_ID)
        user.delete(now=NOW)
        await uow.users.remove(user)
        await uow.commit()

    await assert_exact(new_uow, Counter({"a": 1, "b": 1}), 1)


async def test_a_commit_that_fails_moves_no_count(new_uow: UowFactory) -> None:
    author, fan = make_user(), make_user()
    post = make_post(author_id=author.id, tags=["a"])
    await store(new_uow, author, fan, post, make_follow(fan, author))

    async with new_uow() as uow:
        stored = await uow.posts.get(post.id)
        assert stored is not None
        stored.unpublish(now=NOW)
        uow.follows.add(make_follow(fan, author))
        with pytest.raises(AlreadyFollowing):  # written after the posts, at the same commit
            await uow.commit()

    await assert_exact(new_uow, Counter({"a": 1}), 1)


async def test_concurrent_changes_of_the_same_posts_leave_exact_counts(
    new_sql_uow: UowFactory,
) -> None:
    """Units of work racing on the same few posts and tags (each loads a post, changes it and
    commits, as requests do): the counts end as a count from scratch gives them."""
    author = make_user()
    shared = [make_post(author_id=author.id, tags=["a", "b"], publish=n % 2 == 0) for n in range(4)]
    await store(new_sql_uow, author, *shared)
    changes: list[Change] = [publish, unpublish, retag, hide, restore, remove]
    chosen = random.Random(1843)
    plan = [(chosen.choice(shared), chosen.choice(changes)) for _ in range(80)]

    async def attempt(post: Post, how: Change) -> None:
        with suppress(StaleVersion):  # a post deleted under a change of it
            async with new_sql_uow() as uow:
                stored = await uow.posts.get(post.id)
                if stored is not None:
                    await how(uow, stored)
                    await uow.commit()

    await asyncio.gather(*(attempt(post, how) for post, how in plan))

    assert await stored_counts(new_sql_uow) == await recounted(new_sql_uow)
    assert await stored_total(new_sql_uow) == await recounted_total(new_sql_uow)


# A unit of work's changes: to posts in slots (write one there, publish, unpublish, retag,
# hide, restore, delete), or an author leaving with their posts.
TAG_LISTS = st.lists(st.sampled_from("abc"), min_size=1, max_size=3, unique=True)
SLOT = st.integers(0, 2)
POST_CHANGES = st.one_of(
    st.tuples(st.just("write"), SLOT, TAG_LISTS, st.booleans()),
    st.tuples(st.sampled_from(["publish", "unpublish", "hide", "restore", "delete"]), SLOT),
    st.tuples(st.just("retag"), SLOT, TAG_LISTS),
)
BATCHES = st.lists(
    st.lists(POST_CHANGES, min_size=1, max_size=3) | st.tuples(st.just("leave"), st.integers(0, 1)),
    min_size=1,
    max_size=12,
)
PROPERTIES = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Blog:
    """What the store should hold: two authors, posts in three slots; the counts it implies."""

    def __init__(self) -> None:
        self.authors = [make_user(), make_user()]
        self.slots: dict[int, Post] = {}

    def visible(self) -> list[Post]:
        return [p for p in self.slots.values() if p.is_published and p.hidden is None]

    def expected(self) -> Counter[str]:
        return Counter(tag for post in self.visible() for tag in post.tags.as_strings())

    async def leave(self, new_uow: UowFactory, index: int) -> None:
        leaving = self.authors[index]
        async with new_uow() as uow:
            user = await uow.users.get(leaving.id)
            assert user is not None
            user.delete(now=NOW)
            await uow.users.remove(user)
            uow.users.add(replacement := make_user())
            await uow.commit()
        self.authors[index] = replacement
        self.slots = {n: p for n, p in self.slots.items() if p.author_id != leaving.id}

    async def apply(self, new_uow: UowFactory, batch: list[tuple[Any, ...]]) -> None:
        """One unit of work; the model follows only once it committed."""
        slots = dict(self.slots)
        async with new_uow() as uow:
            for kind, slot, *args in batch:
                if kind == "write":
                    if slot not in slots:
                        author = self.authors[slot % 2]
                        slots[slot] = make_post(author_id=author.id, tags=args[0], publish=args[1])
                        uow.posts.add(slots[slot])
                    continue
                stored = slots.get(slot) and await uow.posts.get(slots[slot].id)
                if not stored:
                    continue
                slots[slot] = stored
                if kind == "delete":
                    await remove(uow, stored)
                    del slots[slot]
                elif kind == "retag":
                    stored.retag(Tags.of(args[0]), now=NOW)
                else:
                    await {"publish": publish, "unpublish": unpublish, "hide": hide}.get(
                        kind, restore
                    )(uow, stored)
            await uow.commit()
        self.slots = slots


@PROPERTIES
@given(batches=BATCHES)
async def test_after_any_changes_the_counts_are_those_of_a_count_from_scratch(
    database: Database, tmp_path: Path, batches: list[Any]
) -> None:
    if database.name == "sqlite":  # a fresh file for each example
        directory = tmp_path / uuid4().hex
        directory.mkdir()
        database = Database("sqlite", empty_sqlite(directory))
    blog = Blog()
    async with open_backend(database) as new_uow:
        await store(new_uow, *blog.authors)
        for batch in batches:
            if isinstance(batch, tuple):
                await blog.leave(new_uow, batch[1])
            else:
                await blog.apply(new_uow, batch)
            await assert_exact(new_uow, blog.expected(), len(blog.visible()))


async def test_an_author_counts_their_own_hidden_posts_and_no_one_else_does(
    new_uow: UowFactory,
) -> None:
    author, reader = make_user(), make_user()
    hidden = make_post(author_id=author.id, tags=["a"])
    hidden.hide(Reason("spam"), by=None, now=NOW)
    await store(new_uow, author, reader, hidden, make_post(author_id=author.id, tags=["a"]))

    async with new_uow() as uow:
        for viewer, shown in ((author.id, 2), (reader.id, 1), (None, 1)):
            for where in (PostQuery(), PostQuery(tag="a")):
                page = await uow.read.posts(where, PageRequest(limit=5), viewer)
                assert (page.total, len(page.items)) == (shown, shown)
