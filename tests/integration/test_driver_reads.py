"""On PostgreSQL, views read outside a transaction run on the asyncpg connection itself
(adapters/sqlalchemy/read_model/driver_reads.py, ADR 021), unless something listens to the
engine's statement events, and fail as SQLAlchemy's reads do: a connection the server dropped
fails one read with ServiceUnavailable and the next read connects afresh. (That the views are
the same on every backend is the contract suite's business: test_read_model.py and others.)"""

import pytest
from sqlalchemy import text
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.events import LoggingEventPublisher
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.migrate import upgrade
from adapters.sqlalchemy.read_model.posts import _one
from adapters.sqlalchemy.read_model.reads import Reads
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from application.errors import ServiceUnavailable
from tests.builders import make_post, make_user
from tests.databases import empty_postgres
from tests.integration.helpers import recorded_statements


@pytest.fixture
def postgres_database() -> str:
    url = empty_postgres()  # runs its own event loop: a synchronous fixture
    upgrade(url)
    return url


def _new_uow(engine: AsyncEngine) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(async_sessionmaker(engine), LoggingEventPublisher())


@pytest.mark.postgres
async def test_an_unwatched_postgres_engine_reads_views_on_the_driver(
    postgres_database: str,
) -> None:
    engine = create_engine(postgres_database, pool_size=2)
    author = make_user()
    post = make_post(author_id=author.id)
    try:
        async with _new_uow(engine) as uow:
            uow.users.add(author)
            uow.posts.add(post)
            await uow.commit()
        reads = Reads(engine, lambda: None)
        statement, values = _one("postgresql", True, "id"), {"key": post.id}

        unwatched = await reads.rows(statement, values)
        with recorded_statements(engine) as statements:
            watched = await reads.rows(statement, values)

        assert type(unwatched[0]).__module__.startswith("asyncpg")  # asyncpg's Record
        assert isinstance(watched[0], RowMapping)
        assert len(statements) == 1  # a listener sees the statement it asked to see
        assert dict(unwatched[0].items()) == dict(watched[0])
        assert engine.sync_engine.pool.checkedout() == 0  # given back after the read
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_view_read_in_a_transaction_reads_on_its_connection(
    postgres_database: str,
) -> None:
    engine = create_engine(postgres_database, pool_size=2)
    try:
        async with async_sessionmaker(engine)() as session:
            await session.execute(text("SELECT 1"))  # the session's transaction begins
            rows = await Reads(engine, lambda: session).rows(
                _one("postgresql", True, "id"), {"key": make_post().id}
            )
            assert list(rows) == []
            assert engine.sync_engine.pool.checkedout() == 1  # the session's, no other
            assert session.in_transaction()
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_a_lost_connection_fails_one_view_and_the_next_one_works(
    postgres_database: str,
) -> None:
    engine = create_engine(postgres_database, pool_size=2, pool_timeout=5)
    post = make_post(author_id=make_user().id)
    try:
        async with engine.connect() as first, engine.connect() as second:
            for connection in (first, second):  # two pooled connections now exist
                await connection.execute(text("SELECT 1"))
        async with engine.connect() as killer:
            await killer.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )

        with pytest.raises(ServiceUnavailable):
            async with _new_uow(engine) as uow:
                await uow.read.post(post.id, None)
        async with _new_uow(engine) as uow:  # the other dead connection is not reused
            assert await uow.read.post(post.id, None) is None
        assert engine.sync_engine.pool.checkedout() == 0
    finally:
        await engine.dispose()
