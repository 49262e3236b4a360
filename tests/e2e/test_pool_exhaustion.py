"""When every pooled connection stays busy past FOLIO_DB_POOL_TIMEOUT, a request is refused
with a 503 problem and Retry-After, not a 500, and the service recovers once one frees up."""

from pathlib import Path

import pytest

from adapters.sqlalchemy.migrate import upgrade
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PROBLEM


@pytest.fixture
def url(tmp_path: Path) -> str:
    migrated = f"sqlite+aiosqlite:///{tmp_path / 'folio.db'}"
    upgrade(migrated)  # outside the test's event loop: migrations run their own
    return migrated


async def test_an_exhausted_pool_answers_503_then_recovers(url: str) -> None:
    container = make_container(storage="sql", database_url=url, db_pool_size=1, db_pool_timeout=0.2)
    async with serve(create_app(container)) as client:
        async with container.engine().connect():  # the only connection, held
            busy = await client.get("/posts")
        recovered = await client.get("/posts")

    assert busy.status_code == 503
    assert busy.headers["content-type"] == PROBLEM
    assert busy.headers["retry-after"] == "1"
    assert busy.json()["status"] == 503
    assert "SELECT" not in busy.text
    assert recovered.status_code == 200
