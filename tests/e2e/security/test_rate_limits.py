"""Rate limits (OWASP API4 and API6): per account and per address on login with a growing
delay, per address on registration and password changes, a default for everything else;
429 problems with Retry-After and the IETF RateLimit headers; memory or Redis storage."""

import logging
import time
from typing import Any

import pytest
import redis.asyncio as redis
from httpx import AsyncClient
from websockets.protocol import State

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PASSWORD, assert_problem, log_in, register, user_body
from tests.e2e.live import open_websocket, refused_handshake, serving
from tests.servers import redis_url
from tests.settings import GENEROUS_LIMITS

STORAGES = [
    pytest.param("memory", id="memory-storage"),
    pytest.param("redis", id="redis-storage"),
]


@pytest.fixture(params=STORAGES)
async def storage(request: pytest.FixtureRequest) -> dict[str, Any]:
    if request.param == "memory":
        return {}
    url = redis_url()
    client = redis.from_url(url)
    await client.flushdb()
    await client.aclose()
    return {"redis_url": url}


def limited(storage: dict[str, Any], **limits: Any) -> Any:
    """The app with ``limits``. The tests' rules count per hour, not per minute: `limits`'
    sliding window weighs the previous window by how much of it is left, so a test that
    crosses the minute could see its count fall below the limit."""
    return create_app(make_container(**{**GENEROUS_LIMITS, **storage, **limits}))


def assert_limited(response: Any) -> dict[str, Any]:
    problem = assert_problem(response, 429)
    retry = int(response.headers["retry-after"])
    assert retry >= 1
    assert response.headers["ratelimit-policy"].count(";q=") == 1
    assert ";r=0;t=" in response.headers["ratelimit"]
    assert response.headers["ratelimit-remaining"] == "0"
    return problem


async def test_brute_force_on_one_account_meets_429_and_a_success_resets(storage):
    app = limited(storage, rate_limit_login_account="3/hour")
    async with serve(app) as client:
        ada = await register(client)
        for _ in range(2):
            assert (await log_in(client, ada["email"], "wrong password")).status_code == 401
        assert (await log_in(client, ada["email"])).status_code == 200  # resets the count
        for _ in range(3):
            assert (await log_in(client, ada["email"], "wrong password")).status_code == 401
        refused = await log_in(client, ada["email"].upper())  # even the right one, any case
        assert "account" in assert_limited(refused)["detail"]
        other = await register(client)
        assert (await log_in(client, other["email"])).status_code == 200  # others unaffected


async def test_an_unknown_account_is_limited_like_a_real_one(storage):
    app = limited(storage, rate_limit_login_account="2/hour")
    async with serve(app) as client:
        for _ in range(2):
            await log_in(client, "nobody@example.com", "wrong password")
        assert_limited(await log_in(client, "nobody@example.com", "wrong password"))


async def test_failed_logins_from_one_address_slow_down_then_meet_429(storage):
    app = limited(storage, rate_limit_login_address="4/hour", rate_limit_login_delay_after=2)
    async with serve(app) as client:
        times = []
        for attempt in range(4):
            started = time.perf_counter()
            response = await log_in(client, f"user{attempt}@example.com", "wrong password")
            times.append(time.perf_counter() - started)
            assert response.status_code == 401
        assert times[3] >= 0.45 > times[0]  # 0.25 s after 2 failures, 0.5 s after 3
        assert "address" in assert_limited(await log_in(client, "x@example.com"))["detail"]


async def test_registration_floods_meet_429(storage):
    async with serve(limited(storage, rate_limit_register="3/hour")) as client:
        for _ in range(3):
            assert (await client.post("/users", json=user_body())).status_code == 201
        assert_limited(await client.post("/users", json=user_body()))
        realworld = await client.post("/api/users", json={"user": user_body()})
        assert realworld.status_code == 429
        assert realworld.json()["errors"]["body"]  # in RealWorld's error format
        assert realworld.headers["content-type"] == "application/json; charset=utf-8"
        assert int(realworld.headers["retry-after"]) >= 1


async def test_password_changes_meet_429(storage):
    async with serve(limited(storage, rate_limit_password="2/hour")) as client:
        body = {"current_password": "not it", "new_password": "a brand new secret"}
        for _ in range(2):
            assert (await client.post("/me/password", json=body)).status_code == 401
        assert_limited(await client.post("/me/password", json=body))


async def test_the_default_limit_covers_everything_else(storage):
    async with serve(limited(storage, rate_limit_default="5/hour")) as client:
        for _ in range(5):
            assert (await client.get("/posts")).status_code == 200
        assert_limited(await client.get("/users"))


async def test_addresses_are_counted_apart_and_forwarded_only_behind_trusted_proxies(storage):
    behind = limited(storage, rate_limit_default="2/hour", trusted_proxies=["127.0.0.0/8"])
    async with serve(behind) as client:
        for address in ("203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.2"):
            response = await client.get("/posts", headers={"X-Forwarded-For": address})
            assert response.status_code == 200
        forwarded = {"X-Forwarded-For": "203.0.113.1"}
        assert_limited(await client.get("/posts", headers=forwarded))
    direct = limited(storage, rate_limit_default="2/hour")  # no proxy trusted: headers lie
    async with serve(direct) as client:
        for address in ("203.0.113.7", "203.0.113.8"):
            await client.get("/posts", headers={"X-Forwarded-For": address})
        assert_limited(await client.get("/posts", headers={"X-Forwarded-For": "203.0.113.9"}))


async def test_switched_off_with_a_warning(caplog: pytest.LogCaptureFixture):
    app = create_app(make_container(rate_limit_enabled=False, rate_limit_default="1/hour"))
    async with serve(app) as client:
        for _ in range(3):
            assert (await client.get("/posts")).status_code == 200
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("rate limits are off" in r.getMessage() for r in warnings)


async def test_the_realworld_login_shares_the_account_limit(storage):
    app = limited(storage, rate_limit_login_account="2/hour")
    async with serve(app) as client:
        ada = await register(client)
        wrong = {"user": {"email": ada["email"], "password": "wrong password"}}
        for _ in range(2):
            await client.post("/api/users/login", json=wrong)
        right = {"user": {"email": ada["email"], "password": PASSWORD}}
        response = await client.post("/api/users/login", json=right)
        assert response.status_code == 429
        assert int(response.headers["retry-after"]) >= 1


async def test_limits_are_shared_by_two_instances_through_redis():
    url = redis_url()
    flush = redis.from_url(url)
    await flush.flushdb()
    await flush.aclose()
    settings = {**GENEROUS_LIMITS, "redis_url": url, "rate_limit_default": "3/hour"}
    first = create_app(make_container(**settings))
    second = create_app(make_container(**settings))
    async with serve(first) as one, serve(second) as two:
        clients: list[AsyncClient] = [one, two, one]
        for client in clients:
            assert (await client.get("/posts")).status_code == 200
        assert_limited(await two.get("/posts"))


async def test_websocket_connects_meet_the_limit():
    """Through a real server and client: two handshakes a period are accepted, the third is
    refused before the upgrade with the 429 problem and headers an HTTP request gets."""
    container = make_container(**{**GENEROUS_LIMITS, "rate_limit_websocket": "2/hour"})
    async with serving(container) as server:
        for _ in range(2):
            async with open_websocket(server.ws) as websocket:
                assert websocket.state is State.OPEN
        refused = await refused_handshake(server.ws)
        assert assert_limited(refused)["detail"] == "too many connects from this address"
