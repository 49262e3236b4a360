"""The engine's connection pool reports its size, connections in use and waiting requests."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import Pool, QueuePool

from adapters.metrics import DB_POOL_IN_USE, DB_POOL_SIZE, DB_POOL_WAITING


def instrument_pool(engine: AsyncEngine) -> AsyncEngine:
    """Count ``engine``'s pool in the DB_POOL_* gauges; returns the engine."""
    pool = engine.sync_engine.pool
    if not isinstance(pool, QueuePool):  # SQLite in memory: one shared connection
        return engine
    DB_POOL_SIZE.set(pool.size())
    _count_waiting(pool)

    def checked_out(*_: Any) -> None:
        DB_POOL_IN_USE.inc()

    def checked_in(*_: Any) -> None:
        DB_POOL_IN_USE.dec()

    # Every checkout is followed by one checkin, a discarded connection's included.
    event.listen(pool, "checkout", checked_out)
    event.listen(pool, "checkin", checked_in)
    return engine


def _count_waiting(pool: Pool) -> None:
    """Every checkout goes through the pool's ``_do_get``, which waits for a free connection
    (or opens one): the calls inside it are the waiting requests."""
    get: Callable[[], Any] = pool._do_get

    def counted_get() -> Any:
        DB_POOL_WAITING.inc()
        try:
            return get()
        finally:
            DB_POOL_WAITING.dec()

    pool._do_get = counted_get  # type: ignore[method-assign]
