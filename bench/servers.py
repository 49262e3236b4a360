"""Start one uvicorn server at a time on 127.0.0.1, wait until it answers, always stop it."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
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
    cpu: int | None = None  # pinned to this core with taskset when given


@dataclass(frozen=True, slots=True)
class Server:
    name: str
    base_url: str
    pid: int
    log: Path


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
    command = [*command, "--factory"] if spec.factory else command
    return command if spec.cpu is None else ["taskset", "-c", str(spec.cpu), *command]


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


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def running(spec: ServerSpec, workdir: Path, ready_path: str) -> Iterator[Server]:
    """Run ``spec`` with one uvicorn worker in ``workdir``; stopped on leaving, whatever happens."""
    port = free_port()
    log = workdir / f"{spec.name}.log"
    with log.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
            _command(spec, port),
            cwd=workdir,
            env=_environment(spec.env),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches us only; we stop the server ourselves
        )
        try:
            base_url = f"http://{HOST}:{port}"
            _wait_until_ready(process, base_url + ready_path, log)
            yield Server(spec.name, base_url, process.pid, log)
            if process.poll() is not None:
                raise ServerFailed(f"{spec.name} died during the run:\n{_tail(log)}")
        finally:
            _stop(process)
