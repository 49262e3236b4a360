"""Passwords and logins over HTTP: the rules say why they refuse, e-mails and passwords are
normalised on every path, and a full hashing queue is a 503 at once."""

import asyncio
import threading

from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve
from tests.e2e.helpers import PASSWORD, assert_problem, log_in, user_body


async def test_a_common_or_personal_password_is_refused_saying_why(client: AsyncClient):
    for password, reason in [
        ("password123", "common"),
        ("12345678", "at least 10"),
        ("grace.hopper@example.com", "e-mail address"),
    ]:
        body = user_body(email="grace.hopper@example.com", password=password)
        problem = assert_problem(await client.post("/users", json=body), 422)
        assert problem["errors"][0]["field"] == "password"
        assert reason in problem["errors"][0]["message"]
    assert (await client.get("/users")).json()["total"] == 0


async def test_an_nfd_e_mail_registers_and_logs_in_in_any_form(client: AsyncClient):
    decomposed = "jose\u0301.nfd@example.com"
    response = await client.post("/users", json=user_body(email=decomposed))
    assert response.status_code == 201, response.text

    for form in (decomposed, "jos\u00e9.nfd@example.com", " JOSE\u0301.NFD@example.com"):
        assert (await log_in(client, form)).status_code == 200, form


async def test_a_new_password_is_checked_against_the_rules(client: AsyncClient, alice: Account):
    body = {"current_password": PASSWORD, "new_password": "alice-in-wonderland"}
    response = await client.post("/me/password", json=body, headers=alice.headers)
    problem = assert_problem(response, 422)
    assert problem["errors"] == [{"field": "new_password", "message": "must not contain your name"}]


async def test_a_login_beyond_the_hashing_queue_is_refused_at_once_with_retry_after():
    container: Container = make_container(password_hash_workers=1, password_hash_queue=0)
    async with serve(create_app(container)) as client:
        assert (await client.post("/users", json=user_body(email="q@example.com"))).is_success
        release = threading.Event()
        pool = container.hardening.hashing_pool()
        blocker = asyncio.ensure_future(pool.run(release.wait, 5))
        await asyncio.sleep(0.05)
        try:
            response = await log_in(client, "q@example.com")
        finally:
            release.set()
            await blocker
        problem = assert_problem(response, 503)
        assert response.headers["retry-after"].isdigit()
        assert "try again" in problem["detail"]
        assert (await log_in(client, "q@example.com")).status_code == 200
