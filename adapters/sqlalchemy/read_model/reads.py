"""Where the read model's statements run: in the unit of work's transaction when it has one,
else on a connection of their own, outside any transaction."""

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, Select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from adapters.sqlalchemy.errors import translated_errors
from adapters.sqlalchemy.read_model.driver_reads import driver_reads_for

_OUTSIDE_TRANSACTIONS: WeakKeyDictionary[Engine, AsyncEngine] = WeakKeyDictionary()


def outside_transactions(engine: AsyncEngine) -> AsyncEngine:
    """``engine`` (the same pool) with its connections in autocommit on PostgreSQL, so a read
    sends no BEGIN and no ROLLBACK; SQLite's driver starts no transaction for a read anyway."""
    found = _OUTSIDE_TRANSACTIONS.get(engine.sync_engine)
    if found is None:
        found = engine
        if engine.dialect.name == "postgresql":
            found = engine.execution_options(isolation_level="AUTOCOMMIT")
        _OUTSIDE_TRANSACTIONS[engine.sync_engine] = found
    return found


class Reads:
    """Connections for the read model's Core statements (views are rows, never tracked
    entities, so no ORM execution machinery); ``dialect`` names the database.

    While the unit of work's session is in a transaction, its connection: a view read in a
    write sees what that transaction did and the request holds one connection. Otherwise a
    connection checked out for the one call (a view, or a page's two statements) and given
    back at its end, in autocommit on PostgreSQL: each statement sees what was committed
    before it, as at READ COMMITTED, without a BEGIN and a ROLLBACK around it; nothing is
    checked out unless a view is read."""

    def __init__(self, engine: AsyncEngine, session: Callable[[], AsyncSession | None]) -> None:
        self._engine = outside_transactions(engine)
        self._session = session
        self._driver = driver_reads_for(engine)
        self.dialect = engine.dialect.name

    async def rows(self, statement: Select[Any], values: dict[str, Any]) -> Sequence[Any]:
        """The rows of ``statement``, a prebuilt view statement, each read by column name; on
        the connection ``connection`` would give, or outside a transaction on the driver's
        own connection (asyncpg's or aiosqlite's, driver_reads.py). Database errors are
        translated."""
        session = self._session()
        in_transaction = session is not None and session.in_transaction()
        driver = self._driver
        direct = driver is not None and not in_transaction and not driver.watched
        if direct and driver is not None and driver.runs(statement):
            return await driver.rows(statement, values)
        with translated_errors():
            async with self.connection() as connection:
                rows: Sequence[Any] = (await connection.execute(statement, values)).mappings().all()
        return rows

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection]:
        session = self._session()
        if session is not None and session.in_transaction():
            yield await session.connection()
            return
        async with self._engine.connect() as connection:
            yield connection
