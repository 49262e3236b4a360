"""HTTP caching and concurrency control on memory, SQLite and PostgreSQL: strong ETags on reads,
304 for a current If-None-Match, If-Match on PATCH and DELETE (a stale one is a 412 and changes
nothing, also between two concurrent editors), Cache-Control public for lists and no-store for
private answers."""

import asyncio
from pathlib import Path

import pytest
from httpx import AsyncClient, Response

from entrypoints.container import Container
from entrypoints.http.app import create_app
from tests.e2e.conftest import Account, make_container, serve, storage_settings
from tests.e2e.helpers import assert_problem, create_post


def _etag(response: Response) -> str:
    etag = response.headers["etag"]
    assert etag.startswith('"'), etag  # strong: no W/ prefix
    assert etag.endswith('"'), etag
    return etag


async def test_a_post_answers_a_strong_etag_and_304_when_it_is_current(
    client: AsyncClient, alice: Account
) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    first = await client.get(path)
    etag = _etag(first)
    assert first.headers["cache-control"] == "public, max-age=5"

    again = await client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    assert (await client.get(path, headers={"If-None-Match": f"W/{etag}"})).status_code == 304
    assert (await client.get(path, headers={"If-None-Match": '"0-x", ' + etag})).status_code == 304
    other = await client.get(path, headers={"If-None-Match": '"1-0000"'})
    assert other.status_code == 200
    assert other.json() == first.json()


async def test_a_change_changes_the_etag(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    before = _etag(await client.get(path))

    changed = await client.patch(path, json={"title": "A new title"}, headers=alice.headers)

    assert changed.status_code == 200
    after = _etag(await client.get(path))
    assert after != before
    assert changed.headers["etag"] == after
    assert (await client.get(path, headers={"If-None-Match": before})).status_code == 200


async def test_if_match_lets_a_current_edit_through(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    etag = _etag(await client.get(path))

    headers = {**alice.headers, "If-Match": etag}
    response = await client.patch(path, json={"title": "Edited with care"}, headers=headers)

    assert response.status_code == 200
    assert response.json()["title"] == "Edited with care"
    star = {**alice.headers, "If-Match": "*"}
    assert (
        await client.patch(path, json={"content": "Any version."}, headers=star)
    ).status_code == 200


@pytest.mark.parametrize(
    "stale",
    [
        pytest.param(None, id="older-version"),
        pytest.param("weak", id="weak-tag"),
        pytest.param('"not-a-tag"', id="malformed"),
        pytest.param('"999-abc"', id="unknown-version"),
    ],
)
async def test_a_stale_if_match_is_a_412_and_changes_nothing(
    client: AsyncClient, alice: Account, stale: str | None
) -> None:
    post = await create_post(client, alice.headers, title="The original title")
    path = f"/posts/{post['id']}"
    old = _etag(await client.get(path))
    await client.patch(path, json={"content": "Someone else's edit."}, headers=alice.headers)
    current = await client.get(path)
    given = old if stale is None else (f"W/{_etag(current)}" if stale == "weak" else stale)
    headers = {**alice.headers, "If-Match": given}

    patched = await client.patch(path, json={"title": "My lost update"}, headers=headers)
    deleted = await client.delete(path, headers=headers)

    assert assert_problem(patched, 412)["type"].endswith("precondition-failed")
    assert_problem(deleted, 412)
    after = await client.get(path)
    assert after.json() == current.json()
    assert after.headers["etag"] == current.headers["etag"]


async def test_delete_with_a_current_if_match(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    etag = _etag(await client.get(path))

    response = await client.delete(path, headers={**alice.headers, "If-Match": etag})

    assert response.status_code == 204
    assert_problem(await client.get(path), 404)


async def test_without_if_match_edits_are_as_before(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    for title in ("First edit here", "Second edit here"):
        response = await client.patch(path, json={"title": title}, headers=alice.headers)
        assert response.status_code == 200
    assert (await client.get(path)).json()["title"] == "Second edit here"


async def test_two_editors_with_one_etag_one_wins_one_gets_412(
    client: AsyncClient, alice: Account
) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    headers = {**alice.headers, "If-Match": _etag(await client.get(path))}

    answers = await asyncio.gather(
        *(client.patch(path, json={"title": f"Editor {n} wins"}, headers=headers) for n in (1, 2))
    )

    assert sorted(answer.status_code for answer in answers) == [200, 412]
    (winner,) = [answer for answer in answers if answer.status_code == 200]
    assert (await client.get(path)).json()["title"] == winner.json()["title"]


async def test_my_profile_is_private_and_honours_if_match(
    client: AsyncClient, alice: Account
) -> None:
    me = await client.get("/me", headers=alice.headers)
    etag = _etag(me)
    assert me.headers["cache-control"] == "no-store"
    assert (
        await client.get("/me", headers={**alice.headers, "If-None-Match": etag})
    ).status_code == 304

    updated = await client.patch(
        "/me", json={"name": "Ada Byron"}, headers={**alice.headers, "If-Match": etag}
    )
    stale = await client.patch(
        "/me", json={"name": "Lost Update"}, headers={**alice.headers, "If-Match": etag}
    )

    assert updated.status_code == 200
    assert updated.headers["etag"] != etag
    assert_problem(stale, 412)
    assert (await client.get("/me", headers=alice.headers)).json()["name"] == "Ada Byron"


async def test_lists_are_public_and_conditional(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    await create_post(client, alice.headers)
    for path in ("/posts", "/users"):
        first = await client.get(path)
        assert first.headers["cache-control"] == "public, max-age=5"
        again = await client.get(path, headers={"If-None-Match": _etag(first)})
        assert again.status_code == 304
    as_admin = await client.get("/users", headers=admin.headers)  # shows e-mails: private
    assert as_admin.headers["cache-control"] == "no-store"
    own_draft = await create_post(client, alice.headers, published=False)
    draft = await client.get(f"/posts/{own_draft['id']}", headers=alice.headers)
    assert draft.headers["cache-control"] == "no-store"


async def test_tags_comments_and_profiles_are_public_and_conditional_when_anonymous(
    client: AsyncClient, alice: Account
) -> None:
    post = await create_post(client, alice.headers, tags=["engines"])
    said = await client.post(
        f"/posts/{post['id']}/comments", headers=alice.headers, json={"body": "First!"}
    )
    assert said.status_code == 201, said.text
    profile = f"/users/{alice.user['username']}/profile"
    for path in ("/tags", f"/posts/{post['id']}/comments", profile):
        first = await client.get(path)
        assert first.status_code == 200, first.text
        assert first.headers["cache-control"] == "public, max-age=5"
        again = await client.get(path, headers={"If-None-Match": _etag(first)})
        assert (again.status_code, again.content) == (304, b"")
        signed_in = await client.get(path, headers=alice.headers)  # may say "following"
        assert signed_in.headers["cache-control"] == "no-store"
    comments = f"/posts/{post['id']}/comments"
    before = _etag(await client.get(comments))
    await client.post(comments, headers=alice.headers, json={"body": "Second."})
    assert (await client.get(comments, headers={"If-None-Match": before})).status_code == 200


async def test_the_max_age_is_a_setting(tmp_path: Path) -> None:
    container: Container = make_container(
        http_cache_max_age=60, **storage_settings("memory", tmp_path)
    )
    async with serve(create_app(container)) as client:
        response = await client.get("/posts")
    assert response.headers["cache-control"] == "public, max-age=60"
