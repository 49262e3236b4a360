"""OWASP API4:2023 Unrestricted resource consumption: request bodies, declared or chunked,
are bounded before authentication and parsing; so are JSON depth and array lengths."""

import asyncio
import threading
from collections.abc import AsyncIterator

from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import assert_problem, user_body

LIMIT = 64 * 1024


async def chunks(total: int, size: int = 16 * 1024) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        yield b" " * size
        sent += size


async def test_a_declared_oversized_body_is_refused_before_auth_or_parsing():
    async with serve(create_app(make_container(max_body_bytes=LIMIT))) as client:
        response = await client.post(
            "/me/password",  # needs a token: the size is checked first
            content=b"{" + b" " * LIMIT + b"}",
            headers={"content-type": "application/json"},
        )
        problem = assert_problem(response, 413)
        assert str(LIMIT) in problem["detail"]


async def test_a_chunked_body_is_cut_off_at_the_limit_without_reading_it_all():
    read = 0

    async def counted() -> AsyncIterator[bytes]:
        nonlocal read
        async for chunk in chunks(50 * LIMIT):
            read += len(chunk)
            yield chunk

    async with serve(create_app(make_container(max_body_bytes=LIMIT))) as client:
        response = await client.post(
            "/users", content=counted(), headers={"content-type": "application/json"}
        )
    assert_problem(response, 413)
    assert "content-length" not in response.request.headers  # it really was chunked
    assert read < 3 * LIMIT


async def test_a_body_within_the_limit_works():
    async with serve(create_app(make_container(max_body_bytes=LIMIT))) as client:
        response = await client.post("/users", json=user_body(name="x" * 50))
    assert response.status_code == 201


async def test_deep_json_and_long_arrays_are_refused_before_parsing(client: AsyncClient):
    deep = b'{"title": ' + b"[" * 40 + b"]" * 40 + b"}"
    response = await client.post(
        "/users", content=deep, headers={"content-type": "application/json"}
    )
    assert "nesting" in assert_problem(response, 413)["detail"]

    long = b'{"tags": [' + b",".join([b'"t"'] * 1001) + b"]}"
    response = await client.post(
        "/users", content=long, headers={"content-type": "application/json"}
    )
    assert "array" in assert_problem(response, 413)["detail"]


async def test_the_default_limit_is_one_mebibyte(client: AsyncClient):
    response = await client.post(
        "/users",
        content=b'{"name": "' + b"x" * (1024 * 1024) + b'"}',
        headers={"content-type": "application/json"},
    )
    assert "1048576" in assert_problem(response, 413)["detail"]


async def test_pages_are_bounded(client: AsyncClient):
    for path in ("/posts", "/users"):
        assert_problem(await client.get(path, params={"limit": 101}), 422)
        assert_problem(await client.get(path, params={"skip": -1}), 422)
        assert (await client.get(path, params={"limit": 100})).status_code == 200


async def test_a_login_flood_is_bounded_by_the_hashing_pool():
    """The pool's size caps the memory argon2 holds; beyond its queue, logins are refused at
    once (503) instead of piling up. (tests/e2e/security/test_passwords.py times the refusal;
    bench/ measures RSS and a cheap GET's latency under 40 flooding clients.)"""
    container = make_container(
        password_hash_workers=1,
        password_hash_queue=2,
        argon2_memory_cost=32_768,
        argon2_time_cost=2,
    )
    async with serve(create_app(container)) as client:
        await client.post("/users", json=user_body(email="flood@example.com"))
        responses = await asyncio.gather(
            *(
                client.post("/token", data={"username": "flood@example.com", "password": "x" * 10})
                for _ in range(12)
            )
        )
    statuses = [response.status_code for response in responses]
    assert set(statuses) <= {401, 503}
    assert 503 in statuses
    assert statuses.count(401) >= 3  # one running and two queued got their answer


async def test_with_every_hashing_slot_taken_logins_are_refused_before_their_body_is_read():
    container = make_container(password_hash_workers=1, password_hash_queue=0)
    pool = container.hardening.hashing_pool()
    release = threading.Event()
    async with serve(create_app(container)) as client:
        busy = asyncio.ensure_future(pool.run(release.wait, 10))
        await asyncio.sleep(0.05)  # the only slot is taken
        try:
            native = await client.post("/token", content=never_sent())
            realworld = await client.post("/api/users/login", content=never_sent())
            cheap = await client.get("/posts")
        finally:
            release.set()
            await busy
        after = await client.post("/token", data={"username": "x@example.com", "password": "y"})

    problem = assert_problem(native, 503)
    assert problem["type"].endswith("service-unavailable")
    assert native.headers["retry-after"] == "1"
    assert realworld.status_code == 503
    assert realworld.json() == {"errors": {"body": [problem["detail"]]}}
    assert cheap.status_code == 200  # what hashes nothing is not held up
    assert after.status_code == 401  # a free slot lets logins through again


async def never_sent() -> AsyncIterator[bytes]:
    """A body whose reading fails the test: the gate must answer without it."""
    raise AssertionError("the body was read")
    yield b""  # an async generator
