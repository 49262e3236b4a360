"""/healthz says the process is alive; /readyz whether its database and Redis are usable."""

import socket
import time
from pathlib import Path

import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import assert_problem, user_body
from tests.e2e.live import refused_handshake, serving
from tests.servers import redis_url


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_healthz_answers_without_touching_the_database(client: AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_readyz_is_ready_on_a_migrated_database(client: AsyncClient) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 200, response.text
    assert set(response.json()["checks"].values()) <= {"ok"}


async def test_head_works_on_the_health_checks(client: AsyncClient) -> None:
    for path in ("/healthz", "/readyz"):
        response = await client.head(path)
        assert response.status_code == 200
        assert response.content == b""


async def test_readyz_names_folio_db_upgrade_on_an_unmigrated_database(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    async with serve(create_app(make_container(storage="sql", database_url=url))) as client:
        response = await client.get("/readyz")
        assert (await client.get("/healthz")).status_code == 200

    problem = assert_problem(response, 503)
    assert problem["type"] == "urn:folio:problem:not-ready"
    assert "database: the database is not migrated; run `folio db upgrade`" in problem["detail"]
    assert response.headers["retry-after"].isdigit()


async def test_readyz_says_the_database_is_unreachable_within_the_timeout() -> None:
    url = f"postgresql+asyncpg://folio@127.0.0.1:{closed_port()}/folio"
    container = make_container(storage="sql", database_url=url, db_connect_timeout=1)
    async with serve(create_app(container)) as client:
        response = await client.get("/readyz")
        write = await client.post("/users", json=user_body())
        read = await client.get("/posts")

    problem = assert_problem(response, 503)
    assert problem["detail"].startswith("database: unreachable")
    for refused in (write, read):
        assert assert_problem(refused, 503)["type"] == "urn:folio:problem:service-unavailable"
        assert refused.headers["retry-after"].isdigit()


async def test_readyz_checks_redis_when_it_is_configured() -> None:
    container = make_container(redis_url=redis_url())
    async with serve(create_app(container)) as client:
        response = await client.get("/readyz")

    assert response.status_code == 200, response.text
    assert response.json()["checks"] == {"redis": "ok"}


async def test_readyz_says_redis_is_unreachable_and_requests_get_a_503() -> None:
    container = make_container(redis_url=f"redis://127.0.0.1:{closed_port()}/0")
    async with serve(create_app(container)) as client:
        response = await client.get("/readyz")
        read = await client.get("/posts")

    problem = assert_problem(response, 503)
    assert problem["detail"] == "redis: unreachable (ConnectionError)"
    assert response.headers["retry-after"].isdigit()
    refused = assert_problem(read, 503)  # its rate limit cannot be counted: not unlimited
    assert refused["type"] == "urn:folio:problem:service-unavailable"
    assert read.headers["retry-after"].isdigit()


async def test_websocket_handshakes_are_refused_with_503_while_redis_is_unreachable() -> None:
    """The rate limit of a connect cannot be counted either: the upgrade is refused with the
    same problem a request gets, and the liveness probe still answers."""
    container = make_container(redis_url=f"redis://127.0.0.1:{closed_port()}/0")
    async with serving(container) as server, AsyncClient(base_url=server.http) as client:
        refused = await refused_handshake(server.ws)
        alive = await client.get("/healthz")

    problem = assert_problem(refused, 503)
    assert problem["detail"].startswith("the rate limits cannot be checked")
    assert refused.headers["retry-after"].isdigit()
    assert alive.status_code == 200


async def test_readyz_gives_up_on_a_redis_that_never_answers_within_the_timeout() -> None:
    with socket.socket() as silent:  # accepts connections (the backlog does), answers nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        container = make_container(redis_url=f"redis://127.0.0.1:{port}/0", redis_timeout=0.5)
        async with serve(create_app(container)) as client:
            started = time.monotonic()
            response = await client.get("/readyz")
            elapsed = time.monotonic() - started

    assert assert_problem(response, 503)["detail"] == "redis: unreachable (TimeoutError)"
    assert elapsed < 5  # a few timeouts of 0.5 s at most, not a hang


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
async def test_health_checks_are_documented(client: AsyncClient, path: str) -> None:
    document = (await client.get("/openapi.json")).json()

    assert "get" in document["paths"][path]
