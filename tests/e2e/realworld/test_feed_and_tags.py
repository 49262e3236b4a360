"""The feed (token required; followed authors, most recent first) and the tags."""

from typing import Any

from httpx import AsyncClient

from tests.e2e.realworld.helpers import create_article, errors_of, register, token
from tests.e2e.realworld.spec import assert_conforms


async def test_the_feed_of_someone_who_follows_nobody_is_empty(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    await create_article(client, jane)
    response = await client.get("/api/articles/feed", headers=token(jake))
    assert response.status_code == 200
    assert response.json() == {"articles": [], "articlesCount": 0}


async def test_an_article_titled_feed_is_not_shadowed_by_the_feed(
    client: AsyncClient, jake: dict[str, Any]
) -> None:
    article = await create_article(client, jake, title="Feed!")
    assert article["slug"] != "feed"
    response = await client.get(f"/api/articles/{article['slug']}")
    assert response.status_code == 200
    assert response.json()["article"]["title"] == "Feed!"


async def test_follow_then_feed(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    other = await register(client)
    older = await create_article(client, jane)
    await create_article(client, other)
    newer = await create_article(client, jane)
    await create_article(client, jake)
    await client.post(f"/api/profiles/{jane['username']}/follow", headers=token(jake))
    response = await client.get("/api/articles/feed", headers=token(jake))
    assert_conforms(response.json(), "MultipleArticlesResponse")
    feed = response.json()
    assert [a["slug"] for a in feed["articles"]] == [newer["slug"], older["slug"]]
    assert feed["articlesCount"] == 2
    assert all(a["author"]["following"] for a in feed["articles"])
    assert all("body" not in a for a in feed["articles"])
    paged = await client.get("/api/articles/feed?limit=1&offset=1", headers=token(jake))
    assert [a["slug"] for a in paged.json()["articles"]] == [older["slug"]]
    assert paged.json()["articlesCount"] == 2
    await client.delete(f"/api/profiles/{jane['username']}/follow", headers=token(jake))
    after = await client.get("/api/articles/feed", headers=token(jake))
    assert after.json()["articlesCount"] == 0


async def test_the_feed_needs_a_token(client: AsyncClient) -> None:
    assert errors_of(await client.get("/api/articles/feed"), 401) == {"token": ["is missing"]}


async def test_tags_in_use_most_used_first(client: AsyncClient, jake: dict[str, Any]) -> None:
    assert (await client.get("/api/tags")).json() == {"tags": []}
    await create_article(client, jake, tagList=["rare", "common"])
    await create_article(client, jake, tagList=["common", "medium"])
    await create_article(client, jake, tagList=["medium", "common"])
    response = await client.get("/api/tags")
    assert response.status_code == 200
    assert_conforms(response.json(), "TagsResponse")
    assert response.json() == {"tags": ["common", "medium", "rare"]}


async def test_tags_of_deleted_articles_go(client: AsyncClient, jake: dict[str, Any]) -> None:
    article = await create_article(client, jake, tagList=["ephemeral"])
    await client.delete(f"/api/articles/{article['slug']}", headers=token(jake))
    assert (await client.get("/api/tags")).json() == {"tags": []}
