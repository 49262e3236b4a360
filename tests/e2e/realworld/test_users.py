"""Registration, login and the current user, as the RealWorld specification has them."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.helpers import bearer
from tests.e2e.helpers import register as register_natively
from tests.e2e.realworld.helpers import (
    JSON_UTF8,
    PASSWORD,
    USER_FIELDS,
    errors_of,
    new_user,
    register,
    token,
)
from tests.e2e.realworld.spec import assert_conforms


async def test_registering_answers_201_with_the_user_and_a_token(client: AsyncClient) -> None:
    sent = new_user()
    response = await client.post("/api/users", json={"user": sent})
    assert response.status_code == 201, response.text
    assert response.headers["content-type"] == JSON_UTF8
    user = response.json()["user"]
    assert set(user) == USER_FIELDS
    assert user["email"] == sent["email"]
    assert user["username"] == sent["username"]
    assert user["bio"] == ""
    assert user["image"] == ""
    assert_conforms(response.json(), "UserResponse")
    current = await client.get("/api/user", headers=token(user))
    assert current.status_code == 200
    assert current.json()["user"]["email"] == sent["email"]


@pytest.mark.parametrize("field", ["username", "email", "password"])
async def test_registering_refuses_blank_fields(client: AsyncClient, field: str) -> None:
    response = await client.post("/api/users", json={"user": new_user(**{field: " "})})
    assert errors_of(response, 422) == {field: ["can't be blank"]}


@pytest.mark.parametrize("missing", ["username", "email", "password"])
async def test_registering_needs_every_field(client: AsyncClient, missing: str) -> None:
    user = new_user()
    del user[missing]
    response = await client.post("/api/users", json={"user": user})
    assert errors_of(response, 422) == {missing: ["can't be blank"]}


async def test_registering_needs_the_user_envelope(client: AsyncClient) -> None:
    response = await client.post("/api/users", json=new_user())
    assert "user" in errors_of(response, 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("email", "not-an-email", id="email"),
        pytest.param("username", "x" * 200, id="long-username"),
        pytest.param("password", "short", id="short-password"),
        pytest.param("email", 42, id="email-not-a-string"),
    ],
)
async def test_bad_registrations_name_the_field(
    client: AsyncClient, field: str, value: Any
) -> None:
    response = await client.post("/api/users", json={"user": new_user(**{field: value})})
    assert set(errors_of(response, 422)) == {field}


async def test_a_taken_email_is_a_422_in_realworld_format(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    response = await client.post("/api/users", json={"user": new_user(email=jake["email"].upper())})
    assert errors_of(response, 422) == {"email": ["has already been taken"]}


async def test_a_taken_username_is_a_422_whatever_its_case(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    response = await client.post(
        "/api/users", json={"user": new_user(username=jake["username"].upper())}
    )
    assert errors_of(response, 422) == {"username": ["has already been taken"]}


async def test_logging_in_answers_the_user_with_a_working_token(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    response = await client.post(
        "/api/users/login", json={"user": {"email": jake["email"], "password": PASSWORD}}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == JSON_UTF8
    assert_conforms(response.json(), "UserResponse")
    user = response.json()["user"]
    assert set(user) == USER_FIELDS
    assert {key: user[key] for key in ("email", "username", "bio", "image")} == {
        key: jake[key] for key in ("email", "username", "bio", "image")
    }
    current = await client.get("/api/user", headers=token(user))
    assert current.json()["user"]["username"] == jake["username"]


@pytest.mark.parametrize(
    ("email", "password"),
    [
        pytest.param(None, "not the password", id="wrong-password"),
        pytest.param("nobody@example.com", PASSWORD, id="unknown-email"),
    ],
)
async def test_bad_credentials_are_401_and_look_the_same(
    client: AsyncClient, jake: dict[str, Any], email: str | None, password: str
) -> None:
    body = {"user": {"email": email or jake["email"], "password": password}}
    response = await client.post("/api/users/login", json=body)
    assert errors_of(response, 401) == {"credentials": ["invalid"]}


async def test_logging_in_needs_email_and_password(client: AsyncClient) -> None:
    response = await client.post("/api/users/login", json={"user": {"email": "a@example.com"}})
    assert errors_of(response, 422) == {"password": ["can't be blank"]}


async def test_current_user_echoes_the_token_sent(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    response = await client.get("/api/user", headers=token(jake))
    assert response.status_code == 200
    assert response.json() == {"user": jake}
    assert_conforms(response.json(), "UserResponse")


async def test_bearer_is_accepted_too(client: AsyncClient, jake: dict[str, Any]) -> None:
    response = await client.get("/api/user", headers=token(jake, "Bearer"))
    assert response.status_code == 200
    assert response.json()["user"]["username"] == jake["username"]


async def test_tokens_of_the_native_api_work_here(client: AsyncClient) -> None:
    native = await register_natively(client)
    headers = await bearer(client, native["email"])
    response = await client.get("/api/user", headers=headers)
    assert response.status_code == 200
    assert response.json()["user"]["email"] == native["email"]


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(None, id="none"),
        pytest.param("Token", id="no-token"),
        pytest.param("Basic amFrZTpqYWtl", id="basic"),
        pytest.param("Token not.a.jwt", id="garbage"),
        pytest.param("Token a b", id="two-tokens"),
    ],
)
async def test_current_user_needs_a_valid_token(
    client: AsyncClient, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = await client.get("/api/user", headers=headers)
    expected = "is missing" if authorization is None else "is invalid"
    assert errors_of(response, 401) == {"token": [expected]}
    assert response.headers["www-authenticate"] == "Token"


async def test_replies_never_show_the_password_or_its_hash(client: AsyncClient) -> None:
    response = await client.post("/api/users", json={"user": new_user()})
    assert PASSWORD not in response.text
    assert "argon2" not in response.text
    assert "password" not in response.json()["user"]


async def test_registering_twice_changes_nothing(client: AsyncClient, jake: dict[str, Any]) -> None:
    again = new_user(email=jake["email"], password="another password")
    assert (await client.post("/api/users", json={"user": again})).status_code == 422
    body = {"user": {"email": jake["email"], "password": "another password"}}
    assert (await client.post("/api/users/login", json=body)).status_code == 401
    assert (await register(client)).get("token")
