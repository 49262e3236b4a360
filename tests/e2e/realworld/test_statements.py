"""Lists and the feed take a fixed number of SQL statements whatever the page size, with
``favorited``, ``following`` and ``favoritesCount`` computed in the query, never per row."""

from typing import Any

import pytest
from httpx import AsyncClient

from entrypoints.container import Container
from tests.e2e.realworld.helpers import create_article, register, token
from tests.integration.helpers import recorded_statements

SQL_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


async def _statements(client: AsyncClient, container: Container, path: str, user: Any) -> int:
    with recorded_statements(container.engine()) as statements:
        response = await client.get(path, headers=token(user))
    assert response.status_code == 200, response.text
    return len(statements)


@pytest.mark.parametrize("backend", SQL_BACKENDS, indirect=True)
async def test_pages_cost_the_same_whatever_their_size(
    client: AsyncClient, container: Container
) -> None:
    authors = [await register(client) for _ in range(3)]
    reader = await register(client)
    for number in range(24):
        author = authors[number % 3]
        article = await create_article(client, author, tagList=["a", "b", f"t{number}"])
        if number % 2:
            await client.post(f"/api/articles/{article['slug']}/favorite", headers=token(reader))
    for author in authors[:2]:
        await client.post(f"/api/profiles/{author['username']}/follow", headers=token(reader))
    for path in ("/api/articles", "/api/articles/feed"):
        small = await _statements(client, container, f"{path}?limit=2", reader)
        large = await _statements(client, container, f"{path}?limit=20", reader)
        assert small == large, path
        assert large <= 3, path  # the token's check, the total, the page
    slug = (await client.get("/api/articles?limit=1")).json()["articles"][0]["slug"]
    assert await _statements(client, container, f"/api/articles/{slug}", reader) == 2
    assert await _statements(client, container, "/api/tags", reader) == 2
