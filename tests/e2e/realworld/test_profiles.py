"""Profiles: get (token optional), follow and unfollow (token required)."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import errors_of, register, token
from tests.e2e.realworld.spec import assert_conforms


async def test_a_profile_is_public(client: AsyncClient, jake: dict[str, Any]) -> None:
    response = await client.get(f"/api/profiles/{jake['username']}")
    assert response.status_code == 200
    assert_conforms(response.json(), "ProfileResponse")
    assert response.json() == {
        "profile": {"username": jake["username"], "bio": "", "image": "", "following": False}
    }


async def test_usernames_are_found_whatever_their_case(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    response = await client.get(f"/api/profiles/{jake['username'].upper()}")
    assert response.status_code == 200
    assert response.json()["profile"]["username"] == jake["username"]


async def test_mixed_case_usernames_are_kept_as_written(client: AsyncClient) -> None:
    jacob = await register(client, username="Jacob_Mixed", email="jacob.mixed@example.com")
    assert jacob["username"] == "Jacob_Mixed"
    profile = (await client.get("/api/profiles/jacob_mixed")).json()["profile"]
    assert profile["username"] == "Jacob_Mixed"


async def test_an_unknown_profile_is_a_404(client: AsyncClient) -> None:
    response = await client.get("/api/profiles/nobody-here")
    assert errors_of(response, 404) == {"profile": ["not found"]}


async def test_following_shows_in_the_profile_until_unfollowed(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    path = f"/api/profiles/{jane['username']}/follow"
    followed = await client.post(path, headers=token(jake))
    assert followed.status_code == 200
    assert_conforms(followed.json(), "ProfileResponse")
    assert followed.json()["profile"]["following"] is True
    seen = await client.get(f"/api/profiles/{jane['username']}", headers=token(jake))
    assert seen.json()["profile"]["following"] is True
    anonymous = await client.get(f"/api/profiles/{jane['username']}")
    assert anonymous.json()["profile"]["following"] is False
    again = await client.post(path, headers=token(jake))
    assert again.json()["profile"]["following"] is True
    unfollowed = await client.delete(path, headers=token(jake))
    assert unfollowed.status_code == 200
    assert unfollowed.json()["profile"]["following"] is False
    seen = await client.get(f"/api/profiles/{jane['username']}", headers=token(jake))
    assert seen.json()["profile"]["following"] is False


async def test_following_is_for_the_follower_only(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    await client.post(f"/api/profiles/{jane['username']}/follow", headers=token(jake))
    seen_by_jane = await client.get(f"/api/profiles/{jake['username']}", headers=token(jane))
    assert seen_by_jane.json()["profile"]["following"] is False


@pytest.mark.parametrize("method", ["POST", "DELETE"])
async def test_following_needs_a_token(
    client: AsyncClient, jane: dict[str, Any], method: str
) -> None:
    response = await client.request(method, f"/api/profiles/{jane['username']}/follow")
    assert errors_of(response, 401) == {"token": ["is missing"]}


@pytest.mark.parametrize("method", ["POST", "DELETE"])
async def test_following_an_unknown_user_is_a_404(
    client: AsyncClient, jake: dict[str, Any], method: str
) -> None:
    response = await client.request(method, "/api/profiles/nobody-here/follow", headers=token(jake))
    assert errors_of(response, 404) == {"profile": ["not found"]}


async def test_nobody_follows_themself(client: AsyncClient, jake: dict[str, Any]) -> None:
    path = f"/api/profiles/{jake['username']}/follow"
    response = await client.post(path, headers=token(jake))
    assert response.status_code == 422
    errors_of(response, 422)
    profile = (await client.get(f"/api/profiles/{jake['username']}", headers=token(jake))).json()
    assert profile["profile"]["following"] is False
