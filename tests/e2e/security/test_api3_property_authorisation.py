"""OWASP API3:2023 Broken object property-level authorisation: privileged properties cannot
be set through a body (mass assignment), and private ones never leave in a response."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, fields_of, post_body, user_body

PRIVILEGED = [
    pytest.param({"role": "admin"}, id="role"),
    pytest.param({"is_active": False}, id="is_active"),
    pytest.param({"id": "00000000-0000-4000-8000-000000000001"}, id="id"),
    pytest.param({"password_hash": "$argon2id$v=19$m=8,t=1,p=1$x$y"}, id="password_hash"),
    pytest.param({"created_at": "2000-01-01T00:00:00Z"}, id="created_at"),
]


@pytest.mark.parametrize("extra", PRIVILEGED)
async def test_registration_cannot_set_privileged_properties(client: AsyncClient, extra):
    response = await client.post("/users", json=user_body(**extra))
    assert set(extra) <= fields_of(assert_problem(response, 422))
    assert (await client.get("/users")).json()["total"] == 0


@pytest.mark.parametrize("extra", PRIVILEGED)
async def test_a_profile_update_cannot_set_privileged_properties(
    client: AsyncClient, alice: Account, extra
):
    response = await client.patch("/me", json={"name": "Alice B", **extra}, headers=alice.headers)
    assert_problem(response, 422)
    me = (await client.get("/me", headers=alice.headers)).json()
    assert (me["role"], me["is_active"], me["name"]) == ("user", True, "Alice")


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({"author_id": "00000000-0000-4000-8000-000000000001"}, id="author_id"),
        pytest.param({"slug": "chosen-slug"}, id="slug"),
        pytest.param({"published_at": "2000-01-01T00:00:00Z"}, id="published_at"),
    ],
)
async def test_a_post_cannot_set_privileged_properties(client: AsyncClient, alice: Account, extra):
    response = await client.post("/posts", json=post_body(**extra), headers=alice.headers)
    assert_problem(response, 422)


async def test_no_response_carries_a_hash_or_another_users_e_mail(
    client: AsyncClient, alice: Account, bob: Account
):
    await create_post(client, alice.headers)
    bodies = [
        await client.get("/me", headers=alice.headers),
        await client.get("/users", headers=bob.headers),
        await client.get(f"/users/{alice.id}", headers=bob.headers),
        await client.get("/posts", headers=bob.headers),
    ]
    for response in bodies:
        assert "argon2" not in response.text
        assert "password" not in response.text
    assert alice.user["email"] not in "".join(r.text for r in bodies[1:])
