"""On SQLite, views read outside a transaction go to aiosqlite's thread in one hand-off
(adapters/sqlalchemy/read_model/aiosqlite_reads.py, ADR 023), with SQLAlchemy's own result
processing, so every view statement's rows hold the values Core's rows hold; a watched engine
or a transaction reads through Core; errors fail as Core's reads do."""

import sqlite3
from collections.abc import Sequence
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Select, text
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.events import LoggingEventPublisher
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.errors import StorageError
from adapters.sqlalchemy.read_model.driver_reads import DriverReads
from adapters.sqlalchemy.read_model.posts import _one
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from application.errors import ServiceUnavailable
from application.pagination import PageRequest
from application.ports.read_model import PostQuery, PostStatus
from domain.admin.reason import Reason
from domain.posts.post import Post
from tests.builders import NOW, make_comment, make_favorite, make_follow, make_post, make_user
from tests.databases import empty_sqlite
from tests.integration.helpers import recorded_statements, store
from tests.integration.test_sessions import make_session


def _new_uow(engine: AsyncEngine) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(async_sessionmaker(engine), LoggingEventPublisher())


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return empty_sqlite(tmp_path)  # migrates on its own event loop: a synchronous fixture


@pytest.fixture
async def engine(sqlite_url: str) -> Any:
    engine = create_engine(sqlite_url, pool_size=1)
    async with engine.connect() as connection:  # the dialect meets the database
        await connection.execute(text("SELECT 1"))
    yield engine
    await engine.dispose()


async def _stored_post(engine: AsyncEngine) -> Post:
    author = make_user()
    post = make_post(author_id=author.id, tags=["b", "a"])
    await store(partial(_new_uow, engine), author, post)
    return post


async def test_an_unwatched_sqlite_engine_reads_views_on_the_driver(engine: AsyncEngine) -> None:
    post = await _stored_post(engine)
    reads = Reads(engine, lambda: None)
    statement, values = _one("sqlite", True, "id"), {"key": post.id}

    unwatched = await reads.rows(statement, values)
    with recorded_statements(engine) as statements:
        watched = await reads.rows(statement, values)

    assert type(unwatched[0]) is dict
    assert isinstance(watched[0], RowMapping)
    assert len(statements) == 1  # a listener sees the statement it asked to see
    assert unwatched[0] == dict(watched[0])
    assert engine.sync_engine.pool.checkedout() == 0  # given back after the read


async def test_a_view_read_in_a_transaction_reads_on_its_connection(engine: AsyncEngine) -> None:
    post = await _stored_post(engine)
    async with async_sessionmaker(engine)() as session:
        await session.execute(text("SELECT 1"))  # the session's transaction begins
        rows = await Reads(engine, lambda: session).rows(
            _one("sqlite", True, "id"), {"key": post.id}
        )
        assert isinstance(rows[0], RowMapping)
        assert engine.sync_engine.pool.checkedout() == 1  # the session's, no other


async def test_every_view_statement_reads_as_core_reads_it(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader, writer = make_user(), make_user()
    tagged = make_post(author_id=writer.id, tags=["z", "a", "m"])
    hidden = make_post(author_id=writer.id, tags=[])
    hidden.hide(Reason("spam"), by=None, now=NOW + timedelta(hours=1))
    draft = make_post(author_id=reader.id, publish=False)
    comment = make_comment(reader, tagged)
    session = make_session(reader)
    new_uow = partial(_new_uow, engine)
    await store(new_uow, reader, writer, tagged, hidden, draft)
    await store(new_uow, make_follow(reader, writer), make_favorite(reader, tagged))
    await store(new_uow, comment)
    async with _new_uow(engine) as uow:
        uow.sessions.add(session)
        await uow.commit()

    compared: list[Select[Any]] = []
    driver_rows = DriverReads.rows

    async def both(self: DriverReads, statement: Select[Any], values: dict[str, Any]) -> Any:
        found = await driver_rows(self, statement, values)
        async with engine.connect() as connection:
            core = (await connection.execute(statement, values)).mappings().all()
        assert _typed(found) == _typed([dict(row) for row in core])
        compared.append(statement)
        return found

    monkeypatch.setattr(DriverReads, "rows", both)
    for viewer in (None, reader.id):
        async with _new_uow(engine) as uow:
            read = uow.read
            assert await read.post(tagged.id, viewer) is not None
            assert await read.post_by_slug(hidden.slug.value, viewer) is not None
            assert await read.profile(writer.username.key, viewer) is not None
            assert await read.comment(comment.id, viewer) is not None
            for query in (PostQuery(), PostQuery(tag="a"), PostQuery(author=writer.username.key)):
                assert (await read.posts(query, PageRequest(), viewer)).total >= 1
            assert await read.posts(PostQuery(tag="none"), PageRequest(skip=5), viewer)
    async with _new_uow(engine) as uow:
        mine = PostQuery(author_id=reader.id, status=PostStatus.DRAFT)
        assert (await uow.read.posts(mine, PageRequest(), reader.id)).total == 1
        assert (await uow.read.feed(reader.id, PageRequest())).total == 1
        assert await uow.read.tags(10) == ["a", "m", "z"]
        assert await uow.sessions.caller(session.id) is not None

    assert len(set(compared)) >= 14  # none fell back to Core


def _typed(rows: Sequence[dict[str, Any]]) -> list[dict[str, tuple[type, Any]]]:
    return [{name: (type(value), value) for name, value in row.items()} for row in rows]


async def test_a_busy_database_is_unavailable_and_a_refused_read_a_storage_error(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    post = await _stored_post(engine)
    reads = Reads(engine, lambda: None)
    statement, values = _one("sqlite", True, "id"), {"key": post.id}
    await reads.rows(statement, values)  # compiled while the table exists

    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = 5  # type: ignore[attr-defined]  # SQLITE_BUSY, as sqlite3 sets it

    async def locked(*_: Any) -> Any:
        raise busy

    with monkeypatch.context() as patched:
        patched.setattr("aiosqlite.Connection.execute_fetchall", locked)
        with pytest.raises(ServiceUnavailable):
            await reads.rows(statement, values)
    async with engine.begin() as connection:
        await connection.execute(text("DROP TABLE post_tags"))
    with pytest.raises(StorageError):
        await reads.rows(statement, values)
    assert engine.sync_engine.pool.checkedout() == 0


async def test_a_closed_connection_fails_one_view_and_the_next_one_works(
    engine: AsyncEngine,
) -> None:
    post = await _stored_post(engine)
    reads = Reads(engine, lambda: None)
    statement, values = _one("sqlite", True, "id"), {"key": post.id}
    await reads.rows(statement, values)
    async with engine.connect() as connection:  # the pool's one connection, closed under it
        raw = await connection.get_raw_connection()
        await raw.driver_connection.close()  # type: ignore[union-attr]

    with pytest.raises(ServiceUnavailable):
        await reads.rows(statement, values)
    assert len(await reads.rows(statement, values)) == 1  # on a new connection
    assert engine.sync_engine.pool.checkedout() == 0
