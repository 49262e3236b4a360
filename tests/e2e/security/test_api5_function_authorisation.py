"""OWASP API5:2023 Broken function-level authorisation: every admin route refuses a user and
an anonymous caller, and changes nothing."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem

# (method, path template): every route only admins may call (docs/security.md keeps the list).
ADMIN_ROUTES = [("POST", "/users/{user_id}/deactivate")]


@pytest.mark.parametrize(("method", "template"), ADMIN_ROUTES)
async def test_every_admin_route_refuses_users_and_strangers(
    client: AsyncClient, alice: Account, bob: Account, method: str, template: str
):
    path = template.format(user_id=alice.id)
    assert_problem(await client.request(method, path, headers=bob.headers), 403)
    assert_problem(await client.request(method, path, headers=alice.headers), 403)
    assert_problem(await client.request(method, path), 401)
    assert (await client.get("/me", headers=alice.headers)).json()["is_active"] is True
