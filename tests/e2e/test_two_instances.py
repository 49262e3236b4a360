"""Two Folio processes on one PostgreSQL (and Redis, when configured): a session ended through
one is refused by the other on its very next request."""

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.cli.conftest import FAST_ARGON2
from tests.cli.test_serve_process import free_port
from tests.databases import empty_postgres
from tests.e2e.helpers import PASSWORD, user_body
from tests.servers import redis_url
from tests.settings import TEST_SECRET

FOLIO = Path(sys.executable).with_name("folio")
STARTUP_SECONDS = 60  # generous: a loaded CI machine imports slowly
pytestmark = pytest.mark.postgres


def start(tmp_path: Path, env: dict[str, str], stack: ExitStack) -> tuple[str, Any]:
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own console script
        [str(FOLIO), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    stack.callback(stop, process)
    return f"http://127.0.0.1:{port}", process


def wait_until_up(url: str, process: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        try:
            httpx.get(f"{url}/openapi.json", timeout=5)
            return url
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                output = process.stdout.read() if process.stdout else ""
                pytest.fail(f"folio serve did not start ({process.returncode}):\n{output}")
            time.sleep(0.2)


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(params=[pytest.param(False, id="postgres"), pytest.param(True, id="with-redis")])
def two_instances(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if not FOLIO.exists():
        pytest.skip(f"the folio console script is not installed next to {sys.executable}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    env.update(
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=empty_postgres(),
        FOLIO_JWT_SECRET=TEST_SECRET,
        FOLIO_LOG_LEVEL="WARNING",
        **FAST_ARGON2,
    )
    if request.param:
        env["FOLIO_REDIS_URL"] = redis_url()
    with ExitStack() as stack:
        started = [start(tmp_path, env, stack) for _ in range(2)]  # both boot at once
        first, second = (wait_until_up(url, process) for url, process in started)
        yield first, second


def log_in(url: str, email: str) -> dict[str, Any]:
    response = httpx.post(
        f"{url}/token", data={"username": email, "password": PASSWORD}, timeout=10
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def me(url: str, pair: dict[str, Any]) -> int:
    headers = {"Authorization": f"Bearer {pair['access_token']}"}
    return httpx.get(f"{url}/me", headers=headers, timeout=10).status_code


def test_a_session_ended_on_one_instance_is_refused_by_the_other(
    two_instances: tuple[str, str],
) -> None:
    first, second = two_instances
    body = user_body()
    assert httpx.post(f"{first}/users", json=body, timeout=10).status_code == 201
    laptop, phone = log_in(first, body["email"]), log_in(second, body["email"])
    assert (me(first, laptop), me(second, laptop), me(second, phone)) == (200, 200, 200)

    headers = {"Authorization": f"Bearer {laptop['access_token']}"}
    assert httpx.post(f"{first}/logout", headers=headers, timeout=10).status_code == 204
    assert me(second, laptop) == 401
    assert me(second, phone) == 200

    headers = {"Authorization": f"Bearer {phone['access_token']}"}
    response = httpx.post(f"{second}/logout-all", headers=headers, timeout=10)
    assert response.status_code == 204
    assert me(first, phone) == 401
    refreshed = httpx.post(
        f"{first}/token/refresh", json={"refresh_token": phone["refresh_token"]}, timeout=10
    )
    assert refreshed.status_code == 401
