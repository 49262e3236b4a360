import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp
from tests.e2e.helpers import PASSWORD, assert_problem, fields_of, log_in


async def test_me_shows_the_caller_with_their_email(client: AsyncClient, alice: Account) -> None:
    response = await client.get("/me", headers=alice.headers)
    assert response.status_code == 200
    assert response.json() == alice.user


async def test_update_me_changes_only_given_fields(client: AsyncClient, sign_up: SignUp) -> None:
    account = await sign_up(name="Before", age=30)
    response = await client.patch("/me", json={"name": "After"}, headers=account.headers)
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["age"]) == ("After", 30)
    response = await client.patch("/me", json={"age": 31}, headers=account.headers)
    assert (response.json()["name"], response.json()["age"]) == ("After", 31)
    assert (await client.get("/me", headers=account.headers)).json()["age"] == 31


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"name": "A"}, "name", id="short-name"),
        pytest.param({"age": 200}, "age", id="age-out-of-range"),
        pytest.param({"email": "new@example.com"}, "email", id="email-is-not-editable"),
        pytest.param({"role": "admin"}, "role", id="role-is-not-editable"),
    ],
)
async def test_update_me_refuses_invalid_input(
    client: AsyncClient, alice: Account, body: dict[str, object], field: str
) -> None:
    response = await client.patch("/me", json=body, headers=alice.headers)
    assert field in fields_of(assert_problem(response, 422))


async def test_change_password(client: AsyncClient, alice: Account) -> None:
    body = {"current_password": PASSWORD, "new_password": "a brand new secret"}
    response = await client.post("/me/password", json=body, headers=alice.headers)
    assert response.status_code == 204
    assert response.content == b""
    email = alice.user["email"]
    assert_problem(await log_in(client, email), 401)
    assert (await log_in(client, email, "a brand new secret")).status_code == 200


async def test_change_password_with_a_wrong_current_one_is_401(
    client: AsyncClient, alice: Account
) -> None:
    body = {"current_password": "not my password", "new_password": "a brand new secret"}
    response = await client.post("/me/password", json=body, headers=alice.headers)
    assert_problem(response, 401)
    assert (await log_in(client, alice.user["email"])).status_code == 200


async def test_change_password_refuses_a_short_new_one(client: AsyncClient, alice: Account) -> None:
    body = {"current_password": PASSWORD, "new_password": "short"}
    response = await client.post("/me/password", json=body, headers=alice.headers)
    assert fields_of(assert_problem(response, 422)) == {"new_password"}
    assert "short" not in response.text.replace("too short", "").replace("shorter", "")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/me", id="get-me"),
        pytest.param("PATCH", "/me", id="patch-me"),
        pytest.param("POST", "/me/password", id="change-password"),
    ],
)
async def test_me_routes_need_a_token(client: AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, path, json={})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
