"""Changing the e-mail address over HTTP on memory, SQLite and PostgreSQL: the current
password is needed, the old address is told, the new one is unverified until proven; with
FOLIO_REQUIRE_VERIFIED_EMAIL=true the move waits for the proof (on RealWorld's PUT /api/user
too)."""

from pathlib import Path

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.accounts import accounts_container, mailbox, token_in_mail
from tests.e2e.conftest import BACKENDS, Account, serve
from tests.e2e.helpers import PASSWORD, assert_problem, bearer, log_in, register
from tests.e2e.test_notifications import mails_to

NEW = "countess@example.com"


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return accounts_container(request.param, tmp_path)


@pytest.fixture(params=BACKENDS)
def strict(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return accounts_container(request.param, tmp_path, require_verified_email=True)


async def _change(client: AsyncClient, account: Account, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return await client.post(
        "/me/email", json={"email": email, "password": password}, headers=account.headers
    )


async def test_the_current_password_is_needed(client: AsyncClient, alice: Account):
    assert_problem(await _change(client, alice, NEW, "not my password"), 401)
    assert_problem(await _change(client, alice, "not an address"), 422)

    assert (await client.get("/me", headers=alice.headers)).json()["email"] == alice.user["email"]


async def test_a_taken_address_is_a_conflict(client: AsyncClient, alice: Account, bob: Account):
    assert_problem(await _change(client, alice, bob.user["email"]), 409)


async def test_by_default_the_move_is_at_once_and_the_new_address_unverified(
    client: AsyncClient, container: Container, alice: Account
):
    old = alice.user["email"]

    moved = await _change(client, alice, NEW)

    assert moved.status_code == 200, moved.text
    assert (moved.json()["email"], moved.json()["email_verified"]) == (NEW, False)
    (notice,) = await mails_to(mailbox(container), old, subject="new e-mail address")
    assert NEW not in notice.text
    token = await token_in_mail(mailbox(container), NEW, "verify")
    assert (await client.post("/verify-email", json={"token": token})).status_code == 200
    assert (await client.get("/me", headers=alice.headers)).json()["email_verified"] is True
    assert (await log_in(client, NEW)).status_code == 200
    assert (await log_in(client, old)).status_code == 401


async def test_with_verification_required_the_move_waits_for_the_proof(strict: Container):
    async with serve(create_app(strict)) as client:
        user = await register(client, name="Alice")
        alice = Account(user, await bearer(client, user["email"]))
        old = user["email"]

        pending = await _change(client, alice, NEW)

        assert pending.status_code == 200, pending.text
        assert pending.json()["email"] == old
        token = await token_in_mail(mailbox(strict), NEW, "confirm your new")
        assert (await log_in(client, NEW)).status_code == 401
        confirmed = await client.post("/verify-email", json={"token": token})
        assert confirmed.status_code == 200, confirmed.text
        assert (confirmed.json()["email"], confirmed.json()["email_verified"]) == (NEW, True)
        await mails_to(mailbox(strict), old, subject="new e-mail address")
        assert (await log_in(client, NEW)).status_code == 200
        assert_problem(await client.post("/verify-email", json={"token": token}), 400)


async def test_realworld_waits_for_the_proof_too_when_required(strict: Container):
    async with serve(create_app(strict)) as client:
        user = await register(client, name="Alice")
        jwt = (await bearer(client, user["email"]))["Authorization"].removeprefix("Bearer ")

        put = await client.put(
            "/api/user",
            json={"user": {"email": NEW}},
            headers={"Authorization": f"Token {jwt}"},
        )

        assert put.status_code == 200, put.text
        assert put.json()["user"]["email"] == user["email"]
        token = await token_in_mail(mailbox(strict), NEW, "confirm your new")
        assert (await client.post("/verify-email", json={"token": token})).status_code == 200
        assert (await log_in(client, NEW)).status_code == 200
