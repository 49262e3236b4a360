"""The backends the contract suite runs on, and how each is opened for one test."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from adapters.events import LoggingEventPublisher
from adapters.memory.outbox import MemoryOutbox
from adapters.memory.store import MemoryStore
from adapters.memory.unit_of_work import MemoryUnitOfWork
from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.outbox import SqlAlchemyOutbox
from adapters.sqlalchemy.tables import metadata
from adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from application.ports.outbox import Outbox
from application.ports.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Database:
    """Where a backend's data lives, prepared (migrated) before the test's event loop runs."""

    name: str
    url: str | None = None


@dataclass(frozen=True)
class UowFactory:
    """Makes a fresh unit of work on one backend; calling it is all most tests need.
    Every unit of work it makes shares ``publisher`` and, for SQL backends, ``engine``;
    ``outbox`` reads and changes the outbox they write."""

    name: str
    make: Callable[[], UnitOfWork]
    publisher: LoggingEventPublisher
    outbox: Outbox
    engine: AsyncEngine | None = None

    def __call__(self) -> UnitOfWork:
        return self.make()

    @property
    def sql_engine(self) -> AsyncEngine:
        assert self.engine is not None, f"{self.name} has no engine"
        return self.engine


@asynccontextmanager
async def open_backend(database: Database) -> AsyncIterator[UowFactory]:
    """A factory of units of work on ``database``, empty at the start."""
    publisher = LoggingEventPublisher()
    if database.url is None:
        memory = MemoryStore()
        yield UowFactory(
            database.name,
            lambda: MemoryUnitOfWork(memory, publisher),
            publisher,
            MemoryOutbox(memory),
        )
        return
    engine = create_engine(database.url, pool_size=5, pool_timeout=10)
    try:
        if database.name == "postgres":
            await truncate_all(engine)
        sessions = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
        yield UowFactory(
            database.name,
            lambda: SqlAlchemyUnitOfWork(sessions, publisher),
            publisher,
            SqlAlchemyOutbox(engine),
            engine,
        )
    finally:
        await engine.dispose()


async def truncate_all(engine: AsyncEngine) -> None:
    names = ", ".join(table.name for table in metadata.sorted_tables)
    async with engine.begin() as connection:
        # CASCADE: the search table (outside tables.py, see adapters/sqlalchemy/search) goes too.
        await connection.execute(text(f"TRUNCATE {names} CASCADE"))
