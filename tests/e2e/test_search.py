"""Searching posts over HTTP: GET /posts?q=..., alone or with tag and author_id."""

import pytest
from httpx import AsyncClient

from tests.e2e.conftest import Account
from tests.e2e.helpers import assert_problem, create_post, fields_of


async def test_search_ranks_and_combines_with_filters(
    client: AsyncClient, alice: Account, bob: Account
) -> None:
    title_hit = await create_post(client, alice.headers, title="Engines of the future", tags=["a"])
    body_hit = await create_post(
        client,
        bob.headers,
        title="Mills and looms",
        content="A steam engine drives them.",
        tags=["b"],
    )
    await create_post(client, alice.headers, title="Engine draft here", published=False)

    ranked = (await client.get("/posts", params={"q": "engine"})).json()
    by_bob = (await client.get("/posts", params={"q": "engine", "author_id": bob.id})).json()
    by_tag = (await client.get("/posts", params={"q": "engine", "tag": "a"})).json()

    assert [p["id"] for p in ranked["items"]] == [title_hit["id"], body_hit["id"]]
    assert ranked["total"] == 2
    assert [p["id"] for p in by_bob["items"]] == [body_hit["id"]]
    assert [p["id"] for p in by_tag["items"]] == [title_hit["id"]]


@pytest.mark.parametrize("q", ['"unbalanced', "-only", "", "   ", "x" * 201])
async def test_malformed_search_is_a_422_never_a_500(client: AsyncClient, q: str) -> None:
    problem = assert_problem(await client.get("/posts", params={"q": q}), 422)

    assert "q" in fields_of(problem)


@pytest.mark.parametrize("q", ["NOT", "engine OR", "AND*", "NEAR(a b)", "'; DROP TABLE posts; --"])
async def test_words_that_are_operators_elsewhere_are_searched_as_words(
    client: AsyncClient, alice: Account, q: str
) -> None:
    await create_post(client, alice.headers)

    response = await client.get("/posts", params={"q": q})

    assert response.status_code == 200
    assert (await client.get("/posts")).json()["total"] == 1
