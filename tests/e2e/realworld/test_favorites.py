"""Favourite and unfavourite: idempotent, counted per user, shown for the viewer."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.e2e.realworld.helpers import create_article, errors_of, token
from tests.e2e.realworld.spec import assert_conforms


async def test_favouriting_from_two_users(
    client: AsyncClient, jake: dict[str, Any], jane: dict[str, Any]
) -> None:
    article = await create_article(client, jake)
    path = f"/api/articles/{article['slug']}/favorite"
    by_jane = await client.post(path, headers=token(jane))
    assert by_jane.status_code == 200
    assert_conforms(by_jane.json(), "SingleArticleResponse")
    favorited = by_jane.json()["article"]
    assert (favorited["favorited"], favorited["favoritesCount"]) == (True, 1)
    by_jake = (await client.post(path, headers=token(jake))).json()["article"]
    assert (by_jake["favorited"], by_jake["favoritesCount"]) == (True, 2)
    again = (await client.post(path, headers=token(jake))).json()["article"]
    assert again["favoritesCount"] == 2
    seen = (await client.get(f"/api/articles/{article['slug']}", headers=token(jane))).json()
    assert (seen["article"]["favorited"], seen["article"]["favoritesCount"]) == (True, 2)
    undone = await client.delete(path, headers=token(jane))
    assert undone.status_code == 200
    assert_conforms(undone.json(), "SingleArticleResponse")
    unfavorited = undone.json()["article"]
    assert (unfavorited["favorited"], unfavorited["favoritesCount"]) == (False, 1)
    undone_again = (await client.delete(path, headers=token(jane))).json()["article"]
    assert undone_again["favoritesCount"] == 1
    anonymous = (await client.get(f"/api/articles/{article['slug']}")).json()["article"]
    assert (anonymous["favorited"], anonymous["favoritesCount"]) == (False, 1)


@pytest.mark.parametrize("method", ["POST", "DELETE"])
async def test_favouriting_needs_a_token(
    client: AsyncClient, jake: dict[str, Any], method: str
) -> None:
    article = await create_article(client, jake)
    response = await client.request(method, f"/api/articles/{article['slug']}/favorite")
    assert errors_of(response, 401) == {"token": ["is missing"]}


@pytest.mark.parametrize("method", ["POST", "DELETE"])
async def test_favouriting_an_unknown_article_is_a_404(
    client: AsyncClient, jake: dict[str, Any], method: str
) -> None:
    response = await client.request(method, "/api/articles/nothing/favorite", headers=token(jake))
    assert errors_of(response, 404) == {"article": ["not found"]}
