"""Idempotency-Key on POST, on memory, SQLite and PostgreSQL (and Redis): a retry replays the
first response without a second effect, another body is a 422, concurrent twins run once,
and two instances over one database (or one Redis) agree."""

import asyncio
from pathlib import Path
from typing import Any

import pytest
import redis.asyncio as redis
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve, storage_settings
from tests.e2e.helpers import assert_problem, post_body, user_body
from tests.servers import redis_url


async def post(client: AsyncClient, path: str, body: Any, key: str, **headers: str) -> Any:
    return await client.post(path, json=body, headers={"Idempotency-Key": key, **headers})


async def count_posts(client: AsyncClient, account: Account) -> int:
    listed = await client.get("/posts", params={"author_id": account.id})
    return int(listed.json()["total"])


async def test_a_retry_gets_the_first_response_without_a_second_effect(
    client: AsyncClient, alice: Account
):
    body = post_body(title="Once only")
    first = await post(client, "/posts", body, "key-0001", **alice.headers)
    again = await post(client, "/posts", body, "key-0001", **alice.headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert await count_posts(client, alice) == 1
    other = await post(client, "/posts", post_body(title="Second"), "key-0002", **alice.headers)
    assert other.status_code == 201
    assert await count_posts(client, alice) == 2


async def test_the_same_key_with_another_body_is_a_422(client: AsyncClient, alice: Account):
    await post(client, "/posts", post_body(title="First"), "key-0003", **alice.headers)
    response = await post(client, "/posts", post_body(title="Other"), "key-0003", **alice.headers)
    assert "different request" in assert_problem(response, 422)["detail"]
    assert await count_posts(client, alice) == 1


async def test_keys_belong_to_whoever_sent_them(client: AsyncClient, alice: Account, bob: Account):
    body = post_body(title="Same key")
    await post(client, "/posts", body, "shared-key", **alice.headers)
    response = await post(client, "/posts", body, "shared-key", **bob.headers)
    assert response.status_code == 201
    assert "idempotent-replayed" not in response.headers
    assert response.json()["author_id"] == bob.id


async def test_the_realworld_api_takes_keys_too(client: AsyncClient):
    """The middleware is path-agnostic: POST /api/articles is retried safely like /posts, and
    a refusal comes in RealWorld's error format."""
    user = {"username": "kit", "email": "kit@example.com", "password": "correct horse battery"}
    token = (await client.post("/api/users", json={"user": user})).json()["user"]["token"]
    headers = {"Authorization": f"Token {token}"}
    article = {"title": "Keyed", "description": "once", "body": "Only one copy.", "tagList": []}
    first = await post(client, "/api/articles", {"article": article}, "rw-0001", **headers)
    again = await post(client, "/api/articles", {"article": article}, "rw-0001", **headers)
    other = {"article": {**article, "title": "Another"}}
    mismatch = await post(client, "/api/articles", other, "rw-0001", **headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    listed = (await client.get("/api/articles", params={"author": "kit"})).json()
    assert listed["articlesCount"] == 1
    assert mismatch.status_code == 422
    assert "different request" in mismatch.json()["errors"]["body"][0]


async def test_a_refused_request_is_replayed_too_and_a_bad_key_is_a_400(client: AsyncClient):
    body = user_body(password="short")
    assert (await post(client, "/users", body, "key-0004")).status_code == 422
    assert (await post(client, "/users", body, "key-0004")).headers["idempotent-replayed"]
    assert_problem(await post(client, "/users", user_body(), "x" * 256), 400)
    assert_problem(await post(client, "/users", user_body(), "bad key"), 400)


async def test_concurrent_twins_run_once(client: AsyncClient):
    body = user_body()
    responses = await asyncio.gather(*(post(client, "/users", body, "twin-key") for _ in range(6)))
    statuses = sorted(r.status_code for r in responses)
    assert set(statuses) <= {201, 409}
    assert 201 in statuses
    assert (await client.get("/users")).json()["total"] == 1


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def one_database(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    return storage_settings(request.param, tmp_path)


async def test_two_instances_over_one_database_agree(one_database: dict[str, Any]):
    await _two_instances_agree(one_database)


async def test_two_instances_over_one_redis_agree():
    url = redis_url()
    flush = redis.from_url(url)
    await flush.flushdb()
    await flush.aclose()
    await _two_instances_agree({"redis_url": url})


async def _two_instances_agree(settings: dict[str, Any]) -> None:
    first = create_app(make_container(**settings))
    second = create_app(make_container(**settings))
    body = user_body()
    async with serve(first) as one, serve(second) as two:
        created = await post(one, "/users", body, "cross-worker")
        replayed = await post(two, "/users", body, "cross-worker")
        assert created.status_code == replayed.status_code == 201
        assert replayed.headers["idempotent-replayed"] == "true"
        assert replayed.json()["id"] == created.json()["id"]
        mismatch = await post(two, "/users", user_body(), "cross-worker")
        assert_problem(mismatch, 422)
        twins = await asyncio.gather(
            post(one, "/users", user_body(email="t@example.com"), "twin"),
            post(two, "/users", user_body(email="t@example.com"), "twin"),
        )
        assert sorted(r.status_code for r in twins)[0] == 201
        assert {r.status_code for r in twins} <= {201, 409}
