from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem

MISSING = "00000000-0000-4000-8000-000000000000"


async def test_admin_deactivates_a_user(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    response = await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)
    assert response.status_code == 200
    user = response.json()
    assert (user["id"], user["is_active"], user["email"]) == (alice.id, False, alice.user["email"])
    again = await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)
    assert again.status_code == 200


async def test_only_admins_deactivate(client: AsyncClient, alice: Account, bob: Account) -> None:
    response = await client.post(f"/users/{alice.id}/deactivate", headers=bob.headers)
    assert_problem(response, 403)
    own = await client.post(f"/users/{alice.id}/deactivate", headers=alice.headers)
    assert_problem(own, 403)
    anonymous = await client.post(f"/users/{alice.id}/deactivate")
    assert_problem(anonymous, 401)
    assert (await client.get("/me", headers=alice.headers)).status_code == 200


async def test_deactivating_an_unknown_user_is_404(client: AsyncClient, admin: Account) -> None:
    assert_problem(await client.post(f"/users/{MISSING}/deactivate", headers=admin.headers), 404)


async def test_deactivated_users_are_seen_by_admins_only(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    await client.post(f"/users/{alice.id}/deactivate", headers=admin.headers)

    public = (await client.get("/users", headers=bob.headers)).json()
    assert alice.id not in {user["id"] for user in public["items"]}
    assert public["total"] == 2
    assert_problem(await client.get(f"/users/{alice.id}", headers=bob.headers), 404)

    full = (await client.get("/users", headers=admin.headers)).json()
    assert full["total"] == 3
    by_id = {user["id"]: user for user in full["items"]}
    assert by_id[alice.id]["is_active"] is False
    assert all("email" in user for user in full["items"])
    seen = await client.get(f"/users/{alice.id}", headers=admin.headers)
    assert seen.json()["is_active"] is False
