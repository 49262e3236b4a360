"""Other users and anonymous callers see a public profile only (username, name, bio, image);
age, role, active state and e-mail are for the user themself and for admins."""

from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp

PRIVATE = {"age", "role", "is_active", "email", "email_notifications", "email_verified"}


async def test_others_and_anonymous_callers_see_the_public_profile_only(
    client: AsyncClient, sign_up: SignUp, bob: Account
):
    alice = await sign_up(name="Alice", age=36, bio="Engines.")

    for headers in ({}, bob.headers):
        one = (await client.get(f"/users/{alice.id}", headers=headers)).json()
        listed = (await client.get("/users", headers=headers)).json()["items"]
        for seen in (one, *(u for u in listed if u["id"] == alice.id)):
            assert not PRIVATE & seen.keys(), seen
            assert (seen["username"], seen["name"], seen["bio"]) == (
                alice.user["username"],
                "Alice",
                "Engines.",
            )


async def test_the_user_and_admins_see_the_private_fields(
    client: AsyncClient, sign_up: SignUp, admin: Account
):
    alice = await sign_up(name="Alice", age=36)

    for headers in (alice.headers, admin.headers):
        seen = (await client.get(f"/users/{alice.id}", headers=headers)).json()
        assert (seen["age"], seen["role"], seen["is_active"]) == (36, "user", True)
        assert seen["email"] == alice.user["email"]
    me = (await client.get("/me", headers=alice.headers)).json()
    assert me.keys() >= PRIVATE
    listed = (await client.get("/users", headers=admin.headers)).json()["items"]
    assert all({"role", "is_active"} <= user.keys() for user in listed)


async def test_the_list_does_not_name_the_admins(
    client: AsyncClient, alice: Account, admin: Account
):
    listed = (await client.get("/users", headers=alice.headers)).json()["items"]

    assert {u["id"] for u in listed} >= {alice.id, admin.id}
    others = [u for u in listed if u["id"] != alice.id]
    assert all("role" not in user for user in others)


async def test_realworld_profiles_are_public_fields_only(client: AsyncClient, alice: Account):
    profile = (await client.get(f"/api/profiles/{alice.user['username']}")).json()["profile"]

    assert set(profile) == {"username", "bio", "image", "following"}
