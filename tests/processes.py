"""A real ``folio serve`` in a child process, on a free loopback port, for the suites that
need the whole stack (uvicorn, workers, logging configuration, signals)."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.settings import TEST_SECRET

FOLIO = Path(sys.executable).with_name("folio")
STARTUP_SECONDS = 90
FAST_ARGON2 = {
    "FOLIO_ARGON2_TIME_COST": "1",
    "FOLIO_ARGON2_MEMORY_COST": "8",
    "FOLIO_ARGON2_PARALLELISM": "1",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_until_up(self, path: str = "/healthz") -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                httpx.get(self.url + path, timeout=2)
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    pytest.fail(
                        f"folio serve exited with {self.process.returncode}:\n{self.output()}"
                    )
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"folio serve did not answer in {STARTUP_SECONDS}s:\n{self.output()}"
                    )
                time.sleep(0.1)

    def stop(self, timeout: float = 20) -> int:
        """SIGTERM, as an orchestrator would; SIGKILL if it does not exit within ``timeout``."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


@contextmanager
def folio_serve(cwd: Path, *args: str, **env: str) -> Iterator[Server]:
    """``folio serve --port <free> *args`` in ``cwd`` with only FOLIO_* variables of ``env``
    (plus a test secret and fast argon2), stopped on exit."""
    if not FOLIO.exists():
        pytest.skip(f"the folio console script is not installed next to {sys.executable}")
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    environment.pop("PROMETHEUS_MULTIPROC_DIR", None)
    environment.update({"FOLIO_JWT_SECRET": TEST_SECRET, **FAST_ARGON2, **env})
    log = Path(tempfile.mkstemp(prefix="folio-serve-", suffix=".log", dir=cwd)[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(  # noqa: S603 - our own console script
            [str(FOLIO), "serve", "--port", str(port), *args],
            cwd=cwd,
            env=environment,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()
