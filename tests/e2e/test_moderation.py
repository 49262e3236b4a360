"""Moderation over HTTP, on every backend: a hidden post or comment is gone for everyone but
its author, on the native API and on RealWorld's /api, its author sees why, and each action
is in the audit trail."""

from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import Headers, assert_problem, create_post

MISSING = "00000000-0000-4000-8000-000000000000"


def token(account: Account) -> Headers:
    """The account's token as RealWorld sends it."""
    return {"Authorization": account.headers["Authorization"].replace("Bearer", "Token")}


async def visible(client: AsyncClient, post: dict[str, object], headers: Headers) -> list[bool]:
    """Whether each read path shows ``post`` to whoever ``headers`` name."""
    slug, post_id = post["slug"], post["id"]
    found = [
        (await client.get(f"/posts/{post_id}", headers=headers)).status_code == 200,
        (await client.get(f"/posts/by-slug/{slug}", headers=headers)).status_code == 200,
        (await client.get(f"/api/articles/{slug}", headers=_rw(headers))).status_code == 200,
    ]
    lists = [
        ("/posts", "items", "slug"),
        ("/posts?q=engine", "items", "slug"),
        ("/posts?tag=maths", "items", "slug"),
        ("/api/articles", "articles", "slug"),
        ("/api/articles?tag=maths", "articles", "slug"),
    ]
    for path, key, field in lists:
        body = (await client.get(path, headers=_rw(headers) if "api" in path else headers)).json()
        found.append(any(item[field] == slug for item in body[key]))
    tags = (await client.get("/tags")).json()["tags"]
    found.append("maths" in tags)
    return found


def _rw(headers: Headers) -> Headers:
    return {k: v.replace("Bearer", "Token") for k, v in headers.items()}


async def test_a_hidden_post_is_gone_for_everyone_but_its_author(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers, tags=["maths"])
    await client.post(f"/users/{alice.user['username']}/follow", headers=bob.headers)
    assert all(await visible(client, post, bob.headers))

    response = await client.post(
        f"/admin/posts/{post['id']}/hide", json={"reason": "spam links"}, headers=admin.headers
    )

    assert response.status_code == 200
    moderation = response.json()
    assert (moderation["hidden"], moderation["reason"]) == (True, "spam links")
    for headers in (bob.headers, {}, admin.headers):
        assert not any((await visible(client, post, headers))[:-1])
    assert "maths" not in (await client.get("/tags")).json()["tags"]
    assert (await client.get("/feed", headers=bob.headers)).json()["total"] == 0
    feed = await client.get("/api/articles/feed", headers=token(bob))
    assert feed.json()["articlesCount"] == 0
    assert_problem(await client.post(f"/posts/{post['id']}/favorite", headers=bob.headers), 404)

    own = (await client.get(f"/posts/{post['id']}", headers=alice.headers)).json()
    assert (own["hidden"], own["hidden_reason"]) == (True, "spam links")
    article = (await client.get(f"/api/articles/{post['slug']}", headers=token(alice))).json()
    assert (article["article"]["hidden"], article["article"]["hiddenReason"]) == (
        True,
        "spam links",
    )
    mine = (await client.get("/me/posts", headers=alice.headers)).json()
    assert [p["hidden_reason"] for p in mine["items"]] == ["spam links"]

    restored = await client.post(f"/admin/posts/{post['id']}/restore", headers=admin.headers)
    assert restored.json()["hidden"] is False
    assert all(await visible(client, post, bob.headers))
    again = (await client.get(f"/posts/{post['id']}", headers=alice.headers)).json()
    assert "hidden" not in again
    assert "hidden_reason" not in again


async def test_a_hidden_comment_is_gone_for_everyone_but_its_author(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    comments = f"/posts/{post['id']}/comments"
    rude = (await client.post(comments, json={"body": "Rude."}, headers=bob.headers)).json()

    hidden = await client.post(
        f"/admin/comments/{rude['id']}/hide", json={"reason": "rude"}, headers=admin.headers
    )

    assert hidden.json()["hidden"] is True
    for headers in (alice.headers, {}, admin.headers):
        page = (await client.get(comments, headers=headers)).json()
        assert (page["total"], page["items"]) == (0, [])
    rw = await client.get(f"/api/articles/{post['slug']}/comments", headers=token(alice))
    assert rw.json()["comments"] == []
    own = (await client.get(comments, headers=bob.headers)).json()["items"]
    assert [(c["body"], c["hidden"], c["hidden_reason"]) for c in own] == [("Rude.", True, "rude")]
    rw_own = await client.get(f"/api/articles/{post['slug']}/comments", headers=token(bob))
    assert rw_own.json()["comments"][0]["hiddenReason"] == "rude"

    await client.post(f"/admin/comments/{rude['id']}/restore", headers=admin.headers)
    assert (await client.get(comments)).json()["total"] == 1


async def test_moderation_is_for_admins_with_a_reason(
    client: AsyncClient, alice: Account, bob: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    comment = (
        await client.post(
            f"/posts/{post['id']}/comments", json={"body": "Hi."}, headers=bob.headers
        )
    ).json()
    routes = [
        f"/admin/posts/{post['id']}/hide",
        f"/admin/posts/{post['id']}/restore",
        f"/admin/comments/{comment['id']}/hide",
        f"/admin/comments/{comment['id']}/restore",
    ]
    for path in routes:
        assert_problem(await client.post(path, json={"reason": "x"}, headers=alice.headers), 403)
        assert_problem(await client.post(path, json={"reason": "x"}), 401)
    for path in routes[0], routes[2]:
        assert_problem(await client.post(path, json={}, headers=admin.headers), 422)
        assert_problem(await client.post(path, json={"reason": " "}, headers=admin.headers), 422)
    for path in (f"/admin/posts/{MISSING}/hide", f"/admin/comments/{MISSING}/hide"):
        assert_problem(await client.post(path, json={"reason": "x"}, headers=admin.headers), 404)
    assert (await client.get(f"/posts/{post['id']}")).status_code == 200


async def test_moderation_is_in_the_audit_trail(
    client: AsyncClient, alice: Account, admin: Account
) -> None:
    post = await create_post(client, alice.headers)
    await client.post(
        f"/admin/posts/{post['id']}/hide", json={"reason": "spam"}, headers=admin.headers
    )
    await client.post(
        f"/admin/posts/{post['id']}/restore", json={"reason": "appeal"}, headers=admin.headers
    )

    trail = await client.get(
        "/admin/audit", params={"target_id": post["id"]}, headers=admin.headers
    )

    assert [(e["action"], e["target_type"], e["reason"]) for e in trail.json()["items"]] == [
        ("restore_post", "post", "appeal"),
        ("hide_post", "post", "spam"),
    ]
