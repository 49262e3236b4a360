"""Two Folio instances (two `folio serve` processes) on one database and one Redis: a client
connected to one receives the events of posts published through the other."""

import asyncio
import socket
from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from websockets.asyncio.client import ClientConnection

from tests.cli.conftest import FAST_ARGON2
from tests.databases import empty_sqlite
from tests.e2e.helpers import post_body
from tests.e2e.live import (
    Server,
    authenticated,
    bearer,
    close_code,
    folio_process,
    next_message,
    sign_up,
    wait_until_up,
)
from tests.servers import redis_url
from tests.settings import TEST_SECRET

POLICY_VIOLATION = 1008


async def stays_open(websocket: ClientConnection) -> bool:
    """No close (nor anything else) arrives for a moment after authenticating."""
    try:
        async with asyncio.timeout(0.5):
            await websocket.recv()
    except TimeoutError:
        return True
    return False


async def admitted_within(ws_url: str, token: str, *, seconds: float) -> bool:
    """A new connection stays open before the deadline: a closed seat is given back as soon as
    its instance notices the close, which takes a moment on a loaded machine."""
    deadline = asyncio.get_running_loop().time() + seconds
    while asyncio.get_running_loop().time() < deadline:
        async with authenticated(ws_url, token) as attempt:
            if await stays_open(attempt):
                return True
        await asyncio.sleep(0.1)
    return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def two_instances(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server]]:
    tmp_path = tmp_path_factory.mktemp("two-instances")
    env = {
        "FOLIO_STORAGE": "sql",
        "FOLIO_DATABASE_URL": empty_sqlite(tmp_path),
        "FOLIO_WS_MAX_CONNECTIONS_PER_USER": "2",
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


async def test_the_per_user_cap_counts_the_connections_on_every_instance(
    two_instances: tuple[Server, Server],
):
    a, b = two_instances
    async with httpx.AsyncClient(base_url=a.http) as through_a:
        _, token = await sign_up(through_a, "Busy")
        async with authenticated(a.ws, token) as first, authenticated(b.ws, token):
            await asyncio.sleep(0.5)  # both counted
            async with authenticated(a.ws, token) as third_on_a:
                assert await close_code(third_on_a) == POLICY_VIOLATION
            async with authenticated(b.ws, token) as third_on_b:
                assert await close_code(third_on_b) == POLICY_VIOLATION
            await first.close()
            assert await admitted_within(b.ws, token, seconds=5)  # its seat is given back
