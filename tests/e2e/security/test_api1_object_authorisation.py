"""OWASP API1:2023 Broken object-level authorisation: one user cannot read, change or delete
another's objects by naming their ids (drafts here; other suites cover later resources)."""

from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post


async def test_another_users_draft_cannot_be_read_changed_or_deleted(
    client: AsyncClient, alice: Account, bob: Account
):
    draft = await create_post(client, alice.headers, published=False, title="Secret plans")
    path = f"/posts/{draft['id']}"

    assert_problem(await client.get(path, headers=bob.headers), 404)
    assert_problem(await client.get(path), 404)
    assert_problem(await client.patch(path, json={"title": "Mine now"}, headers=bob.headers), 404)
    assert_problem(await client.delete(path, headers=bob.headers), 404)
    listed = await client.get("/posts", params={"author_id": alice.id}, headers=bob.headers)
    assert draft["id"] not in {post["id"] for post in listed.json()["items"]}

    kept = await client.get(path, headers=alice.headers)
    assert kept.json()["title"] == "Secret plans"


async def test_another_users_published_post_cannot_be_changed_or_deleted(
    client: AsyncClient, alice: Account, bob: Account
):
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"

    assert_problem(await client.patch(path, json={"title": "Defaced"}, headers=bob.headers), 403)
    assert_problem(await client.delete(path, headers=bob.headers), 403)
    assert (await client.get(path)).json()["title"] == post["title"]


async def test_another_users_private_fields_are_not_shown(
    client: AsyncClient, alice: Account, bob: Account
):
    seen = (await client.get(f"/users/{alice.id}", headers=bob.headers)).json()
    assert "email" not in seen
    listed = (await client.get("/users", headers=bob.headers)).json()["items"]
    assert all("email" not in user for user in listed if user["id"] != bob.id)
