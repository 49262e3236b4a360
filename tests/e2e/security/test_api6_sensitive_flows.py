"""OWASP API6:2023 Unrestricted access to sensitive business flows: mass registration,
password-change (and reset) flooding and login flooding from one address are cut off."""

from entrypoints.http.app import create_app
from tests.e2e.conftest import make_container, serve
from tests.e2e.helpers import PASSWORD, assert_problem, bearer, register, user_body
from tests.settings import GENEROUS_LIMITS


async def test_mass_registration_from_one_address_is_cut_off():
    app = create_app(make_container(**{**GENEROUS_LIMITS, "rate_limit_register": "5/hour"}))
    async with serve(app) as client:
        statuses = [(await client.post("/users", json=user_body())).status_code for _ in range(8)]
        assert statuses == [201] * 5 + [429] * 3
        assert (await client.get("/users")).json()["total"] == 5


async def test_password_change_flooding_is_cut_off():
    app = create_app(make_container(**{**GENEROUS_LIMITS, "rate_limit_password": "3/hour"}))
    async with serve(app) as client:
        user = await register(client)
        headers = await bearer(client, user["email"])
        wrong = {"current_password": "not my password", "new_password": "a brand new secret"}
        for _ in range(3):
            assert (
                await client.post("/me/password", json=wrong, headers=headers)
            ).status_code == 401
        right = {"current_password": PASSWORD, "new_password": "a brand new secret"}
        assert_problem(await client.post("/me/password", json=right, headers=headers), 429)
        assert (await client.get("/me", headers=headers)).status_code == 200


async def test_logins_from_one_address_for_many_accounts_are_cut_off():
    limits = {**GENEROUS_LIMITS, "rate_limit_login_address": "5/hour"}
    async with serve(create_app(make_container(**limits))) as client:
        for n in range(5):
            data = {"username": f"victim{n}@example.com", "password": "Summer2024!"}
            assert (await client.post("/token", data=data)).status_code == 401
        data = {"username": "victim9@example.com", "password": "Summer2024!"}
        assert_problem(await client.post("/token", data=data), 429)
