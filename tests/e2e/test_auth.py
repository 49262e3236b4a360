from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from httpx import AsyncClient

from adapters.security.keys import hmac_key
from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, log_in
from tests.settings import TEST_SECRET


def forged_token(
    subject: str,
    session: str,
    *,
    expires_in: timedelta = timedelta(hours=-1),
    secret: str = TEST_SECRET,
) -> str:
    """A token made the way the app makes them, with any lifetime and any secret."""
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "sub": subject,
        "sid": session,
        "iat": now - timedelta(hours=2),
        "exp": now + expires_in,
        "jti": "forged",
        "iss": "folio",
        "aud": "folio-api",
    }
    headers = {"typ": "at+jwt", "kid": hmac_key(TEST_SECRET).kid}
    return jwt.encode(claims, secret, algorithm="HS256", headers=headers)


def session_of(account: Account) -> str:
    """The session id inside an account's access token."""
    token = account.headers["Authorization"].removeprefix("Bearer ")
    return str(jwt.decode(token, options={"verify_signature": False})["sid"])


LIVE = timedelta(minutes=5)


async def test_log_in_by_email_or_username(client: AsyncClient, alice: Account) -> None:
    for login in (alice.user["email"].upper(), alice.user["username"]):
        response = await log_in(client, login)
        assert response.status_code == 200
        token = response.json()
        assert token["token_type"] == "bearer"
        assert token["expires_in"] == 15 * 60
        assert token["refresh_expires_in"] == 14 * 24 * 3600
        assert len(token["refresh_token"]) >= 43
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        assert (await client.get("/me", headers=headers)).json()["id"] == alice.id


async def test_wrong_password_and_unknown_user_look_the_same(
    client: AsyncClient, alice: Account
) -> None:
    wrong_password = await log_in(client, alice.user["email"], "not the password")
    unknown_user = await log_in(client, "nobody@example.com", "not the password")
    assert assert_problem(wrong_password, 401) == assert_problem(unknown_user, 401)
    assert wrong_password.headers["www-authenticate"] == "Bearer"
    assert unknown_user.headers["www-authenticate"] == "Bearer"


async def test_log_in_needs_the_form_fields(client: AsyncClient) -> None:
    response = await client.post("/token", data={"username": "someone"})
    assert {e["field"] for e in assert_problem(response, 422)["errors"]} == {"password"}


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="missing"),
        pytest.param("Bearer garbage", id="garbage"),
        pytest.param("Bearer ", id="empty"),
        pytest.param("Basic dXNlcjpwYXNz", id="wrong-scheme"),
        pytest.param("expired", id="expired"),
        pytest.param("other-secret", id="signed-with-another-secret"),
        pytest.param("not-a-uuid", id="subject-is-not-a-user-id"),
    ],
)
async def test_protected_routes_refuse_bad_tokens(
    client: AsyncClient, alice: Account, authorization: str | None
) -> None:
    session = session_of(alice)
    forged = {
        "expired": forged_token(alice.id, session),
        "other-secret": forged_token(
            alice.id, session, expires_in=LIVE, secret="another-secret-" * 4
        ),
        "not-a-uuid": forged_token("alice", session, expires_in=LIVE),
    }
    if authorization in forged:
        authorization = f"Bearer {forged[authorization]}"
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await client.get("/me", headers=headers)
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_a_forged_but_valid_token_is_accepted(client: AsyncClient, alice: Account) -> None:
    fresh = forged_token(alice.id, session_of(alice), expires_in=LIVE)
    response = await client.get("/me", headers={"Authorization": f"Bearer {fresh}"})
    assert response.status_code == 200


async def test_a_valid_token_naming_another_users_session_is_refused(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    crossed = forged_token(alice.id, session_of(bob), expires_in=LIVE)
    response = await client.get("/me", headers={"Authorization": f"Bearer {crossed}"})
    assert_problem(response, 401)


@pytest.mark.parametrize("template", ["/users", "/users/{user_id}", "/posts", "/posts/{post_id}"])
async def test_public_routes_work_without_a_token_but_refuse_a_bad_one(
    client: AsyncClient, alice: Account, template: str
) -> None:
    post = await create_post(client, alice.headers)
    path = template.format(user_id=alice.id, post_id=post["id"])
    assert (await client.get(path)).status_code == 200
    assert (await client.get(path, headers=alice.headers)).status_code == 200
    response = await client.get(path, headers={"Authorization": "Bearer garbage"})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_a_deactivated_user_can_neither_use_a_token_nor_log_in(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    response = await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)
    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert_problem(await client.get("/me", headers=alice.headers), 401)
    assert_problem(await client.get("/posts", headers=alice.headers), 401)
    assert_problem(await log_in(client, alice.user["email"]), 401)
