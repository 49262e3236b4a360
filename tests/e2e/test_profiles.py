"""Profiles and follows over HTTP."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account, SignUp
from tests.e2e.helpers import assert_problem, fields_of


async def test_a_profile_by_username_in_any_case(client: AsyncClient, sign_up: SignUp) -> None:
    jake = await sign_up(username="Jake", bio="I work at statefarm")

    response = await client.get("/users/JAKE/profile")

    assert response.status_code == 200
    assert response.json() == {
        "id": jake.id,
        "username": "Jake",
        "name": "Ada Lovelace",
        "bio": "I work at statefarm",
        "image": None,
        "following": False,
        "followers_count": 0,
        "following_count": 0,
    }


async def test_follow_and_unfollow(client: AsyncClient, alice: Account, bob: Account) -> None:
    path = f"/users/{bob.user['username']}"

    followed = await client.post(f"{path}/follow", headers=alice.headers)
    twice = await client.post(f"{path}/follow", headers=alice.headers)
    seen = await client.get(f"{path}/profile", headers=alice.headers)
    unfollowed = await client.delete(f"{path}/follow", headers=alice.headers)

    assert followed.status_code == twice.status_code == 200
    assert (twice.json()["following"], twice.json()["followers_count"]) == (True, 1)
    assert seen.json()["following"] is True
    assert (unfollowed.json()["following"], unfollowed.json()["followers_count"]) == (False, 0)
    alice_profile = await client.get(f"/users/{alice.user['username']}/profile")
    assert alice_profile.json()["following_count"] == 0


async def test_follow_errors(client: AsyncClient, alice: Account) -> None:
    own = f"/users/{alice.user['username']}/follow"

    assert_problem(await client.post(own, headers=alice.headers), 422)
    assert_problem(await client.post("/users/ghost/follow", headers=alice.headers), 404)
    assert_problem(await client.post(own), 401)
    assert_problem(await client.get("/users/ghost/profile"), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"image": "javascript:alert(1)"}, "image", id="javascript-image"),
        pytest.param({"image": "data:text/html,<b>"}, "image", id="data-image"),
        pytest.param({"bio": "x" * 1001}, "bio", id="long-bio"),
        pytest.param({"username": "no spaces"}, "username", id="bad-username"),
    ],
)
async def test_bad_profile_changes_are_refused(
    client: AsyncClient, alice: Account, body: dict[str, str], field: str
) -> None:
    problem = assert_problem(await client.patch("/me", json=body, headers=alice.headers), 422)

    assert field in fields_of(problem)
    me = (await client.get("/me", headers=alice.headers)).json()
    assert (me["bio"], me["image"], me["username"]) == (None, None, alice.user["username"])


async def test_bio_image_and_username_change(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    body = {"bio": "Hi", "image": "https://img.example/a.png", "username": "AliceW"}
    response = await client.patch("/me", json=body, headers=alice.headers)
    taken = await client.patch(
        "/me", json={"username": bob.user["username"].upper()}, headers=alice.headers
    )

    assert response.status_code == 200
    me = response.json()
    assert (me["bio"], me["image"], me["username"]) == ("Hi", "https://img.example/a.png", "AliceW")
    assert_problem(taken, 409)
    assert (await client.get("/users/alicew/profile")).json()["bio"] == "Hi"
