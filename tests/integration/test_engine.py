"""Engines: SQLite's connection settings, in-memory URLs, and the Resource's lifecycle."""

import sqlite3
from pathlib import Path

import pytest
from dependency_injector import providers
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlalchemy.pool import QueuePool

from adapters.events import LoggingEventPublisher
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.migrate import upgrade
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from application.errors import ServiceUnavailable
from entrypoints.container import Container, close
from tests.builders import make_user
from tests.databases import empty_postgres
from tests.settings import make_settings


async def pragmas(url: str) -> tuple[str, int, int]:
    engine = create_engine(url, pool_size=2, pool_timeout=1)
    try:
        async with engine.connect() as connection:
            values = [
                (await connection.execute(text(f"PRAGMA {name}"))).scalar_one()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            ]
    finally:
        await engine.dispose()
    return values[0], values[1], values[2]


async def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    mode, foreign_keys, busy_ms = await pragmas(f"sqlite+aiosqlite:///{tmp_path / 'f.db'}")

    assert (mode, foreign_keys) == ("wal", 1)
    assert busy_ms >= 5000


async def test_in_memory_sqlite_needs_no_pool_settings() -> None:
    mode, foreign_keys, _ = await pragmas("sqlite+aiosqlite://")

    assert (mode, foreign_keys) == ("memory", 1)


def test_a_migrated_sqlite_file_is_left_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "folio.db"
    upgrade(f"sqlite+aiosqlite:///{path}")

    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()


async def test_closing_the_container_disposes_of_its_engine(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.db'}"
    container = Container(
        settings=providers.Object(make_settings(storage="sql", database_url=url, db_pool_size=2))
    )
    engine = container.engine()
    assert isinstance(engine.pool, QueuePool)
    async with engine.connect() as connection:
        assert (await connection.execute(text("SELECT 1"))).scalar_one() == 1
    assert engine.pool.checkedin() == 1

    await close(container)

    assert engine.pool.checkedin() == 0


@pytest.fixture
def postgres_database() -> str:
    return empty_postgres()  # runs its own event loop: a synchronous fixture


@pytest.mark.postgres
async def test_a_lost_connection_fails_one_request_and_the_next_one_works(
    postgres_database: str,
) -> None:
    """No pre-ping: a connection the server dropped fails the request that meets it with
    ServiceUnavailable; the pool is invalidated, so the next request connects afresh."""
    engine = create_engine(postgres_database, pool_size=2, pool_timeout=5)

    def new_uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(async_sessionmaker(engine), LoggingEventPublisher())

    try:
        async with new_uow() as uow:
            await uow.users.get(make_user().id)  # a pooled connection now exists
        async with engine.connect() as killer:
            await killer.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
        try:
            async with new_uow() as uow:
                await uow.users.get(make_user().id)
        except ServiceUnavailable:
            pass  # the request that met the dead connection
        async with new_uow() as uow:
            assert await uow.users.get(make_user().id) is None
    finally:
        await engine.dispose()
