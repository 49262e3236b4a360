"""Backends of the repository contract suite: the same tests run on each.

memory: a fresh MemoryStore. sqlite: a temp file per test (a copy of one migrated once). postgres:
FOLIO_TEST_POSTGRES_URL (its `test` database), migrated once per session and truncated before
each test. ``new_uow`` covers all three; ``new_sql_uow`` only the SQL ones, for tests about
statements, migrations and the driver.
"""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.sqlalchemy.migrate import upgrade
from domain.users.user import User
from tests.builders import make_user
from tests.databases import empty_sqlite
from tests.integration.backends import Database, UowFactory, open_backend
from tests.integration.helpers import store
from tests.servers import postgres_url

SQL_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]
BACKENDS = [pytest.param("memory", id="memory"), *SQL_BACKENDS]


@pytest.fixture(scope="session")
def migrated_postgres_url() -> str:
    url = postgres_url()  # skips (or, in CI, fails) when no server is configured
    upgrade(url)
    return url


def prepare(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    if name == "memory":
        return Database(name)
    if name == "sqlite":
        return Database(name, empty_sqlite(tmp_path))
    return Database(name, request.getfixturevalue("migrated_postgres_url"))


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return prepare(request.param, request, tmp_path)


@pytest.fixture(params=SQL_BACKENDS)
def sql_database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    return prepare(request.param, request, tmp_path)


@pytest.fixture
async def new_uow(database: Database) -> AsyncIterator[UowFactory]:
    """A zero-argument factory of fresh units of work, on each backend in turn."""
    async with open_backend(database) as factory:
        yield factory


@pytest.fixture
async def new_sql_uow(sql_database: Database) -> AsyncIterator[UowFactory]:
    """As ``new_uow``, on the SQL backends only."""
    async with open_backend(sql_database) as factory:
        yield factory


@pytest.fixture
async def author(new_uow: UowFactory) -> User:
    """A stored user, to write posts."""
    user = make_user()
    await store(new_uow, user)
    return user
