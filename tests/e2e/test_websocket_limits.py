"""GET /ws under pressure, through a real uvicorn server and real clients: the per-user cap,
a slow client that must not stall a fast one, idle pings, and shutdown."""

import asyncio
import json
import os
import signal
import socket
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
from websockets.asyncio.client import ClientConnection

from application.ports.live_events import LiveMessage
from tests.cli.conftest import FAST_ARGON2
from tests.e2e.conftest import make_container
from tests.e2e.live import (
    authenticated,
    close_code,
    folio_process,
    running,
    sign_up,
    wait_until_up,
)
from tests.settings import TEST_SECRET

POLICY_VIOLATION, GOING_AWAY, TRY_AGAIN_LATER = 1008, 1001, 1013


async def test_connections_per_user_are_capped():
    container = make_container(storage="memory", ws_max_connections_per_user=2)
    async with running(container) as (server, http):
        _, ada = await sign_up(http, "Ada")
        _, bob = await sign_up(http, "Bob")
        async with authenticated(server.ws, ada) as first, authenticated(server.ws, ada):
            async with authenticated(server.ws, ada) as third:
                assert await close_code(third) == POLICY_VIOLATION
            async with authenticated(server.ws, bob) as bobs:
                await assert_open(bobs)
            await first.close()
            async with authenticated(server.ws, ada) as again:
                await assert_open(again)


async def assert_open(websocket: ClientConnection) -> None:
    """Still open a moment after authenticating (the server closes refused ones at once)."""
    try:
        async with asyncio.timeout(0.5):
            await websocket.recv()
    except TimeoutError:
        return
    raise AssertionError("the server sent something to a client expecting silence")


def message(number: int, padding: str) -> LiveMessage:
    payload = {"n": number, "sent": time.monotonic(), "padding": padding}
    return LiveMessage(uuid.uuid4(), "test", datetime.now(UTC), payload)


async def test_a_slow_client_does_not_delay_a_fast_one_and_is_closed_with_1013():
    padding = os.urandom(16_384).hex()  # 32 KiB a message, incompressible
    container = make_container(storage="memory", ws_queue_size=16)
    async with running(container) as (server, http):
        _, fast_token = await sign_up(http, "Fast")
        _, slow_token = await sign_up(http, "Slow")
        unlimited = {"compression": None, "max_size": None}
        # The slow client reads nothing until the end: its socket buffers fill, then its queue.
        async with (
            authenticated(server.ws, fast_token, **unlimited) as fast,
            authenticated(
                server.ws, slow_token, compression=None, max_size=None, max_queue=1
            ) as slow,
        ):
            await asyncio.sleep(0.2)  # both authenticated
            fan_out = container.live.broker().fan_out
            assert len(fan_out) == 2
            delays: list[float] = []

            async def read_fast() -> None:
                while (received := json.loads(await fast.recv()))["type"] != "done":
                    delays.append(time.monotonic() - received["payload"]["sent"])

            reader = asyncio.create_task(read_fast())
            sent = 0
            while len(fan_out) == 2 and sent < 2000:  # until the slow one is dropped
                await container.live.broker().publish(message(sent, padding))
                sent += 1
                await asyncio.sleep(0.002)
            await container.live.broker().publish(
                LiveMessage(uuid.uuid4(), "done", datetime.now(UTC))
            )
            async with asyncio.timeout(20):
                await reader

            assert len(fan_out) == 1, f"the slow client kept up with {sent} messages"
            assert len(delays) == sent
            assert max(delays) < 1.0, f"the fast client waited up to {max(delays):.3f} s"
            assert await close_code(slow, within=10) == TRY_AGAIN_LATER


async def test_an_idle_connection_is_pinged():
    container = make_container(storage="memory", ws_ping_interval=0.2)
    async with running(container) as (server, http):
        _, token = await sign_up(http)
        async with authenticated(server.ws, token) as websocket, asyncio.timeout(3):
            ping = json.loads(await websocket.recv())

    assert ping["type"] == "ping"
    assert set(ping) == {"id", "type", "time", "payload"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_shutdown_closes_every_websocket_with_1001(tmp_path: Path):
    port = free_port()
    env = {"FOLIO_STORAGE": "memory", "FOLIO_JWT_SECRET": TEST_SECRET, **FAST_ARGON2}
    with folio_process(tmp_path, port, **env) as process:
        url = f"http://127.0.0.1:{port}"
        await asyncio.to_thread(wait_until_up, url, process)
        async with httpx.AsyncClient(base_url=url) as http:
            _, token = await sign_up(http)
        async with authenticated(f"ws://127.0.0.1:{port}/ws", token) as websocket:
            await asyncio.sleep(0.2)
            process.send_signal(signal.SIGTERM)

            assert await close_code(websocket) == GOING_AWAY
        # uvicorn shuts down, then re-raises the signal it caught
        assert await asyncio.to_thread(process.wait, 15) in (0, -signal.SIGTERM)
