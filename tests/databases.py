"""Migrated, empty SQL databases for the HTTP and CLI suites.

Migrations and truncation run their own event loop, so call these from synchronous fixtures
(pytest-asyncio runs those outside the test's loop)."""

import asyncio
import atexit
import shutil
import tempfile
from pathlib import Path

from adapters.sqlalchemy.engine import create_engine
from adapters.sqlalchemy.migrate import upgrade
from tests.integration.backends import truncate_all
from tests.servers import postgres_url

_migrated: set[str] = set()
_sqlite_template: list[Path] = []


def empty_sqlite(tmp_path: Path) -> str:
    """A copy of a database file migrated once per test process (running the migrations for
    every test cost half a second each)."""
    if not _sqlite_template:
        directory = tempfile.mkdtemp(prefix="folio-template-")
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        template = Path(directory) / "folio.db"
        upgrade(f"sqlite+aiosqlite:///{template}")
        _sqlite_template.append(template)
    database = tmp_path / "folio.db"
    shutil.copyfile(_sqlite_template[0], database)
    return f"sqlite+aiosqlite:///{database}"


def empty_postgres() -> str:
    """FOLIO_TEST_POSTGRES_URL, migrated once per run and emptied on every call (skips, or in
    CI fails, when no server is configured)."""
    url = postgres_url()
    if url not in _migrated:
        upgrade(url)
        _migrated.add(url)
    asyncio.run(_truncate(url))
    return url


async def _truncate(url: str) -> None:
    engine = create_engine(url, pool_size=1, pool_timeout=10)
    try:
        await truncate_all(engine)
    finally:
        await engine.dispose()
