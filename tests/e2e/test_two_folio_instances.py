"""Scale-out: two Folio processes (uvicorn, one worker each, on two free loopback ports) on one
PostgreSQL database and one Redis behave as one service for the state they share: accounts and
tokens, posts and their ETags, list cursors, If-Match, and a deactivation that stops the user's
tokens on both at once."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.databases import empty_postgres
from tests.servers import postgres_url, redis_url
from tests.settings import TEST_SECRET

STARTUP_SECONDS = 40
PASSWORD = "correct horse battery"
FAST_ARGON2 = {
    "FOLIO_ARGON2_TIME_COST": "1",
    "FOLIO_ARGON2_MEMORY_COST": "8",
    "FOLIO_ARGON2_PARALLELISM": "1",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_ready(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"folio exited with {process.returncode}:\n{output}")
        try:
            if httpx.get(f"{url}/posts?limit=1", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail(f"folio at {url} did not answer within {STARTUP_SECONDS} s")


def _stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def instances(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Started once for the module: each test signs up users of its own."""
    tmp_path = tmp_path_factory.mktemp("instances")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    env.update(
        FOLIO_STORAGE="sql",
        FOLIO_DATABASE_URL=empty_postgres(),
        FOLIO_REDIS_URL=redis_url(),
        FOLIO_JWT_SECRET=TEST_SECRET,
        FOLIO_LOG_LEVEL="WARNING",
        FOLIO_DB_POOL_SIZE="2",
        **FAST_ARGON2,
    )
    processes, clients = [], []
    try:
        for _ in range(2):
            port = _free_port()
            command = [sys.executable, "-m", "uvicorn", "entrypoints.http.app:create_app"]
            command += ["--factory", "--host", "127.0.0.1", "--port", str(port)]
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and app
                command, cwd=tmp_path, env=env, text=True,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )  # fmt: skip
            processes.append(process)
            url = f"http://127.0.0.1:{port}"
            _wait_until_ready(url, process)
            clients.append(httpx.Client(base_url=url, timeout=10))
        yield clients[0], clients[1]
    finally:
        for client in clients:
            client.close()
        for process in processes:
            _stop(process)


def _sign_up(a: httpx.Client, b: httpx.Client, email: str) -> tuple[str, dict[str, str]]:
    """Register on ``a``, log in on ``b``: the id and the bearer headers."""
    registered = a.post("/users", json={"email": email, "name": "Ada", "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    token = b.post("/token", data={"username": email, "password": PASSWORD})
    assert token.status_code == 200, token.text
    return registered.json()["id"], {"Authorization": f"Bearer {token.json()['access_token']}"}


@pytest.mark.postgres
def test_two_instances_behave_as_one_service(instances: tuple[httpx.Client, httpx.Client]) -> None:
    a, b = instances
    user_id, alice = _sign_up(a, b, "alice@example.com")
    assert a.get("/me", headers=alice).json()["id"] == user_id  # a token from B works on A

    body = {"content": "Seen by both.", "published": True}
    created = [
        a.post("/posts", headers=alice, json={**body, "title": f"Shared post {n}"})
        for n in range(3)
    ]
    assert all(response.status_code == 201 for response in created)
    path = f"/posts/{created[0].json()['id']}"
    on_a, on_b = a.get(path), b.get(path)
    assert on_a.json() == on_b.json()
    assert on_a.headers["etag"] == on_b.headers["etag"]
    assert b.get(path, headers={"If-None-Match": on_a.headers["etag"]}).status_code == 304

    first = a.get("/posts", params={"limit": 2}).json()
    rest_on_b = b.get("/posts", params={"limit": 2, "cursor": first["next_cursor"]})
    rest_on_a = a.get("/posts", params={"limit": 2, "cursor": first["next_cursor"]})
    assert rest_on_b.status_code == 200, rest_on_b.text
    assert rest_on_b.json() == rest_on_a.json()

    etag = on_a.headers["etag"]
    edited = b.patch(path, headers={**alice, "If-Match": etag}, json={"title": "Edited on B"})
    assert edited.status_code == 200, edited.text
    stale = a.patch(path, headers={**alice, "If-Match": etag}, json={"title": "Lost on A"})
    assert stale.status_code == 412
    assert a.get(path).json()["title"] == "Edited on B"


@pytest.mark.postgres
def test_a_deactivation_on_one_instance_stops_the_tokens_on_both(
    instances: tuple[httpx.Client, httpx.Client],
) -> None:
    a, b = instances
    user_id, bob = _sign_up(a, b, "bob@example.com")
    admin = _admin(a)
    assert b.get("/me", headers=bob).status_code == 200

    assert a.post(f"/users/{user_id}/deactivate", headers=admin).status_code == 200

    assert b.get("/me", headers=bob).status_code == 401
    assert a.get("/me", headers=bob).status_code == 401


def _admin(client: httpx.Client) -> dict[str, str]:
    """An admin made with the CLI against the same database, logged in over HTTP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    env.update(FOLIO_STORAGE="sql", FOLIO_DATABASE_URL=postgres_url())
    env.update(FOLIO_JWT_SECRET=TEST_SECRET, **FAST_ARGON2)
    folio = Path(sys.executable).with_name("folio")
    done = subprocess.run(  # noqa: S603 - our own console script
        [str(folio), "users", "create-admin", "--email", "root@example.com", "--name", "Root"],
        input="a long admin password\n", env=env, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    token = client.post(
        "/token", data={"username": "root@example.com", "password": "a long admin password"}
    )
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}
