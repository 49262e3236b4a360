"""The sessions endpoints under the rate limits (OWASP API2, API4, API6): refreshes per
address, one-time-code logins as logins (per address, with the growing delay), log-outs and
ended sessions under the default rule; session ids probed by another user are 404 and audited;
the client address a session records is the one the limits count (trusted proxies honoured)."""

import logging
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import assert_problem, register
from tests.e2e.security.test_rate_limits import assert_limited
from tests.settings import GENEROUS_LIMITS


def limited(**limits: Any) -> FastAPI:
    return create_app(make_container(**{**GENEROUS_LIMITS, **limits}))


async def session_of(client: AsyncClient, **headers: str) -> dict[str, Any]:
    user = await register(client)
    response = await client.post(
        "/token",
        data={"username": user["email"], "password": "correct horse battery"},
        headers=headers,
    )
    assert response.status_code == 200
    return dict(response.json())


def bearer(token: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {token['access_token']}"}


async def test_refreshes_meet_429():
    async with serve(limited(rate_limit_refresh="2/hour")) as client:
        token = await session_of(client)
        refresh = token["refresh_token"]
        for _ in range(2):
            answer = await client.post("/token/refresh", json={"refresh_token": refresh})
            assert answer.status_code == 200
            refresh = answer.json()["refresh_token"]
        assert_limited(await client.post("/token/refresh", json={"refresh_token": refresh}))


async def test_one_time_code_logins_count_as_failed_logins_per_address():
    async with serve(limited(rate_limit_login_address="3/hour")) as client:
        body = {"challenge": "not-a-challenge", "code": "123456"}
        for _ in range(3):
            assert (await client.post("/token/totp", data=body)).status_code == 401
        assert_limited(await client.post("/token/totp", data=body))
        await register(client)  # other routes are not held by the login rule


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("POST", "/logout", id="logout"),
        pytest.param("POST", "/logout-all", id="logout-all"),
        pytest.param("DELETE", "/me/sessions/{session_id}", id="end-a-session"),
    ],
)
async def test_log_outs_and_ended_sessions_meet_the_default_limit(method: str, path: str):
    async with serve(limited(rate_limit_default="4/hour")) as client:
        token = await session_of(client)  # registration and login have rules of their own
        target = path.format(session_id=token["session_id"])
        for _ in range(4):
            assert (await client.request(method, target)).status_code == 401  # no token
        assert_limited(await client.request(method, target, headers=bearer(token)))


async def test_sessions_record_the_address_the_limits_count():
    app = limited(trusted_proxies=["127.0.0.0/8"])
    async with serve(app) as client:
        token = await session_of(client, **{"X-Forwarded-For": "198.51.100.7"})
        listed = (await client.get("/me/sessions", headers=bearer(token))).json()["items"]
    assert [session["client_address"] for session in listed] == ["198.51.100.7"]


async def test_another_users_session_cannot_be_ended_and_the_probe_is_audited(
    caplog: pytest.LogCaptureFixture,
):
    caplog.set_level(logging.INFO, logger="folio.audit")
    async with serve(limited()) as client:
        alice, bob = await session_of(client), await session_of(client)
        probe = await client.delete(f"/me/sessions/{alice['session_id']}", headers=bearer(bob))
        assert_problem(probe, 404)
        assert (await client.get("/me", headers=bearer(alice))).status_code == 200
        assert (await client.post("/logout", headers=bearer(alice))).status_code == 204
        assert (await client.get("/me", headers=bearer(alice))).status_code == 401
    actions = [
        (r.audit["action"], r.audit["outcome"])  # type: ignore[attr-defined]
        for r in caplog.records
        if r.name == "folio.audit"
    ]
    assert ("session.end", "not-found") in actions
    assert ("logout", "ok") in actions


async def test_every_request_that_checks_the_current_password_meets_the_password_rule():
    """Changing the e-mail address and deleting the account check the current password too:
    a stolen token must not buy unlimited guesses at it."""
    async with serve(limited(rate_limit_password="2/hour")) as client:
        for _ in range(2):
            assert (await client.post("/me/email", json={})).status_code == 401
        assert_limited(await client.request("DELETE", "/me", json={}))
        assert (await client.get("/posts")).status_code == 200  # other routes go on
