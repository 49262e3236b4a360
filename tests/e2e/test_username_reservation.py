"""A username its owner changed away from stays reserved for them
(FOLIO_USERNAME_RESERVATION_DAYS), on memory, SQLite and PostgreSQL: the old profile link
finds nobody, and nobody else can take the name meanwhile, on either API."""

from pathlib import Path

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import BACKENDS, Account, SignUp, make_container, serve, storage_settings
from tests.e2e.helpers import assert_problem, bearer, register


async def _rename(client: AsyncClient, account: Account, username: str):  # type: ignore[no-untyped-def]
    return await client.patch("/me", json={"username": username}, headers=account.headers)


async def test_a_left_username_stays_its_owners(client: AsyncClient, sign_up: SignUp):
    alice = await sign_up(name="Alice", username="alice-l")
    bob = await sign_up(name="Bob", username="bob-l")

    assert (await _rename(client, alice, "countess-l")).status_code == 200
    assert_problem(await client.get("/users/alice-l/profile"), 404)
    assert_problem(await _rename(client, bob, "Alice-L"), 409)
    jwt = bob.headers["Authorization"].removeprefix("Bearer ")
    realworld = await client.put(
        "/api/user",
        json={"user": {"username": "alice-l"}},
        headers={"Authorization": f"Token {jwt}"},
    )
    assert realworld.status_code == 422, realworld.text
    taken = await client.post(
        "/users",
        json={
            "email": "eve@example.com",
            "name": "Eve",
            "password": "correct horse battery",
            "username": "alice-l",
        },
    )
    assert_problem(taken, 409)

    back = await _rename(client, alice, "alice-l")
    assert back.status_code == 200, back.text


@pytest.fixture(params=BACKENDS)
def no_reservation(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return make_container(username_reservation_days=0, **storage_settings(request.param, tmp_path))


async def test_with_no_reservation_the_name_is_free_at_once(no_reservation: Container):
    async with serve(create_app(no_reservation)) as client:
        accounts = []
        for name in ("alice-z", "bob-z"):
            user = await register(client, name=name, username=name)
            accounts.append(Account(user, await bearer(client, user["email"])))
        alice, bob = accounts

        assert (await _rename(client, alice, "countess-z")).status_code == 200
        assert (await _rename(client, bob, "alice-z")).status_code == 200
