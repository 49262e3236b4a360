"""Real servers for the live-events suites: uvicorn on a free loopback port, in this test's
event loop (so the test can reach the container) or as a `folio serve` process."""

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.helpers import PASSWORD, register
from tests.servers import missing

STARTUP_SECONDS = 60
HANDSHAKE_SECONDS = 30
FOLIO = Path(sys.executable).with_name("folio")


@dataclass(frozen=True)
class Server:
    """A running Folio: its HTTP base URL and its WebSocket URL."""

    http: str

    @property
    def ws(self) -> str:
        return self.http.replace("http://", "ws://", 1) + "/ws"


@asynccontextmanager
async def serving(container: Container) -> AsyncIterator[Server]:
    """uvicorn serving ``container``'s app on 127.0.0.1 and a port the OS picks."""
    config = uvicorn.Config(
        create_app(container), host="127.0.0.1", port=0, log_config=None, lifespan="on"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(STARTUP_SECONDS):
        while not server.started:
            if task.done():
                task.result()
                raise RuntimeError("uvicorn stopped before it started")
            await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Server(f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        async with asyncio.timeout(15):
            await task


@contextmanager
def folio_process(cwd: Path, port: int, **env: str) -> Iterator[subprocess.Popen[str]]:
    """``folio serve`` on ``port`` with a clean FOLIO_* environment plus ``env``."""
    if not FOLIO.exists():
        missing(f"live suite skipped: no folio console script next to {sys.executable}")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    process = subprocess.Popen(  # noqa: S603 - our own console script
        [str(FOLIO), "serve", "--port", str(port)],
        cwd=cwd,
        env={**clean, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def wait_until_up(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            httpx.get(f"{url}/posts", timeout=2)
            return
        except httpx.TransportError:
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                exited = f"folio serve exited with {process.returncode}:\n{output}"
                raise RuntimeError(exited) from None
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


async def sign_up(http: httpx.AsyncClient, name: str = "Ada") -> tuple[dict[str, Any], str]:
    """Register a user over HTTP; their public profile and an access token."""
    user = await register(http, name=name)
    response = await http.post("/token", data={"username": user["email"], "password": PASSWORD})
    assert response.status_code == 200, response.text
    return user, str(response.json()["access_token"])


async def refused_handshake(url: str, **options: Any) -> httpx.Response:
    """The HTTP response that refused a WebSocket handshake to ``url`` (fails if it opened)."""
    try:
        async with open_websocket(url, **options):
            pass
    except InvalidStatus as refused:
        answer = refused.response
        headers = list(answer.headers.raw_items())
        return httpx.Response(answer.status_code, headers=headers, content=bytes(answer.body))
    raise AssertionError(f"the handshake to {url} was accepted")


def open_websocket(url: str, **options: Any) -> connect:
    """A WebSocket client of ``url``. Its opening handshake may take longer than websockets'
    10 s default on a machine busy with a parallel test run: these suites test what happens
    on a connection, not handshake latency."""
    return connect(url, **{"open_timeout": HANDSHAKE_SECONDS, **options})


@asynccontextmanager
async def authenticated(url: str, token: str, **options: Any) -> AsyncIterator[ClientConnection]:
    """A WebSocket client that has sent its auth message."""
    async with open_websocket(url, **options) as websocket:
        await websocket.send(json.dumps({"type": "auth", "token": token}))
        yield websocket


async def next_message(websocket: ClientConnection, within: float = 5.0) -> dict[str, Any]:
    """The next live message other than a ping or the welcome note of a sign-up (the inbox
    handlers send one to every new user, whenever the relay gets to it)."""
    async with asyncio.timeout(within):
        while True:
            message = json.loads(await websocket.recv())
            if message["type"] != "ping" and not _sign_up_welcome(message):
                return dict(message)


def _sign_up_welcome(message: dict[str, Any]) -> bool:
    payload = message.get("payload") or {}
    return message["type"] == "notification_created" and str(payload.get("message", "")).startswith(
        "Welcome to "
    )


async def close_code(websocket: ClientConnection, within: float = 5.0) -> int | None:
    """Read until the server closes; its close code."""
    async with asyncio.timeout(within):
        try:
            while True:
                await websocket.recv()
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None


@asynccontextmanager
async def running(container: Container) -> AsyncIterator[tuple[Server, httpx.AsyncClient]]:
    """``serving`` plus an HTTP client of it."""
    async with serving(container) as server, httpx.AsyncClient(base_url=server.http) as http:
        yield server, http


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
