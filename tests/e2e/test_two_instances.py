"""Scale-out: two `folio serve` processes on two loopback ports, one PostgreSQL database and one
Redis, behave as one service for every piece of state they share: accounts and tokens, posts
and their ETags, list cursors and If-Match, deactivations and ended sessions, idempotency keys
and rate-limit counters. (Live events and the WebSocket cap per user across instances:
test_websocket_redis.py.) Sessions are checked without Redis too, through the database alone."""

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from tests.cli.conftest import FAST_ARGON2
from tests.cli.test_serve_process import free_port
from tests.databases import empty_postgres
from tests.e2e.helpers import PASSWORD, user_body
from tests.e2e.live import folio_process, wait_until_up
from tests.servers import postgres_url, redis_url
from tests.settings import TEST_SECRET

pytestmark = pytest.mark.postgres
PASSWORD_CHECKS_PER_ADDRESS = 4  # FOLIO_RATE_LIMIT_PASSWORD of these instances, per hour
ADMIN_PASSWORD = "a long admin password"
Instances = tuple[httpx.Client, httpx.Client]


@contextmanager
def two_instances(tmp_path: Path, *, with_redis: bool) -> Iterator[Instances]:
    """Two processes on one fresh database (and Redis), started together; their clients."""
    env = {
        "FOLIO_STORAGE": "sql",
        "FOLIO_DATABASE_URL": empty_postgres(),
        "FOLIO_JWT_SECRET": TEST_SECRET,
        "FOLIO_LOG_LEVEL": "WARNING",
        "FOLIO_DB_POOL_SIZE": "2",
        "FOLIO_RATE_LIMIT_PASSWORD": f"{PASSWORD_CHECKS_PER_ADDRESS}/hour",
        **FAST_ARGON2,
    }
    if with_redis:
        env["FOLIO_REDIS_URL"] = redis_url()
        with redis.Redis.from_url(env["FOLIO_REDIS_URL"]) as client:
            client.flushdb()  # no counters or keys of an earlier run
    with ExitStack() as stack:
        started = []
        for _ in range(2):  # both boot at once
            port = free_port()
            started.append((port, stack.enter_context(folio_process(tmp_path, port, **env))))
        clients = []
        for port, process in started:
            url = f"http://127.0.0.1:{port}"
            wait_until_up(url, process)
            clients.append(stack.enter_context(httpx.Client(base_url=url, timeout=10)))
        yield clients[0], clients[1]


@pytest.fixture(scope="module")
def instances(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instances]:
    """Started once for the module, with Redis: each test signs up users of its own."""
    with two_instances(tmp_path_factory.mktemp("instances"), with_redis=True) as both:
        yield both


def sign_up(a: httpx.Client, b: httpx.Client) -> tuple[str, dict[str, Any]]:
    """Register on ``a``, log in on ``b``: the id and the token pair."""
    body = user_body()
    registered = a.post("/users", json=body)
    assert registered.status_code == 201, registered.text
    return registered.json()["id"], log_in(b, body["email"])


def log_in(client: httpx.Client, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = client.post("/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return dict(response.json())


def bearer(pair: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


def me(client: httpx.Client, pair: dict[str, Any]) -> int:
    return client.get("/me", headers=bearer(pair)).status_code


def test_accounts_posts_etags_cursors_and_if_match_are_one_service(instances: Instances) -> None:
    a, b = instances
    user_id, alice = sign_up(a, b)
    assert a.get("/me", headers=bearer(alice)).json()["id"] == user_id  # B's token works on A

    body = {"content": "Seen by both.", "published": True}
    created = [
        a.post("/posts", headers=bearer(alice), json={**body, "title": f"Shared post {n}"})
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
    edit = {"title": "Edited on B"}
    edited = b.patch(path, headers={**bearer(alice), "If-Match": etag}, json=edit)
    assert edited.status_code == 200, edited.text
    lost = {"title": "Lost on A"}
    assert a.patch(path, headers={**bearer(alice), "If-Match": etag}, json=lost).status_code == 412
    assert a.get(path).json()["title"] == "Edited on B"


def test_a_deactivation_on_one_instance_stops_the_tokens_on_both(instances: Instances) -> None:
    a, b = instances
    user_id, bob = sign_up(a, b)
    assert me(b, bob) == 200

    assert a.post(f"/users/{user_id}/deactivate", headers=admin(a)).status_code == 200

    assert (me(b, bob), me(a, bob)) == (401, 401)


def test_a_retry_on_the_other_instance_gets_the_first_response(instances: Instances) -> None:
    a, b = instances
    _, carol = sign_up(a, b)
    headers = {**bearer(carol), "Idempotency-Key": "publish-once-7f3a"}
    post = {"title": "Posted once", "content": "Whoever retries.", "published": True}
    first = a.post("/posts", headers=headers, json=post)
    retry = b.post("/posts", headers=headers, json=post)
    assert (first.status_code, retry.status_code) == (201, 201), retry.text
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json()["id"] == first.json()["id"]
    other_body = b.post("/posts", headers=headers, json={**post, "title": "Another"})
    assert other_body.status_code == 422
    mine = a.get("/me/posts", headers=bearer(carol)).json()
    assert mine["total"] == 1


def test_rate_limit_counters_are_shared(instances: Instances) -> None:
    """Every password check counts per client address (both instances see 127.0.0.1)."""
    a, b = instances
    change = {"current_password": "not the one", "new_password": "whatever it is"}
    alternating = (a, b) * (PASSWORD_CHECKS_PER_ADDRESS // 2)
    statuses = [client.post("/me/password", json=change).status_code for client in alternating]
    assert 429 not in statuses  # each refused for want of a token: counted all the same
    refused = a.post("/me/password", json=change)
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1


@pytest.mark.parametrize("with_redis", [False, True], ids=["database-only", "with-redis"])
def test_a_session_ended_on_one_instance_is_refused_by_the_other(
    tmp_path: Path, with_redis: bool
) -> None:
    with two_instances(tmp_path, with_redis=with_redis) as (first, second):
        body = user_body()
        assert first.post("/users", json=body).status_code == 201
        laptop, phone = log_in(first, body["email"]), log_in(second, body["email"])
        assert (me(first, laptop), me(second, laptop), me(second, phone)) == (200, 200, 200)

        assert first.post("/logout", headers=bearer(laptop)).status_code == 204
        assert (me(second, laptop), me(second, phone)) == (401, 200)

        assert second.post("/logout-all", headers=bearer(phone)).status_code == 204
        assert me(first, phone) == 401
        refreshed = first.post("/token/refresh", json={"refresh_token": phone["refresh_token"]})
        assert refreshed.status_code == 401


def admin(client: httpx.Client) -> dict[str, str]:
    """An admin made with the CLI against the instances' database, logged in over HTTP."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOLIO_")}
    env.update(FOLIO_STORAGE="sql", FOLIO_DATABASE_URL=postgres_url())
    env.update(FOLIO_JWT_SECRET=TEST_SECRET, **FAST_ARGON2)
    folio = Path(sys.executable).with_name("folio")
    done = subprocess.run(  # noqa: S603 - our own console script
        [str(folio), "users", "create-admin", "--email", "root@example.com", "--name", "Root"],
        input=f"{ADMIN_PASSWORD}\n", env=env, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return bearer(log_in(client, "root@example.com", ADMIN_PASSWORD))
