"""``folio serve`` refuses, in one line, a database URL it cannot use and a database that is not
at the latest revision; it starts (with a warning) on one that is down for now."""

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from adapters.sqlalchemy.migrate import upgrade
from entrypoints.cli import serve
from tests.cli.conftest import Folio
from tests.servers import postgres_url


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(serve.uvicorn, "run", lambda app, **options: calls.append(options))
    return calls


async def _admin(url: str, statement: str) -> None:
    parsed = make_url(url).set(drivername="postgresql")
    connection = await asyncpg.connect(parsed.render_as_string(hide_password=False))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture
def fresh_postgres() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    server = postgres_url()
    name = f"folio_serve_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        pytest.param("postgresql://folio@127.0.0.1/folio", "has no driver", id="missing-driver"),
        pytest.param("postgresql+pg8000://folio@127.0.0.1/f", "driver 'pg8000'", id="unknown"),
        pytest.param("oracle+oracledb://folio@127.0.0.1/f", "unsupported database", id="oracle"),
    ],
)
def test_a_url_without_its_async_driver_is_one_line(
    folio: Folio, runs: list[dict[str, Any]], url: str, complaint: str
) -> None:
    folio.setenv(FOLIO_DATABASE_URL=url)

    result = folio("serve")

    assert result.exit_code == 1
    assert complaint in result.stderr
    assert "postgresql+asyncpg://" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert runs == []


@pytest.mark.postgres
def test_refuses_an_unmigrated_database_naming_folio_db_upgrade(
    folio: Folio, runs: list[dict[str, Any]], fresh_postgres: str
) -> None:
    folio.setenv(FOLIO_DATABASE_URL=fresh_postgres)

    result = folio("serve")

    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "is not migrated; run `folio db upgrade` first" in lines[0]
    assert runs == []


@pytest.mark.postgres
def test_serves_a_database_at_the_latest_revision(
    folio: Folio, runs: list[dict[str, Any]], fresh_postgres: str
) -> None:
    upgrade(fresh_postgres)
    folio.setenv(FOLIO_DATABASE_URL=fresh_postgres)

    result = folio("serve")

    assert result.exit_code == 0, result.output
    assert len(runs) == 1


def test_starts_with_a_warning_when_the_database_is_down(
    folio: Folio, runs: list[dict[str, Any]]
) -> None:
    folio.setenv(FOLIO_DATABASE_URL="postgresql+asyncpg://folio@127.0.0.1:9/folio")

    result = folio("serve")

    assert result.exit_code == 0, result.output
    assert "cannot be reached yet; /readyz reports when it can" in result.stderr
    assert len(runs) == 1
