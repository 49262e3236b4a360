"""Folio's cursors on RealWorld's lists: ``cursor`` beside ``offset``, ``next_cursor`` while
another page follows, the same 422s as the native API's lists, in RealWorld's error format."""

from typing import Any

from httpx import AsyncClient

from tests.e2e.realworld.helpers import create_article, errors_of, register, token
from tests.e2e.realworld.spec import assert_conforms


async def walk(client: AsyncClient, path: str, **headers: str) -> list[list[str]]:
    """Every page of ``path`` (its query asks for a limit) by the cursors it answers."""
    pages, cursor = [], ""
    while True:
        response = await client.get(path + cursor, headers=headers)
        assert response.status_code == 200, response.text
        assert_conforms(response.json(), "MultipleArticlesResponse")
        pages.append([article["slug"] for article in response.json()["articles"]])
        if "next_cursor" not in response.json():
            return pages
        cursor = f"&cursor={response.json()['next_cursor']}"


async def test_the_list_is_walked_by_cursor_to_its_last_page(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    made = [(await create_article(client, jake, tagList=["t"]))["slug"] for _ in range(5)][::-1]
    assert await walk(client, "/api/articles?limit=2") == [made[:2], made[2:4], made[4:]]
    assert await walk(client, "/api/articles?limit=5&tag=t") == [made]
    last = (await client.get("/api/articles?limit=5")).json()
    assert set(last) == {"articles", "articlesCount"}  # the specification's envelope exactly


async def test_articles_published_during_a_walk_neither_repeat_nor_shift_it(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    made = [(await create_article(client, jake))["slug"] for _ in range(4)][::-1]
    first = (await client.get("/api/articles?limit=2")).json()
    await create_article(client, jake)
    cursor = first["next_cursor"]
    second = (await client.get(f"/api/articles?limit=2&cursor={cursor}")).json()
    assert [a["slug"] for a in second["articles"]] == made[2:]


async def test_the_feed_is_walked_by_cursor(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    made = [(await create_article(client, jane))["slug"] for _ in range(3)][::-1]
    await client.post(f"/api/profiles/{jane['username']}/follow", headers=token(jake))
    pages = await walk(client, "/api/articles/feed?limit=2", **token(jake))
    assert pages == [made[:2], made[2:]]


async def test_a_tampered_foreign_or_offset_cursor_is_a_422(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    for _ in range(3):
        await create_article(client, jake, tagList=["t"])
    await client.post(f"/api/profiles/{jake['username']}/follow", headers=token(jane))
    cursor = (await client.get("/api/articles?limit=1")).json()["next_cursor"]
    feed_cursor = (await client.get("/api/articles/feed?limit=1", headers=token(jane))).json()
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    for query in (
        f"?limit=1&cursor={tampered}",
        f"?limit=1&cursor={feed_cursor['next_cursor']}",  # the feed's
        f"?limit=1&tag=t&cursor={cursor}",  # another filter's
        f"?limit=1&offset=1&cursor={cursor}",
        "?cursor=",
    ):
        assert "cursor" in errors_of(await client.get(f"/api/articles{query}"), 422), query
    both = await client.get(f"/api/articles?offset=1&cursor={cursor}")
    assert errors_of(both, 422) == {"cursor": ["give either offset or cursor, not both"]}
    other = await register(client)
    foreign = await client.get(
        f"/api/articles/feed?limit=1&cursor={feed_cursor['next_cursor']}", headers=token(other)
    )
    assert "cursor" in errors_of(foreign, 422)  # another reader's feed
