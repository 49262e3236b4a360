"""Favourites, comments, the feed, tags, own posts and slugs over HTTP."""

from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post

MISSING = "00000000-0000-4000-8000-000000000000"


async def test_favourite_from_two_users(client: AsyncClient, alice: Account, bob: Account) -> None:
    post = await create_post(client, alice.headers, description="A summary")
    path = f"/posts/{post['id']}/favorite"

    first = await client.post(path, headers=alice.headers)
    second = await client.post(path, headers=bob.headers)
    again = await client.post(path, headers=bob.headers)
    anonymous = await client.get(f"/posts/{post['id']}")
    undone = await client.delete(path, headers=alice.headers)

    assert (first.json()["favorited"], first.json()["favorites_count"]) == (True, 1)
    assert (again.json()["favorited"], again.json()["favorites_count"]) == (True, 2)
    assert second.status_code == 200
    assert (anonymous.json()["favorited"], anonymous.json()["favorites_count"]) == (False, 2)
    assert (undone.json()["favorited"], undone.json()["favorites_count"]) == (False, 1)
    assert anonymous.json()["description"] == "A summary"
    favorited = await client.get("/posts", params={"favorited_by": bob.user["username"]})
    assert [p["id"] for p in favorited.json()["items"]] == [post["id"]]


async def test_favourite_errors(client: AsyncClient, alice: Account, bob: Account) -> None:
    draft = await create_post(client, alice.headers, published=False)

    assert_problem(await client.post(f"/posts/{draft['id']}/favorite", headers=alice.headers), 409)
    assert_problem(await client.post(f"/posts/{draft['id']}/favorite", headers=bob.headers), 404)
    assert_problem(await client.post(f"/posts/{MISSING}/favorite", headers=alice.headers), 404)
    assert_problem(await client.post(f"/posts/{draft['id']}/favorite"), 401)


async def test_comments(client: AsyncClient, alice: Account, bob: Account) -> None:
    post = await create_post(client, alice.headers)
    path = f"/posts/{post['id']}/comments"

    added = await client.post(path, json={"body": "First!"}, headers=bob.headers)
    await client.post(path, json={"body": "Second"}, headers=alice.headers)
    listed = await client.get(path, params={"limit": 1, "skip": 1})
    refused = await client.delete(f"{path}/{added.json()['id']}", headers=alice.headers)

    assert added.status_code == 201
    assert (added.json()["body"], added.json()["author"]["username"]) == (
        "First!",
        bob.user["username"],
    )
    page = listed.json()
    assert ([c["body"] for c in page["items"]], page["total"]) == (["Second"], 2)
    assert refused.status_code == 204  # the post's author may delete any comment on it
    assert (await client.get(path)).json()["total"] == 1


async def test_comment_errors(client: AsyncClient, alice: Account, bob: Account) -> None:
    post = await create_post(client, alice.headers)
    draft = await create_post(client, alice.headers, published=False)
    path = f"/posts/{post['id']}/comments"
    mine = (await client.post(path, json={"body": "Mine"}, headers=alice.headers)).json()

    others = await client.delete(f"{path}/{mine['id']}", headers=bob.headers)
    on_draft = await client.post(
        f"/posts/{draft['id']}/comments", json={"body": "x"}, headers=alice.headers
    )
    hidden_draft = await client.get(f"/posts/{draft['id']}/comments", headers=bob.headers)

    assert_problem(others, 403)
    assert_problem(on_draft, 409)
    assert_problem(hidden_draft, 404)
    assert_problem(await client.post(path, json={"body": "  "}, headers=alice.headers), 422)
    assert_problem(await client.post(path, json={"body": "x"}), 401)
    assert_problem(await client.delete(f"{path}/{MISSING}", headers=alice.headers), 404)
    assert (await client.get(path)).json()["total"] == 1


async def test_follow_then_feed(client: AsyncClient, alice: Account, bob: Account) -> None:
    await create_post(client, bob.headers, title="Bob before the follow")
    empty = await client.get("/feed", headers=alice.headers)
    await client.post(f"/users/{bob.user['username']}/follow", headers=alice.headers)
    await create_post(client, bob.headers, title="Bob after the follow")
    await create_post(client, bob.headers, title="Bob's draft", published=False)

    feed = (await client.get("/feed", headers=alice.headers)).json()

    assert (empty.json()["items"], empty.json()["total"]) == ([], 0)
    assert [p["title"] for p in feed["items"]] == ["Bob after the follow", "Bob before the follow"]
    assert all(p["author"]["following"] for p in feed["items"])
    assert_problem(await client.get("/feed"), 401)


async def test_tags_own_posts_and_slugs(client: AsyncClient, alice: Account, bob: Account) -> None:
    published = await create_post(client, alice.headers, tags=["b", "a"])
    await create_post(client, bob.headers, tags=["a"])
    draft = await create_post(client, alice.headers, tags=["secret"], published=False)

    tags = (await client.get("/tags")).json()
    drafts = (await client.get("/me/posts?status=draft", headers=alice.headers)).json()
    everything = (await client.get("/me/posts", headers=alice.headers)).json()
    by_slug = await client.get(f"/posts/by-slug/{published['slug']}")
    hidden = await client.get(f"/posts/by-slug/{draft['slug']}", headers=bob.headers)
    shown = await client.get(f"/posts/by-slug/{draft['slug']}", headers=alice.headers)

    assert tags == {"tags": ["a", "b"]}
    assert [p["id"] for p in drafts["items"]] == [draft["id"]]
    assert everything["total"] == 2
    assert by_slug.json()["id"] == published["id"]
    assert_problem(hidden, 404)
    assert shown.json()["id"] == draft["id"]
    assert_problem(await client.get("/me/posts?status=hidden", headers=alice.headers), 422)
    assert_problem(await client.get("/posts/by-slug/no-such-post"), 404)
