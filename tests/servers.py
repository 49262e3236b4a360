"""Which database servers the suites may use, and how a missing one is reported.

On a developer's machine a suite whose server is not configured is skipped with the reason in
pytest's summary; in CI (FOLIO_TEST_REQUIRE_SERVERS=1) a missing server fails the run instead.

Under pytest-xdist every worker gets servers of its own, so no worker empties or reads
another's data: PostgreSQL database ``<database>_<worker>`` (created on first use) and Redis
database ``<number> + <worker's index>``."""

import asyncio
import os
import threading
from typing import NoReturn

import asyncpg
import pytest
from sqlalchemy.engine import URL, make_url

POSTGRES_ENV = "FOLIO_TEST_POSTGRES_URL"
REDIS_ENV = "FOLIO_TEST_REDIS_URL"
REDIS_DATABASES = 16  # Redis' default `databases`

_created: set[str] = set()


def postgres_url() -> str:
    url = _server_url(POSTGRES_ENV, "PostgreSQL")
    worker = _xdist_worker()
    if worker is None:
        return url
    parsed = make_url(url)
    own = parsed.set(database=f"{parsed.database}_{worker}").render_as_string(hide_password=False)
    if own not in _created:
        _create_database(parsed, f"{parsed.database}_{worker}")
        _created.add(own)
    return own


def redis_url() -> str:
    """FOLIO_TEST_REDIS_URL (a database the tests may flush), or skip (in CI: fail)."""
    url = _server_url(REDIS_ENV, "Redis")
    worker = _xdist_worker()
    if worker is None:
        return url
    base, _, number = url.rstrip("/").rpartition("/")
    if not number.isdigit():
        base, number = url.rstrip("/"), "0"
    return f"{base}/{(int(number) + int(worker.removeprefix('gw'))) % REDIS_DATABASES}"


def _xdist_worker() -> str | None:
    """``gw0``, ``gw1``... under pytest-xdist, else None."""
    return os.environ.get("PYTEST_XDIST_WORKER")


def _create_database(url: URL, name: str) -> None:
    """CREATE DATABASE ``name`` on ``url``'s server unless it exists. Runs in a thread of its
    own, so it works whether or not the caller is inside an event loop."""
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)

    async def create() -> None:
        connection = await asyncpg.connect(dsn)
        try:
            exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
            if not exists:
                await connection.execute(f'CREATE DATABASE "{name}"')
        finally:
            await connection.close()

    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(create())
        except BaseException as error:  # re-raised in the caller's thread
            failure.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def _server_url(variable: str, server: str) -> str:
    url = os.environ.get(variable)
    if url:
        return url
    missing(f"{server} suite skipped: {variable} is not set (CI sets it; see README)")


def missing(reason: str) -> NoReturn:
    """Skip the test with ``reason`` on a developer's machine; fail it in CI, where every
    server and tool a suite needs must be present (FOLIO_TEST_REQUIRE_SERVERS=1)."""
    if os.environ.get("FOLIO_TEST_REQUIRE_SERVERS") == "1":
        pytest.fail(reason.replace("skipped", "required"))
    pytest.skip(reason)
