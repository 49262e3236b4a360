"""View statements outside transactions, run on the driver's own connection (ADR 021, ADR
023): the same statements, compiled by SQLAlchemy once per shape, sent by the driver
connection of a connection checked out of the engine's own pool, in one round trip. What it
saves is SQLAlchemy's execution machinery per view: the Connection, the greenlet hop per
statement, the execution context, the cursor and the result's row objects, and on aiosqlite
four of the five hand-offs to its thread. Each driver (asyncpg_reads.py, aiosqlite_reads.py)
says how its statements are compiled and sent, and what its errors mean.

An engine that something watches (a ``before_cursor_execute`` or ``after_cursor_execute``
listener: SQL tracing, statement logs, the statement-count tests) is not bypassed: its views
run through SQLAlchemy Core, where those events fire."""

import asyncio
from collections.abc import Callable, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, Select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.util import greenlet_spawn

from adapters.sqlalchemy.errors import LOST_MESSAGE, UNAVAILABLE_MESSAGE, translate
from adapters.sqlalchemy.read_model.aiosqlite_reads import AiosqliteDriver
from adapters.sqlalchemy.read_model.asyncpg_reads import AsyncpgDriver
from adapters.sqlalchemy.read_model.driver_statements import Compiled, Driver
from application.errors import ServiceUnavailable

_DRIVERS: dict[str, Callable[[], Driver]] = {"asyncpg": AsyncpgDriver, "aiosqlite": AiosqliteDriver}


_BY_ENGINE: WeakKeyDictionary[Engine, "DriverReads"] = WeakKeyDictionary()


def driver_reads_for(engine: AsyncEngine) -> "DriverReads | None":
    """The driver reads of ``engine`` (one per engine, so statements compile once), or None
    when its driver is neither asyncpg nor aiosqlite."""
    found = _BY_ENGINE.get(engine.sync_engine)
    if found is None:
        driver = _DRIVERS.get(engine.dialect.driver)
        if driver is None:
            return None
        found = _BY_ENGINE[engine.sync_engine] = DriverReads(engine.sync_engine, driver())
    return found


class DriverReads:
    """Rows of prebuilt view statements, on a connection checked out of ``engine``'s pool for
    the one statement and given back after it; the statement runs outside any transaction
    (asyncpg in autocommit, sqlite3 begins none for a read)."""

    def __init__(self, engine: Engine, driver: Driver) -> None:
        self._engine = engine
        self._driver = driver
        self._compiled: dict[Select[Any], Compiled | None] = {}

    @property
    def watched(self) -> bool:
        """Whether statement events have listeners (then Core must run the statements)."""
        dispatch = self._engine.dispatch
        return bool(dispatch.before_cursor_execute or dispatch.after_cursor_execute)

    def runs(self, statement: Select[Any]) -> bool:
        """Whether ``statement`` can run here: checked once per statement, once the dialect
        knows the server (after the engine's first connection; until then, none can)."""
        if statement not in self._compiled:
            if self._engine.dialect.server_version_info is None:
                return False
            self._compiled[statement] = self._driver.compile(statement, self._engine.dialect)
        return self._compiled[statement] is not None

    async def rows(self, statement: Select[Any], values: dict[str, Any]) -> Sequence[Any]:
        """The rows ``statement`` gives with ``values``, read by column name as
        ``RowMapping``s are. Errors as translated_errors raises them: ServiceUnavailable
        when no connection frees up in time or the database is out of reach (a lost
        connection is discarded), StorageError when the database refuses the statement."""
        compiled = self._compiled.get(statement)
        if compiled is None:
            raise ValueError("a statement runs() did not accept")
        pooled = await self._checkout()
        connection: Any = pooled.driver_connection
        clean = False
        try:
            found = await self._driver.fetch(connection, compiled, compiled.arguments(values))
            clean = self._driver.reads_leave_no_transaction
        except asyncio.CancelledError as error:  # the statement may still be running on it
            await greenlet_spawn(pooled.invalidate, error)
            raise
        except Exception as error:
            mapped = self._driver.failure(error, connection)
            if mapped is not None:
                raise mapped from error
            await greenlet_spawn(self._forget, pooled, error)
            raise ServiceUnavailable(LOST_MESSAGE) from error
        finally:
            await greenlet_spawn(pooled._close_special, clean)
        return found if compiled.rows is None else compiled.rows(found)

    async def _checkout(self) -> PoolProxiedConnection:
        try:
            return await greenlet_spawn(self._engine.pool.connect)
        except SQLAlchemyError as error:  # no pooled connection freed up in time
            raise translate(error) from error
        except Exception as error:  # the driver's, unwrapped: no connection could be made
            raise ServiceUnavailable(UNAVAILABLE_MESSAGE) from error

    def _forget(self, pooled: PoolProxiedConnection, error: Exception) -> None:
        if self._driver.lost_connections_share_a_fate:
            # As SQLAlchemy does on a disconnect: every connection made before this one
            # failed is replaced at its next checkout (the server may have dropped them all).
            self._engine.pool._invalidate(pooled, error)
        else:
            pooled.invalidate(error)
