"""GET /ws authentication through a real uvicorn server and a real client: 1008 for every
way of not authenticating, and for a token that stops being valid while connected."""

import asyncio
import json
import time
from contextlib import suppress
from datetime import timedelta
from uuid import UUID

import jwt
import pytest
from websockets.exceptions import ConnectionClosed

from adapters.security.jwt_tokens import JwtParameters, JwtTokenService
from application.users.register_user import RegisterUserCommand
from domain.ids import SessionId, UserId
from domain.roles import Role
from entrypoints.container import Container
from tests.e2e.conftest import make_container
from tests.e2e.helpers import PASSWORD, post_body, unique_email
from tests.e2e.helpers import bearer as log_in_headers
from tests.e2e.live import (
    authenticated,
    bearer,
    close_code,
    next_message,
    open_websocket,
    running,
    sign_up,
)
from tests.settings import TEST_SECRET

POLICY_VIOLATION = 1008


def fast_container(**settings: object) -> Container:
    return make_container(storage="memory", ws_auth_timeout=0.5, **settings)


@pytest.mark.parametrize(
    "first_message",
    [
        pytest.param({"type": "auth", "token": "not-a-token"}, id="bad-token"),
        pytest.param({"type": "auth", "token": "a.b.c"}, id="forged-token"),
        pytest.param({"type": "auth"}, id="no-token"),
        pytest.param({"type": "hello"}, id="not-auth"),
        pytest.param(["auth"], id="not-an-object"),
        pytest.param("auth", id="not-json"),
    ],
)
async def test_a_bad_first_message_is_closed_with_1008(first_message: object):
    async with running(fast_container()) as (server, _), open_websocket(server.ws) as websocket:
        text = first_message if isinstance(first_message, str) else json.dumps(first_message)
        await websocket.send(text)

        assert await close_code(websocket) == POLICY_VIOLATION


async def test_silence_is_closed_with_1008_when_the_auth_time_is_up():
    async with running(fast_container()) as (server, _), open_websocket(server.ws) as websocket:
        started = time.monotonic()

        assert await close_code(websocket) == POLICY_VIOLATION
        assert 0.4 < time.monotonic() - started < 3


async def test_a_late_auth_message_is_closed_with_1008():
    async with running(fast_container()) as (server, http):
        _, token = await sign_up(http)
        async with open_websocket(server.ws) as websocket:
            await asyncio.sleep(0.8)
            with suppress(ConnectionClosed):  # the server may have closed already
                await websocket.send(json.dumps({"type": "auth", "token": token}))

            assert await close_code(websocket) == POLICY_VIOLATION


@pytest.mark.parametrize("name", ["token", "access_token", "anything"])
async def test_a_token_in_the_url_is_refused_with_1008_even_when_valid(name: str):
    async with running(fast_container()) as (server, http):
        _, token = await sign_up(http)
        async with open_websocket(f"{server.ws}?{name}={token}") as websocket:
            await websocket.send(json.dumps({"type": "auth", "token": token}))

            assert await close_code(websocket) == POLICY_VIOLATION


async def test_the_token_may_come_in_the_subprotocol_header():
    async with running(fast_container()) as (server, http):
        _, token = await sign_up(http)
        async with open_websocket(server.ws, subprotocols=["bearer", token]) as websocket:  # type: ignore[list-item]
            assert websocket.subprotocol == "bearer"
            await http.post("/posts", json=post_body(), headers=bearer(token))

            assert (await next_message(websocket))["type"] == "post_published"


async def test_a_bad_token_in_the_subprotocol_header_is_closed_with_1008():
    async with running(fast_container()) as (server, _):
        forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"
        async with open_websocket(server.ws, subprotocols=["bearer", forged]) as websocket:  # type: ignore[list-item]
            assert await close_code(websocket) == POLICY_VIOLATION


async def test_an_expiring_token_ends_the_connection_with_1008_at_its_expiry():
    async with running(fast_container()) as (server, http):
        user, login_token = await sign_up(http)
        session = SessionId(
            UUID(jwt.decode(login_token, options={"verify_signature": False})["sid"])
        )
        short = JwtTokenService(JwtParameters.hmac(TEST_SECRET, lifetime=timedelta(seconds=2)))
        token = short.issue(UserId(user["id"]), session).token
        async with authenticated(server.ws, token) as websocket:
            started = time.monotonic()

            assert await close_code(websocket) == POLICY_VIOLATION
            assert time.monotonic() - started < 3.5


async def test_a_user_deactivated_while_connected_is_disconnected_with_1008():
    container = fast_container(ws_auth_recheck_interval=0.2)
    async with running(container) as (server, http):
        user, token = await sign_up(http)
        admin = RegisterUserCommand(
            email=unique_email("admin"), name="Admin", password=PASSWORD, role=Role.ADMIN
        )
        await container.register_user()(admin)
        admin_headers = await log_in_headers(http, admin.email)
        async with authenticated(server.ws, token) as websocket:
            await asyncio.sleep(0.3)  # connected, and re-checked once at least
            response = await http.post(f"/users/{user['id']}/deactivate", headers=admin_headers)
            assert response.status_code == 200, response.text
            started = time.monotonic()

            assert await close_code(websocket) == POLICY_VIOLATION
            assert time.monotonic() - started < 1.5
