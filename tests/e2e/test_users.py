import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp
from tests.e2e.helpers import PASSWORD, assert_problem, fields_of, register, user_body


async def test_register_returns_the_user_with_a_location(client: AsyncClient) -> None:
    body = user_body(email="  Ada@Example.COM ", age=36, username="Ada_L")
    response = await client.post("/users", json=body)
    assert response.status_code == 201
    user = response.json()
    assert response.headers["location"] == f"/users/{user['id']}"
    assert user["email"] == "ada@example.com"
    assert user["username"] == "Ada_L"  # kept as written; unique whatever its case
    assert (user["name"], user["age"], user["role"], user["is_active"]) == (
        "Ada Lovelace",
        36,
        "user",
        True,
    )
    assert "password" not in response.text
    assert "hash" not in response.text


async def test_username_is_derived_from_the_email_when_left_out(client: AsyncClient) -> None:
    first = await register(client, email="grace.hopper@example.com")
    second = await register(client, email="grace.hopper@example.org")
    assert first["username"] == "gracehopper"
    assert second["username"].startswith("gracehopper-")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        pytest.param({"email": "not-an-email"}, "email", id="bad-email"),
        pytest.param({"name": "A"}, "name", id="short-name"),
        pytest.param({"name": "x" * 101}, "name", id="long-name"),
        pytest.param({"name": "   "}, "name", id="blank-name"),
        pytest.param({"password": "short"}, "password", id="short-password"),
        pytest.param({"password": "p" * 129}, "password", id="long-password"),
        pytest.param({"age": -1}, "age", id="negative-age"),
        pytest.param({"age": 151}, "age", id="old-age"),
        pytest.param({"username": "ab"}, "username", id="short-username"),
        pytest.param({"username": "no spaces"}, "username", id="bad-username"),
        pytest.param({"role": "admin"}, "role", id="role-is-not-accepted"),
    ],
)
async def test_register_refuses_invalid_input(
    client: AsyncClient, overrides: dict[str, object], field: str
) -> None:
    problem = assert_problem(await client.post("/users", json=user_body(**overrides)), 422)
    assert field in fields_of(problem)
    assert all(set(error) == {"field", "message"} for error in problem["errors"])


async def test_register_requires_every_mandatory_field(client: AsyncClient) -> None:
    problem = assert_problem(await client.post("/users", json={}), 422)
    assert fields_of(problem) == {"email", "name", "password"}


async def test_a_422_never_echoes_the_password(client: AsyncClient) -> None:
    secret = "hunter2-but-much-too-long-" * 6
    response = await client.post("/users", json=user_body(password=secret, age="old"))
    assert_problem(response, 422)
    assert "hunter2" not in response.text
    assert "input" not in response.json()["errors"][0]


async def test_duplicate_email_is_a_conflict_whatever_its_case(client: AsyncClient) -> None:
    await register(client, email="dup@example.com")
    response = await client.post("/users", json=user_body(email="DUP@example.com"))
    assert "e-mail" in assert_problem(response, 409)["detail"]


async def test_duplicate_username_is_a_conflict(client: AsyncClient) -> None:
    await register(client, username="taken")
    response = await client.post("/users", json=user_body(username="TAKEN"))
    assert "username" in assert_problem(response, 409)["detail"]


async def test_get_user_hides_the_email_from_others(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    anonymous = (await client.get(f"/users/{alice.id}")).json()
    as_bob = (await client.get(f"/users/{alice.id}", headers=bob.headers)).json()
    as_alice = (await client.get(f"/users/{alice.id}", headers=alice.headers)).json()
    assert "email" not in anonymous
    assert "email" not in as_bob
    assert as_alice["email"] == alice.user["email"]
    assert anonymous["name"] == "Alice"


async def test_admin_sees_every_email(client: AsyncClient, alice: Account, admin: Account) -> None:
    as_admin = (await client.get(f"/users/{alice.id}", headers=admin.headers)).json()
    assert as_admin["email"] == alice.user["email"]


async def test_unknown_user_is_404(client: AsyncClient) -> None:
    response = await client.get("/users/00000000-0000-4000-8000-000000000000")
    assert assert_problem(response, 404)["detail"] == "user not found"


async def test_malformed_user_id_is_422(client: AsyncClient) -> None:
    assert "user_id" in fields_of(assert_problem(await client.get("/users/nope"), 422))


async def test_list_users_pages_oldest_first(client: AsyncClient, sign_up: SignUp) -> None:
    names = [f"User {n}" for n in range(5)]
    for name in names:
        await sign_up(name=name)
    page = (await client.get("/users", params={"skip": 1, "limit": 2})).json()
    assert (page["total"], page["skip"], page["limit"]) == (5, 1, 2)
    assert [user["name"] for user in page["items"]] == names[1:3]
    assert all("email" not in user for user in page["items"])
    default = (await client.get("/users")).json()
    assert default["limit"] == 20
    assert len(default["items"]) == 5


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"limit": 0}, "limit", id="limit-zero"),
        pytest.param({"limit": 101}, "limit", id="limit-too-big"),
        pytest.param({"skip": -1}, "skip", id="negative-skip"),
        pytest.param({"skip": "x"}, "skip", id="skip-not-a-number"),
    ],
)
@pytest.mark.parametrize("path", ["/users", "/posts"])
async def test_pagination_bounds(
    client: AsyncClient, path: str, params: dict[str, object], field: str
) -> None:
    assert field in fields_of(assert_problem(await client.get(path, params=params), 422))


async def test_list_users_shows_each_caller_only_their_own_email(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    page = (await client.get("/users", headers=alice.headers)).json()
    emails = {user["id"]: user.get("email") for user in page["items"]}
    assert emails == {alice.id: alice.user["email"], bob.id: None}


async def test_register_with_a_known_password_then_log_in(client: AsyncClient) -> None:
    user = await register(client, username="pw-user")
    response = await client.post("/token", data={"username": "PW-User", "password": PASSWORD})
    assert response.status_code == 200
    me = await client.get(
        "/me", headers={"Authorization": f"Bearer {response.json()['access_token']}"}
    )
    assert me.json()["id"] == user["id"]
