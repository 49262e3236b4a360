"""Engines: SQLite's connection settings, in-memory URLs, and the Resource's lifecycle."""

import sqlite3
from pathlib import Path

from dependency_injector import providers
from sqlalchemy import text
from sqlalchemy.pool import QueuePool

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.migrate import upgrade
from entrypoints.container import Container, close
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
