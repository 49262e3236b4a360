"""Two Folio instances (two `folio serve` processes) on one database and one Redis: a client
connected to one receives the events of posts published through the other."""

import asyncio
import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import FAST_ARGON2
from tests.databases import empty_sqlite
from tests.e2e.helpers import post_body
from tests.e2e.live import (
    Server,
    authenticated,
    bearer,
    folio_process,
    next_message,
    sign_up,
    wait_until_up,
)
from tests.servers import redis_url
from tests.settings import TEST_SECRET


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def two_instances(tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    env = {
        "FOLIO_STORAGE": "sql",
        "FOLIO_DATABASE_URL": empty_sqlite(tmp_path),
        "FOLIO_REDIS_URL": redis_url(),
        "FOLIO_JWT_SECRET": TEST_SECRET,
        **FAST_ARGON2,
    }
    ports = free_port(), free_port()
    with ExitStack() as stack:
        processes = [stack.enter_context(folio_process(tmp_path, port, **env)) for port in ports]
        servers = [Server(f"http://127.0.0.1:{port}") for port in ports]
        for server, process in zip(servers, processes, strict=True):
            wait_until_up(server.http, process)
        yield servers[0], servers[1]


async def test_a_client_on_one_instance_receives_a_post_published_through_the_other(
    two_instances: tuple[Server, Server],
):
    a, b = two_instances
    async with httpx.AsyncClient(base_url=b.http) as through_b:
        _, reader = await sign_up(through_b, "Reader")
        _, author = await sign_up(through_b, "Author")
        async with authenticated(a.ws, reader) as on_a, authenticated(b.ws, reader) as on_b:
            await asyncio.sleep(0.2)  # both authenticated
            response = await through_b.post("/posts", json=post_body(), headers=bearer(author))
            assert response.status_code == 201, response.text

            seen_on_a = await next_message(on_a)
            seen_on_b = await next_message(on_b)

    assert seen_on_a["type"] == "post_published"
    assert seen_on_a["payload"]["id"] == response.json()["id"]
    assert seen_on_a == seen_on_b
