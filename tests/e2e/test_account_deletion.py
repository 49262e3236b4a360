"""Deleting your own account over HTTP, on memory, SQLite and PostgreSQL: the password is
needed, every session ends, and nothing of the account stays readable (profile, posts,
comments), while the counts of others stay exact; or, with FOLIO_DELETED_USER_CONTENT=keep,
posts and comments stay under the "deleted user" placeholder."""

from pathlib import Path
from typing import Any

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import BACKENDS, Account, make_container, serve, storage_settings
from tests.e2e.helpers import PASSWORD, assert_problem, bearer, create_post, log_in, register


@pytest.fixture(params=BACKENDS)
def container(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    return make_container(**storage_settings(request.param, tmp_path))


async def _delete(client: AsyncClient, account: Account, password: str = PASSWORD) -> Any:
    return await client.request(
        "DELETE", "/me", json={"password": password}, headers=account.headers
    )


async def _traces(client: AsyncClient, alice: Account, bob: Account) -> dict[str, Any]:
    """Alice writes, comments on Bob's post, favourites it and follows Bob; Bob follows her."""
    own = await create_post(client, alice.headers, title="Alice on engines zyxwv")
    theirs = await create_post(client, bob.headers, title="Bob on looms")
    comment = await client.post(
        f"/posts/{theirs['id']}/comments", json={"body": "Nice looms."}, headers=alice.headers
    )
    assert comment.status_code == 201, comment.text
    for path, headers in [
        (f"/posts/{theirs['id']}/favorite", alice.headers),
        (f"/users/{bob.user['username']}/follow", alice.headers),
        (f"/users/{alice.user['username']}/follow", bob.headers),
    ]:
        assert (await client.post(path, headers=headers)).status_code == 200
    return {"own": own, "theirs": theirs, "comment": comment.json()}


async def test_a_wrong_password_deletes_nothing(client: AsyncClient, alice: Account):
    assert_problem(await _delete(client, alice, "not my password"), 401)

    assert (await client.get("/me", headers=alice.headers)).status_code == 200


async def test_a_password_is_needed(client: AsyncClient, alice: Account):
    refused = await client.request("DELETE", "/me", json={}, headers=alice.headers)

    assert_problem(refused, 422)


async def test_nothing_of_a_deleted_account_stays_readable(
    client: AsyncClient, alice: Account, bob: Account
):
    traces = await _traces(client, alice, bob)
    name = alice.user["username"]

    deleted = await _delete(client, alice)

    assert deleted.status_code == 204, deleted.text
    assert_problem(await client.get("/me", headers=alice.headers), 401)
    assert (await log_in(client, alice.user["email"])).status_code == 401
    assert_problem(await client.get(f"/users/{alice.id}", headers=bob.headers), 404)
    assert_problem(await client.get(f"/users/{name}/profile"), 404)
    assert (await client.get(f"/api/profiles/{name}")).status_code == 404
    assert_problem(await client.get(f"/posts/{traces['own']['id']}"), 404)
    assert (await client.get("/posts", params={"author": name})).json()["total"] == 0
    assert (await client.get("/posts", params={"q": "zyxwv"})).json()["total"] == 0
    comments = (await client.get(f"/posts/{traces['theirs']['id']}/comments")).json()
    assert comments["items"] == []
    post = (await client.get(f"/posts/{traces['theirs']['id']}", headers=bob.headers)).json()
    assert post["favorites_count"] == 0
    profile = (await client.get(f"/users/{bob.user['username']}/profile")).json()
    assert (profile["followers_count"], profile["following_count"]) == (0, 0)
    users = (await client.get("/users")).json()
    assert alice.id not in {user["id"] for user in users["items"]}


async def test_the_address_and_username_are_free_again(client: AsyncClient, alice: Account):
    await _delete(client, alice)

    again = await client.post(
        "/users",
        json={"email": alice.user["email"], "name": "Alice again", "password": PASSWORD},
    )

    assert again.status_code == 201, again.text


@pytest.fixture(params=BACKENDS)
def keeping(request: pytest.FixtureRequest, tmp_path: Path) -> Container:
    """A container that keeps the content of deleted accounts."""
    return make_container(deleted_user_content="keep", **storage_settings(request.param, tmp_path))


async def test_kept_content_is_shown_as_the_deleted_users(keeping: Container):
    async with serve(create_app(keeping)) as client:
        accounts = []
        for name in ("Alice", "Bob"):
            user = await register(client, name=name)
            accounts.append(Account(user, await bearer(client, user["email"])))
        alice, bob = accounts
        traces = await _traces(client, alice, bob)

        assert (await _delete(client, alice)).status_code == 204

        post = (await client.get(f"/posts/{traces['own']['id']}")).json()
        assert post["author"]["username"] == "deleted-user"
        assert post["author"]["name"] == "Deleted user"
        comments = (await client.get(f"/posts/{traces['theirs']['id']}/comments")).json()
        assert [c["author"]["username"] for c in comments["items"]] == ["deleted-user"]
        assert_problem(await client.get(f"/users/{alice.user['username']}/profile"), 404)
        assert_problem(await client.get("/users/deleted-user/profile"), 404)
        theirs = (await client.get(f"/posts/{traces['theirs']['id']}")).json()
        assert theirs["favorites_count"] == 0
        assert (await log_in(client, "deleted-user@folio.invalid", "!")).status_code in (401, 422)
