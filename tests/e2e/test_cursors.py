"""Cursor pagination over HTTP, on memory, SQLite and PostgreSQL: a walk by cursor sees every
item once, in list order, also while items are added, on every list (posts, users, the feed,
one's own posts, comments); a cursor that was altered, forged or made for another list is a 422
and changes nothing."""

import base64
from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, fields_of, register


async def _walk(
    client: AsyncClient, path: str, headers: dict[str, str] | None = None, **params: Any
) -> list[list[str]]:
    """Every page's ids, following next_cursor from the first page to the last (bounded)."""
    pages: list[list[str]] = []
    cursor = None
    for _ in range(50):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = await client.get(path, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
    raise AssertionError("the cursor walk did not end")


async def test_a_cursor_walk_sees_every_post_once_in_order(
    client: AsyncClient, alice: Account
) -> None:
    posts = [await create_post(client, alice.headers, title=f"Post number {n}") for n in range(7)]
    await create_post(client, alice.headers, title="A draft", published=False)
    newest_first = [post["id"] for post in reversed(posts)]

    pages = await _walk(client, "/posts", limit=3)

    assert pages == [newest_first[:3], newest_first[3:6], newest_first[6:]]
    by_skip = (await client.get("/posts", params={"limit": 100})).json()
    assert [post["id"] for post in by_skip["items"]] == newest_first
    assert by_skip["next_cursor"] is None  # everything fits: no next page


async def test_an_exactly_full_last_page_has_no_next_cursor(
    client: AsyncClient, alice: Account
) -> None:
    for n in range(4):
        await create_post(client, alice.headers, title=f"Post number {n}")
    assert [len(page) for page in await _walk(client, "/posts", limit=2)] == [2, 2]


async def test_posts_added_during_a_walk_neither_repeat_nor_shift_it(
    client: AsyncClient, alice: Account
) -> None:
    old = [await create_post(client, alice.headers, title=f"Old post {n}") for n in range(4)]
    first = (await client.get("/posts", params={"limit": 2})).json()
    await create_post(client, alice.headers, title="A newer post")
    second = await client.get("/posts", params={"limit": 2, "cursor": first["next_cursor"]})

    ids = [post["id"] for post in first["items"] + second.json()["items"]]
    assert ids == [post["id"] for post in reversed(old)]


async def test_a_cursor_keeps_the_filter_it_was_made_for(
    client: AsyncClient, alice: Account
) -> None:
    tagged = [
        await create_post(client, alice.headers, title=f"Tagged {n}", tags=["x"]) for n in range(3)
    ]
    await create_post(client, alice.headers, title="Untagged post", tags=[])

    pages = await _walk(client, "/posts", limit=2, tag="x")

    assert [item for page in pages for item in page] == [post["id"] for post in reversed(tagged)]
    first = (await client.get("/posts", params={"limit": 2, "tag": "x"})).json()
    other_list = await client.get("/posts", params={"cursor": first["next_cursor"], "tag": "y"})
    assert "cursor" in fields_of(assert_problem(other_list, 422))
    unfiltered = await client.get("/posts", params={"cursor": first["next_cursor"]})
    assert "cursor" in fields_of(assert_problem(unfiltered, 422))


async def test_users_are_walked_by_cursor_oldest_first(client: AsyncClient, admin: Account) -> None:
    for _ in range(4):
        await register(client)
    everyone = (await client.get("/users", params={"limit": 100})).json()["items"]

    pages = await _walk(client, "/users", limit=2)

    assert [item for page in pages for item in page] == [user["id"] for user in everyone]
    assert len(pages) == -(-len(everyone) // 2)


def _altered(cursor: str) -> str:
    body, tag = cursor.split(".")
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    changed = raw.replace(b'"posts:', b'"users:') if b'"posts:' in raw else raw[:-2] + b'0"]'
    return base64.urlsafe_b64encode(changed).rstrip(b"=").decode() + "." + tag


@pytest.mark.parametrize(
    "make_bad",
    [
        pytest.param(lambda good: _altered(good), id="payload-altered"),
        pytest.param(lambda good: good.split(".")[0] + ".AAAAAAAAAAAAAAAAAAAAAA", id="tag-forged"),
        pytest.param(lambda good: good[:-3], id="truncated"),
        pytest.param(lambda good: "not-a-cursor", id="garbage"),
        pytest.param(lambda good: "a.b.c", id="three-parts"),
        pytest.param(lambda good: "é" * 10, id="not-ascii"),
        pytest.param(lambda good: "x" * 600, id="too-long"),
    ],
)
async def test_a_tampered_cursor_is_a_422(
    client: AsyncClient, alice: Account, make_bad: Any
) -> None:
    for n in range(3):
        await create_post(client, alice.headers, title=f"Post number {n}")
    good = (await client.get("/posts", params={"limit": 1})).json()["next_cursor"]

    response = await client.get("/posts", params={"limit": 1, "cursor": make_bad(good)})

    problem = assert_problem(response, 422)
    assert "cursor" in fields_of(problem)
    assert good not in response.text


async def test_a_users_cursor_is_foreign_to_posts_and_skip_does_not_mix(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    users_cursor = (await client.get("/users", params={"limit": 1})).json()["next_cursor"]
    assert users_cursor is not None
    assert "cursor" in fields_of(
        assert_problem(await client.get("/posts", params={"cursor": users_cursor}), 422)
    )
    both = await client.get("/users", params={"cursor": users_cursor, "skip": 1})
    assert "cursor" in fields_of(assert_problem(both, 422))


async def test_the_feed_and_ones_own_posts_are_walked_by_cursor(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    await client.post(f"/users/{alice.user['username']}/follow", headers=bob.headers)
    posts = [await create_post(client, alice.headers, title=f"Post number {n}") for n in range(5)]
    drafts = [
        await create_post(client, alice.headers, title=f"Draft {n}", published=False)
        for n in range(2)
    ]
    newest_first = [post["id"] for post in reversed(posts)]

    feed = await _walk(client, "/feed", bob.headers, limit=2)
    mine = await _walk(client, "/me/posts", alice.headers, limit=3, status="all")

    assert feed == [newest_first[:2], newest_first[2:4], newest_first[4:]]
    written_newest_first = [d["id"] for d in reversed(drafts)] + newest_first
    assert [post for page in mine for post in page] == written_newest_first
    assert [len(page) for page in mine] == [3, 3, 1]
    bobs_cursor = (await client.get("/feed", params={"limit": 1}, headers=bob.headers)).json()
    foreign = await client.get(
        "/feed", params={"cursor": bobs_cursor["next_cursor"]}, headers=alice.headers
    )
    assert_problem(foreign, 422)  # a feed cursor is good for its reader's feed only


async def test_comments_are_walked_by_cursor_oldest_first(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    post = await create_post(client, alice.headers, title="Talked about")
    other = await create_post(client, alice.headers, title="Another post")
    path = f"/posts/{post['id']}/comments"
    said = []
    for n in range(5):
        response = await client.post(path, json={"body": f"comment {n}"}, headers=bob.headers)
        assert response.status_code == 201, response.text
        said.append(response.json()["id"])

    pages = await _walk(client, path, limit=2)

    assert pages == [said[:2], said[2:4], said[4:]]
    first = (await client.get(path, params={"limit": 2})).json()
    elsewhere = await client.get(
        f"/posts/{other['id']}/comments", params={"cursor": first["next_cursor"]}
    )
    assert_problem(elsewhere, 422)  # made for another post's comments
