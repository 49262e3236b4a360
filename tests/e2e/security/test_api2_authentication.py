"""OWASP API2:2023 Broken authentication: every token that is not one Folio issued to an
active user is refused (RFC 8725), and password guessing meets 429."""

import time
import uuid
from typing import Any

import jwt
import pytest
from httpx import AsyncClient

from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve
from tests.e2e.helpers import assert_problem, log_in, register
from tests.settings import GENEROUS_LIMITS, TEST_SECRET


def claims(user_id: str, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    values = {
        "sub": user_id,
        "iat": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
        "iss": "folio",
        "aud": "folio-api",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def tampered(token: str, user_id: str) -> str:
    header, _, signature = token.split(".")
    payload = jwt.utils.base64url_encode(jwt.api_jws.json.dumps(claims(user_id)).encode()).decode()
    return f"{header}.{payload}.{signature}"


# The forger signs with the server's own secret and HS512, whose recommended key is longer:
# PyJWT warns about the key, which is the point of the forgery.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda uid, _: jwt.encode(claims(uid), "not-the-key" * 4), id="wrong-key"),
        pytest.param(lambda uid, _: jwt.encode(claims(uid), None, algorithm="none"), id="alg-none"),
        pytest.param(
            lambda uid, _: jwt.encode(claims(uid, exp=int(time.time()) - 5), TEST_SECRET),
            id="expired",
        ),
        pytest.param(
            lambda uid, _: jwt.encode(claims(uid, aud="another-api"), TEST_SECRET),
            id="other-audience",
        ),
        pytest.param(
            lambda uid, _: jwt.encode(claims(uid, iss="someone-else"), TEST_SECRET),
            id="other-issuer",
        ),
        pytest.param(lambda uid, _: jwt.encode(claims(uid, exp=None), TEST_SECRET), id="no-expiry"),
        pytest.param(
            lambda uid, _: jwt.encode(claims(uid), TEST_SECRET, headers={"typ": "refresh+jwt"}),
            id="wrong-type",
        ),
        pytest.param(
            lambda uid, _: jwt.encode(claims(uid), TEST_SECRET, algorithm="HS512"),
            id="other-algorithm",
        ),
        pytest.param(lambda uid, own: tampered(own, uid), id="tampered-subject"),
        pytest.param(lambda uid, own: own[:-4] + "AAAA", id="bad-signature"),
    ],
)
async def test_a_token_folio_did_not_issue_is_refused(
    client: AsyncClient, alice: Account, bob: Account, forge: Any
):
    own = bob.headers["Authorization"].removeprefix("Bearer ")
    token = forge(alice.id, own)

    response = await client.get("/me", headers={"Authorization": f"Bearer {token}"})

    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_a_deactivated_users_token_stops_working(
    client: AsyncClient, alice: Account, admin: Account
):
    await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)
    assert_problem(await client.get("/me", headers=alice.headers), 401)


async def test_password_guessing_meets_429_before_the_password_is_found():
    app = create_app(make_container(**{**GENEROUS_LIMITS, "rate_limit_login_account": "5/hour"}))
    async with serve(app) as client:
        victim = await register(client)
        guesses = [f"guess number {n}" for n in range(10)] + ["correct horse battery"]
        statuses = [(await log_in(client, victim["email"], g)).status_code for g in guesses]
    assert statuses[:5] == [401] * 5
    assert set(statuses[5:]) == {429}  # the right password, guessed last, never logs in
