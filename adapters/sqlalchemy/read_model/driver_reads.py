"""PostgreSQL's view statements outside transactions, run on the asyncpg connection itself
(ADR 021): the same statements, compiled by SQLAlchemy once per shape, sent as asyncpg
prepared statements on a connection of the engine's own pool, their records read as they
come (the views' columns have no result processing on asyncpg). What it saves is
SQLAlchemy's execution machinery per view: the Connection and its autocommit switch, the
greenlet hop per statement, the execution context and the result's row objects.

An engine that something watches (a ``before_cursor_execute`` or ``after_cursor_execute``
listener: SQL tracing, statement logs, the statement-count tests) is not bypassed: its views
run through SQLAlchemy Core, where those events fire."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import Engine, Select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.util import greenlet_spawn

from adapters.sqlalchemy.errors import UNAVAILABLE_MESSAGE, StorageError, is_unavailable, translate
from application.errors import ServiceUnavailable

LOST_MESSAGE = "the database connection was lost; try again"


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A statement as asyncpg takes it: its SQL ($n placeholders) and, in placeholder order,
    each parameter's name, its default and its bind processing (None: the value as it is)."""

    sql: str
    parameters: tuple[tuple[str, Any, Any], ...]

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        found = []
        for name, default, process in self.parameters:
            value = values.get(name, default)
            found.append(value if process is None else process(value))
        return found


def _compiled(statement: Select[Any], engine: Engine) -> _Compiled | None:
    """``statement`` compiled for ``engine``, or None when its rows would need SQLAlchemy's
    result processing (asyncpg's values would not be the ones SQLAlchemy hands back)."""
    compiled = statement.compile(dialect=engine.dialect)
    if not isinstance(compiled, SQLCompiler) or compiled.positiontup is None:
        return None
    for column in compiled._result_columns:
        if column.type.result_processor(engine.dialect, None) is not None:
            return None
    processors = compiled._bind_processors
    parameters = tuple(
        (name, compiled.binds[name].value, processors.get(name)) for name in compiled.positiontup
    )
    return _Compiled(compiled.string, parameters)


_BY_ENGINE: WeakKeyDictionary[Engine, "DriverReads"] = WeakKeyDictionary()


def driver_reads_for(engine: AsyncEngine) -> "DriverReads | None":
    """The driver reads of ``engine`` (one per engine, so statements compile once), or None
    when its driver is not asyncpg."""
    if engine.dialect.driver != "asyncpg":
        return None
    found = _BY_ENGINE.get(engine.sync_engine)
    if found is None:
        found = _BY_ENGINE[engine.sync_engine] = DriverReads(engine.sync_engine)
    return found


class DriverReads:
    """Rows of prebuilt view statements, on a connection checked out of ``engine``'s pool for
    the one statement and given back after it. asyncpg runs a statement outside a
    transaction in autocommit, as the Core reads' AUTOCOMMIT connections do."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._compiled: dict[Select[Any], _Compiled | None] = {}

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
            self._compiled[statement] = _compiled(statement, self._engine)
        return self._compiled[statement] is not None

    async def rows(self, statement: Select[Any], values: dict[str, Any]) -> Sequence[Any]:
        """The records ``statement`` gives with ``values`` (read by column name, as
        ``RowMapping``s are). Errors as translated_errors raises them: ServiceUnavailable
        when no connection frees up in time or the database is out of reach (a lost
        connection is discarded), StorageError when the database refuses the statement."""
        compiled = self._compiled.get(statement)
        if compiled is None:
            raise ValueError("a statement runs() did not accept")
        try:
            pooled = await greenlet_spawn(self._engine.pool.connect)
        except SQLAlchemyError as error:  # no pooled connection freed up in time
            raise translate(error) from error
        except Exception as error:  # the driver's, unwrapped: no connection could be made
            raise ServiceUnavailable(UNAVAILABLE_MESSAGE) from error
        driver: Any = pooled.driver_connection
        try:
            records: Sequence[Any] = await driver.fetch(compiled.sql, *compiled.arguments(values))
            return records
        except asyncio.CancelledError as error:  # the statement may still be running on it
            await greenlet_spawn(pooled.invalidate, error)
            raise
        except Exception as error:
            answered = isinstance(error, asyncpg.PostgresError)
            if answered and not driver.is_closed():
                if is_unavailable(error):  # cancelled by its timeout, too many clients...
                    raise ServiceUnavailable(UNAVAILABLE_MESSAGE) from error
                raise StorageError(f"the database failed ({type(error).__name__})") from error
            # The connection is lost. As SQLAlchemy does on a disconnect, every connection
            # made before this one failed is replaced at its next checkout (the server may
            # have dropped them all).
            await greenlet_spawn(self._engine.pool._invalidate, pooled, error)
            raise ServiceUnavailable(LOST_MESSAGE) from error
        finally:
            await greenlet_spawn(pooled.close)
