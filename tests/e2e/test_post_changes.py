from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, fields_of

MISSING = "00000000-0000-4000-8000-000000000000"


async def test_author_updates_a_post(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers, published=False, tags=["old"])
    changes = {"title": "A better title", "tags": ["New", "new"], "published": True}
    response = await client.patch(f"/posts/{post['id']}", json=changes, headers=alice.headers)
    assert response.status_code == 200
    updated = response.json()
    assert (updated["title"], updated["tags"], updated["published"]) == (
        "A better title",
        ["new"],
        True,
    )
    assert (updated["slug"], updated["content"]) == (post["slug"], post["content"])
    assert updated["published_at"] is not None
    unpublished = await client.patch(
        f"/posts/{post['id']}", json={"published": False}, headers=alice.headers
    )
    assert unpublished.json()["published_at"] is None
    assert_problem(await client.get(f"/posts/{post['id']}"), 404)


async def test_only_the_author_updates(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}"
    assert_problem(await client.patch(path, json={"title": "Mine now"}, headers=bob.headers), 403)
    assert_problem(await client.patch(path, json={"title": "Mine now"}, headers=admin.headers), 403)
    assert_problem(await client.patch(path, json={"title": "Mine now"}), 401)
    assert_problem(await client.patch(f"/posts/{MISSING}", json={}, headers=alice.headers), 404)
    assert (await client.get(path)).json()["title"] == post["title"]


async def test_update_refuses_invalid_input(client: AsyncClient, alice: Account) -> None:
    path = f"/posts/{(await create_post(client, alice.headers))['id']}"
    for body, field in [
        ({"title": "abc"}, "title"),
        ({"content": "short"}, "content"),
        ({"author_id": alice.id}, "author_id"),
        ({"slug": "new-slug"}, "slug"),
    ]:
        response = await client.patch(path, json=body, headers=alice.headers)
        assert field in fields_of(assert_problem(response, 422))
    banned = await client.patch(path, json={"title": "More spam here"}, headers=alice.headers)
    assert fields_of(assert_problem(banned, 422)) == {"title"}


async def test_author_deletes_a_post(client: AsyncClient, alice: Account) -> None:
    post = await create_post(client, alice.headers)
    response = await client.delete(f"/posts/{post['id']}", headers=alice.headers)
    assert response.status_code == 204
    assert response.content == b""
    assert_problem(await client.get(f"/posts/{post['id']}"), 404)
    assert_problem(await client.delete(f"/posts/{post['id']}", headers=alice.headers), 404)


async def test_admin_deletes_any_post_others_may_not(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    draft = await create_post(client, alice.headers, title="Secret draft", published=False)
    assert_problem(await client.delete(f"/posts/{post['id']}", headers=bob.headers), 403)
    assert_problem(await client.delete(f"/posts/{draft['id']}", headers=bob.headers), 404)
    assert_problem(await client.delete(f"/posts/{post['id']}"), 401)
    for target in (post, draft):
        response = await client.delete(f"/posts/{target['id']}", headers=admin.headers)
        assert response.status_code == 204
