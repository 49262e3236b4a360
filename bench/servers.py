"""Start a backend's uvicorn servers on 127.0.0.1 together, on any core (their imports run side
by side), wait until each answers, pin each to its core before anything is measured, and always
stop them."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HOST = "127.0.0.1"
REPO_ROOT = Path(__file__).resolve().parent.parent


class ServerFailed(RuntimeError):
    """A server did not start, or died while it was being measured."""


@dataclass(frozen=True, slots=True)
class ServerSpec:
    """How to run one contender: an ASGI app for uvicorn, and its environment."""

    name: str
    app: str
    factory: bool = False
    env: Mapping[str, str] = field(default_factory=dict)
    cpu: int | None = None  # pinned to this core (see ``pin``) when given


@dataclass(frozen=True, slots=True)
class Server:
    name: str
    base_url: str
    pid: int
    log: Path
    cpu: int | None = None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The caller's environment without its FOLIO_* settings, plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("FOLIO_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def _command(spec: ServerSpec, port: int) -> list[str]:
    command = [sys.executable, "-m", "uvicorn", spec.app, "--host", HOST, "--port", str(port)]
    command += ["--no-access-log", "--log-level", "warning"]
    return [*command, "--factory"] if spec.factory else command


def _tail(path: Path, lines: int = 30) -> str:
    with suppress(OSError):
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    return "(no log)"


def _wait_until_ready(
    process: subprocess.Popen[bytes], url: str, log: Path, timeout: float = 30.0
) -> None:
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"exited with {process.returncode}:\n{_tail(log)}")
        try:
            response = httpx.get(url, timeout=2.0)
        except httpx.HTTPError as exc:
            last = repr(exc)
        else:
            if response.status_code == 200:
                return
            last = f"{response.status_code}: {response.text[:300]}"
        time.sleep(0.1)
    raise ServerFailed(f"not ready after {timeout:.0f} s ({last}):\n{_tail(log)}")


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM to every server still running, then wait for each (killed after 10 s)."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        process.send_signal(signal.SIGTERM)
    for process in running:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def pin(server: Server) -> None:
    """Keep every thread of ``server`` on its core (threads it starts later inherit it)."""
    if server.cpu is None:
        return
    for thread in Path(f"/proc/{server.pid}/task").iterdir():
        with suppress(ProcessLookupError):  # a thread that has just ended
            os.sched_setaffinity(int(thread.name), {server.cpu})


def _start(spec: ServerSpec, workdir: Path, output: int) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        _command(spec, port),
        cwd=workdir,
        env=_environment(spec.env),
        stdin=subprocess.DEVNULL,
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # Ctrl-C reaches us only; we stop the server ourselves
    )
    return process, port


@contextmanager
def running(
    specs: list[ServerSpec], workdir: Path, ready_path: Callable[[str], str]
) -> Iterator[dict[str, Server]]:
    """Run every spec with one uvicorn worker in ``workdir``, started together and not yet
    pinned (``pin`` each before measuring); all stopped on leaving, whatever happens."""
    processes: dict[str, subprocess.Popen[bytes]] = {}
    servers: dict[str, Server] = {}
    try:
        for spec in specs:
            log = workdir / f"{spec.name}.log"
            with log.open("ab") as output:
                process, port = _start(spec, workdir, output.fileno())
            processes[spec.name] = process
            servers[spec.name] = Server(
                spec.name, f"http://{HOST}:{port}", process.pid, log, spec.cpu
            )
        for name, server in servers.items():
            _wait_until_ready(processes[name], server.base_url + ready_path(name), server.log)
        yield servers
        for name, process in processes.items():
            if process.poll() is not None:
                raise ServerFailed(f"{name} died during the run:\n{_tail(servers[name].log)}")
    finally:
        _stop(list(processes.values()))
