"""One real server: the console script starts uvicorn and the API answers."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import FAST_ARGON2
from tests.settings import TEST_SECRET

FOLIO = Path(sys.executable).with_name("folio")
STARTUP_SECONDS = 60  # a loaded CI machine can take this long to import and bind


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    if not FOLIO.exists():
        pytest.skip(f"the folio console script is not installed next to {sys.executable}")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    env.update(FOLIO_STORAGE="memory", FOLIO_JWT_SECRET=TEST_SECRET, **FAST_ARGON2)
    process = subprocess.Popen(  # noqa: S603 - our own console script
        [str(FOLIO), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            if process.poll() is not None:
                output = process.stdout.read() if process.stdout else ""
                pytest.fail(f"folio serve exited with {process.returncode}:\n{output}")
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_folio_serve_answers_http(server: tuple[str, subprocess.Popen[str]]):
    url, process = server

    docs = wait_for(f"{url}/docs", process)

    assert docs.status_code == 200
    assert httpx.get(f"{url}/posts", timeout=5).json()["total"] == 0


def test_folio_serve_sends_no_server_banner_and_the_security_headers(
    server: tuple[str, subprocess.Popen[str]],
):
    url, process = server
    wait_for(f"{url}/posts", process)

    for path in ("/posts", "/nowhere", "/docs"):
        response = httpx.get(f"{url}{path}", timeout=5)
        assert "server" not in response.headers, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
