"""Keys over HTTP: rotation without logging anyone out, the JWKS, alg and typ confusion."""

from pathlib import Path
from typing import Any

import jwt
import pytest
from httpx import AsyncClient

from adapters.security.keys import generate
from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve, storage_settings
from tests.e2e.helpers import PASSWORD, assert_problem, user_body

OLD, NEW = generate("HS256"), generate("HS256")


async def sign_up(client: AsyncClient) -> str:
    body = user_body()
    assert (await client.post("/users", json=body)).status_code == 201
    response = await client.post("/token", data={"username": body["email"], "password": PASSWORD})
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


async def me(client: AsyncClient, token: str) -> int:
    response = await client.get("/me", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


def app_with(database: dict[str, Any], **keys: Any) -> Any:
    return create_app(make_container(**database, **keys))


@pytest.fixture
def database(tmp_path: Path) -> dict[str, Any]:
    """An empty, migrated SQLite database that several apps in turn serve (made outside the
    test's event loop)."""
    return storage_settings("sqlite", tmp_path)


async def test_a_token_signed_with_the_old_key_works_until_the_key_is_dropped(
    database: dict[str, Any],
) -> None:
    async with serve(app_with(database, jwt_secret=OLD)) as client:
        token = await sign_up(client)

    rotated = {"jwt_secret": NEW, "jwt_verification_keys": [{"alg": "HS256", "key": OLD}]}
    async with serve(app_with(database, **rotated)) as client:
        assert await me(client, token) == 200
        fresh = await sign_up(client)
        assert jwt.get_unverified_header(fresh)["kid"] != jwt.get_unverified_header(token)["kid"]

    async with serve(app_with(database, jwt_secret=NEW)) as client:
        assert await me(client, token) == 401
        assert await me(client, fresh) == 200


async def test_the_jwks_publishes_the_eddsa_key_that_verifies_tokens(
    database: dict[str, Any],
) -> None:
    app = app_with(database, jwt_algorithm="EdDSA", jwt_private_key=generate("EdDSA"))
    async with serve(app) as client:
        token = await sign_up(client)
        response = await client.get("/.well-known/jwks.json")
        assert await me(client, token) == 200

    assert response.status_code == 200
    (key,) = response.json()["keys"]
    assert key["kid"] == jwt.get_unverified_header(token)["kid"]
    assert "d" not in key
    claims = jwt.decode(
        token, jwt.PyJWK(key).key, algorithms=["EdDSA"], audience="folio-api", issuer="folio"
    )
    assert claims["sid"]


async def test_the_jwks_is_empty_with_hmac_keys(client: AsyncClient) -> None:
    response = await client.get("/.well-known/jwks.json")
    assert (response.status_code, response.json()) == (200, {"keys": []})


# The forger signs with the server's own secret and HS512, whose recommended key is longer:
# PyJWT warns about the key, which is the point of the forgery.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
async def test_alg_none_and_retyped_tokens_are_refused(
    client: AsyncClient, container: Container
) -> None:
    token = await sign_up(client)
    header = {k: v for k, v in jwt.get_unverified_header(token).items() if k != "alg"}
    claims = jwt.decode(token, options={"verify_signature": False})
    secret = container.settings().signing_secret
    forged = [
        jwt.encode(claims, None, algorithm="none", headers={**header}),
        jwt.encode(claims, secret, algorithm="HS256", headers={**header, "typ": "JWT"}),
        jwt.encode(claims, secret, algorithm="HS512", headers=header),
    ]
    for token in forged:
        assert_problem(await client.get("/me", headers={"Authorization": f"Bearer {token}"}), 401)
