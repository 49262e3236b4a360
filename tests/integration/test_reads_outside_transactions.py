"""The SQL read model reads outside any transaction unless the block already has one: a
read-only request sends no BEGIN and no ROLLBACK, holds a connection only while it reads, and
a view read inside a write's transaction reads on that transaction's connection."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from uuid import uuid4

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from application.pagination import PageRequest
from application.ports.read_model import PostQuery
from domain.ids import SessionId
from tests.builders import make_post, make_user
from tests.integration.backends import UowFactory
from tests.integration.helpers import store


@contextmanager
def transaction_states(engine: AsyncEngine) -> Iterator[list[bool]]:
    """For each statement ``engine`` runs in the block: was its driver connection in a
    transaction once it ran (asyncpg's is_in_transaction, sqlite3's in_transaction)?"""
    states: list[bool] = []

    def record(connection: Any, *_: Any) -> None:
        driver = connection.connection.driver_connection
        in_transaction = getattr(driver, "is_in_transaction", None)
        states.append(in_transaction() if in_transaction else bool(driver.in_transaction))

    event.listen(engine.sync_engine, "after_cursor_execute", record)
    try:
        yield states
    finally:
        event.remove(engine.sync_engine, "after_cursor_execute", record)


async def test_a_read_only_block_reads_outside_any_transaction(new_sql_uow: UowFactory) -> None:
    author = make_user()
    post = make_post(author_id=author.id, tags=["a"])
    await store(new_sql_uow, author, post)
    engine = new_sql_uow.sql_engine

    with transaction_states(engine) as states:
        async with new_sql_uow() as uow:
            assert engine.sync_engine.pool.checkedout() == 0  # nothing until a view is read
            view = await uow.read.post(post.id, author.id)
            page = await uow.read.posts(PostQuery(), PageRequest(), None)
            caller = await uow.sessions.caller(SessionId(uuid4()))  # every token's check
            assert engine.sync_engine.pool.checkedout() == 0  # given back after each view

    assert view is not None
    assert page.total == 1
    assert caller is None
    assert states == [False, False, False]  # the post, the page (its total in it), the caller


async def test_a_view_read_in_a_transaction_reads_in_it(new_sql_uow: UowFactory) -> None:
    author = make_user()
    post = make_post(author_id=author.id)
    await store(new_sql_uow, author, post)
    engine = new_sql_uow.sql_engine

    with transaction_states(engine) as states:
        async with new_sql_uow() as uow:
            loaded = await uow.posts.get(post.id)  # the block's transaction starts here
            view = await uow.read.post(post.id, None)
            assert engine.sync_engine.pool.checkedout() == 1  # one connection for both

    assert loaded is not None
    assert view is not None
    if engine.dialect.name == "postgresql":  # SQLite's driver begins only before a write
        assert states == [True, True]
