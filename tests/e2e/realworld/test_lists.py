"""GET /api/articles: most recent first, filters, limit and offset, articlesCount; no body."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import create_article, errors_of, register, token
from tests.e2e.realworld.spec import assert_conforms


async def slugs(client: AsyncClient, query: str = "", **headers: str) -> list[str]:
    response = await client.get(f"/api/articles{query}", headers=headers)
    assert response.status_code == 200, response.text
    assert_conforms(response.json(), "MultipleArticlesResponse")
    return [article["slug"] for article in response.json()["articles"]]


async def test_most_recent_first_and_without_body(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    first = await create_article(client, jake)
    second = await create_article(client, jake)
    response = await client.get("/api/articles")
    body = response.json()
    assert [a["slug"] for a in body["articles"]] == [second["slug"], first["slug"]]
    assert body["articlesCount"] == 2
    assert all("body" not in article for article in body["articles"])
    assert body["articles"][1] == {k: v for k, v in first.items() if k != "body"}


async def test_an_empty_list(client: AsyncClient) -> None:
    assert (await client.get("/api/articles")).json() == {"articles": [], "articlesCount": 0}


async def test_limit_and_offset(client: AsyncClient, jake: dict[str, Any]) -> None:
    made = [(await create_article(client, jake))["slug"] for _ in range(5)][::-1]
    assert await slugs(client) == made
    assert await slugs(client, "?limit=2") == made[:2]
    assert await slugs(client, "?limit=2&offset=2") == made[2:4]
    assert await slugs(client, "?offset=4") == made[4:]
    assert await slugs(client, "?offset=10") == []
    count = (await client.get("/api/articles?limit=1")).json()["articlesCount"]
    assert count == 5


@pytest.mark.parametrize("query", ["?limit=0", "?limit=-1", "?offset=-1", "?limit=x", "?limit=101"])
async def test_bad_limits_are_422(client: AsyncClient, query: str) -> None:
    errors_of(await client.get(f"/api/articles{query}"), 422)


async def test_filters_by_tag_author_and_favorited(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    dragons = await create_article(client, jake, tagList=["dragons"])
    cats = await create_article(client, jane, tagList=["cats"])
    await client.post(f"/api/articles/{dragons['slug']}/favorite", headers=token(jane))
    assert await slugs(client, "?tag=dragons") == [dragons["slug"]]
    assert await slugs(client, "?tag=unused") == []
    assert await slugs(client, f"?author={jane['username']}") == [cats["slug"]]
    assert await slugs(client, f"?author={jane['username'].upper()}") == [cats["slug"]]
    assert await slugs(client, "?author=nobody-at-all") == []
    assert await slugs(client, f"?favorited={jane['username']}") == [dragons["slug"]]
    assert await slugs(client, f"?favorited={jake['username']}") == []
    both = f"?tag=dragons&author={jake['username']}&favorited={jane['username']}"
    assert await slugs(client, both) == [dragons["slug"]]
    assert await slugs(client, f"?tag=cats&author={jake['username']}") == []


async def test_favorited_and_following_are_for_the_viewer(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    await client.post(f"/api/articles/{article['slug']}/favorite", headers=token(jane))
    await client.post(f"/api/profiles/{jake['username']}/follow", headers=token(jane))
    seen_by_jane = (await client.get("/api/articles", headers=token(jane))).json()["articles"][0]
    assert seen_by_jane["favorited"] is True
    assert seen_by_jane["favoritesCount"] == 1
    assert seen_by_jane["author"]["following"] is True
    anonymous = (await client.get("/api/articles")).json()["articles"][0]
    assert (anonymous["favorited"], anonymous["favoritesCount"]) == (False, 1)
    assert anonymous["author"]["following"] is False


async def test_a_bad_token_is_401_even_on_public_lists(client: AsyncClient) -> None:
    response = await client.get("/api/articles", headers={"Authorization": "Token nope"})
    assert errors_of(response, 401) == {"token": ["is invalid"]}


async def test_native_drafts_never_show(client: AsyncClient) -> None:
    user = await register(client)
    headers = {"Authorization": f"Bearer {user['token']}"}
    draft = {"title": "A native draft", "content": "Not for the world yet.", "published": False}
    assert (await client.post("/posts", json=draft, headers=headers)).status_code == 201
    assert (await client.get("/api/articles")).json()["articlesCount"] == 0
    assert (await client.get("/api/articles/a-native-draft")).status_code == 404
