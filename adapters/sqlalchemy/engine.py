"""Engines: made on demand (nothing connects at import time) and disposed by their owner."""

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_SECONDS = 15.0
DEFAULT_POOL_SIZE = 10
DEFAULT_POOL_TIMEOUT = 10.0
POOL_RECYCLE_SECONDS = 1800  # below common idle-connection cut-offs of proxies and servers
DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_STATEMENT_TIMEOUT = 15.0


def create_engine(
    url: str,
    pool_size: int = DEFAULT_POOL_SIZE,
    pool_timeout: float = DEFAULT_POOL_TIMEOUT,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    statement_timeout: float = DEFAULT_STATEMENT_TIMEOUT,
) -> AsyncEngine:
    """An async engine for ``url`` (``sqlite+aiosqlite`` or ``postgresql+asyncpg``).

    At most ``pool_size`` connections are open (no overflow: the setting is the cap an operator
    budgets database connections by), and a checkout waits at most ``pool_timeout`` seconds.
    No pre-ping round trip per checkout: connections are replaced after POOL_RECYCLE_SECONDS,
    and a connection found dead invalidates the pool, so the request that met it fails with
    ServiceUnavailable (503, Retry-After) and the next ones get fresh connections.
    SQLite connections run in WAL mode with foreign keys on, and wait up to
    SQLITE_BUSY_TIMEOUT_SECONDS for the write lock. On PostgreSQL a connection attempt gives up
    after ``connect_timeout`` seconds and a statement after ``statement_timeout`` (the server
    cancels it, and the client stops waiting for a server that no longer answers), so a down or
    hung database fails a request within a bound instead of holding it. Bound parameters
    (e-mails, password hashes) never appear in its errors or logs (``hide_parameters``). The
    caller disposes of the engine.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, pool_size, pool_timeout)
    return create_async_engine(
        parsed,
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=pool_timeout,
        pool_recycle=POOL_RECYCLE_SECONDS,
        connect_args=_postgres_timeouts(connect_timeout, statement_timeout),
        hide_parameters=True,
    )


def _postgres_timeouts(connect_timeout: float, statement_timeout: float) -> dict[str, Any]:
    return {
        "timeout": connect_timeout,
        # The client-side bound leaves the server a second to report its own cancellation.
        "command_timeout": statement_timeout + 1,
        "server_settings": {"statement_timeout": str(int(statement_timeout * 1000))},
    }


def _sqlite_engine(url: URL, pool_size: int, pool_timeout: float) -> AsyncEngine:
    # The driver's default transaction handling is kept on purpose: it sends BEGIN just before
    # the first INSERT/UPDATE/DELETE, so reads run outside any transaction and a writer that
    # finds the write lock taken waits for it (busy timeout) instead of failing with
    # "database is locked" while holding a stale read snapshot.
    pool_options: dict[str, Any] = {}
    if _is_file_database(url):  # in-memory databases get a single shared connection
        pool_options = {"pool_size": pool_size, "max_overflow": 0, "pool_timeout": pool_timeout}
    engine = create_async_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
        hide_parameters=True,
        **pool_options,
    )
    event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _is_file_database(url: URL) -> bool:
    return bool(url.database) and url.database != ":memory:" and url.query.get("mode") != "memory"
