"""Throwaway databases for a run: a SQLite file in the run's directory, and a database of its own
(``folio_bench_<random>``) on a running PostgreSQL server, dropped on the way out."""

import asyncio
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from bench.clock import CLOCK

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def postgres_server() -> str:
    """The server to make databases on: FOLIO_BENCH_POSTGRES_URL, else the server of
    FOLIO_TEST_POSTGRES_URL, else a local one; as a plain ``postgresql://`` URL."""
    given = os.environ.get("FOLIO_BENCH_POSTGRES_URL") or os.environ.get("FOLIO_TEST_POSTGRES_URL")
    if not given:
        return DEFAULT_POSTGRES
    url = make_url(given).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


async def _connect_and(server: str, statement: str) -> None:
    connection = await asyncpg.connect(server, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def _admin(server: str, statement: str) -> None:
    with CLOCK.phase("create/drop database"):
        asyncio.run(_connect_and(server, statement))


def postgres_unavailable(server: str) -> str | None:
    """Why no database can be made on ``server``, or None when one can."""
    try:
        _admin(server, "SELECT 1")
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"
    return None


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A new empty database on ``server``; yields its SQLAlchemy (asyncpg) URL; always dropped."""
    name = f"folio_bench_{secrets.token_hex(4)}"
    _admin(server, f'CREATE DATABASE "{name}"')
    try:
        url = make_url(server).set(drivername="postgresql+asyncpg", database=name)
        yield url.render_as_string(hide_password=False)
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def sqlite_database(directory: Path) -> Iterator[str]:
    """A SQLite file in ``directory`` (which the caller removes); yields its URL."""
    yield f"sqlite+aiosqlite:///{directory / 'folio-bench.db'}"
